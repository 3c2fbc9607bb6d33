namespace PasidLedger.Api.Tests.Support;

/// <summary>
/// The ledger as the bus scenarios reach it, in-process (<see cref="BusLedgerApi"/>) or as processes of its own: the
/// broker it relays to and reads commands from, the tokens it accepts, and a new pool.
/// </summary>
public interface IBusLedger
{
    /// <summary>The broker's amqp:// URL.</summary>
    Uri BrokerUrl { get; }

    /// <summary>A token for <paramref name="caller"/>, as <see cref="LedgerApi.TokenFor(string)"/> names callers.</summary>
    string TokenFor(string caller);

    /// <summary>Creates a pool with a fresh name and returns the name.</summary>
    Task<string> NewPoolAsync(CancellationToken ct);
}
