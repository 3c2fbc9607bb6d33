using PasidLedger.Domain.Access;

namespace PasidLedger.Bus.Commands;

/// <summary>The audit of refused authorizations, shared with HTTP: the port the bus command endpoint records a <c>Forbidden</c> through.</summary>
public interface IRefusalAudit
{
    /// <summary>Counts one refusal of <paramref name="principal"/>'s <paramref name="method"/> on <paramref name="route"/> (for the bus: <c>BUS</c> and the message type).</summary>
    void Record(Principal principal, string method, string route, string? pool, string path, string detail);
}
