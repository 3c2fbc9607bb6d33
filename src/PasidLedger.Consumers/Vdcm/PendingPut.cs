using PasidLedger.Consumers.State;

namespace PasidLedger.Consumers.Vdcm;

/// <summary>The reference that work queue <paramref name="Queue"/> held on <paramref name="Host"/>, cleared in hardware and still to be put as step <c>put/&lt;queue&gt;</c> of <paramref name="Cause"/>.</summary>
public sealed record PendingPut(string Queue, HostPasid Host, Guid Cause);
