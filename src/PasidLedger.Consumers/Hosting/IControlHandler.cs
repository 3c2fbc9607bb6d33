using PasidLedger.Consumers.Control;

namespace PasidLedger.Consumers.Hosting;

/// <summary>A component that answers control request <typeparamref name="T"/> (ControlMessages.cs).</summary>
public interface IControlHandler<in T> where T : class
{
    /// <summary>Handles <paramref name="request"/>; its commands to the ledger take their ids from <paramref name="requestId"/>.</summary>
    Task<ControlResult> HandleAsync(T request, Guid requestId, CancellationToken ct);
}
