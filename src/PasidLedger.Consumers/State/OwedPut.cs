namespace PasidLedger.Consumers.State;

/// <summary>A reference whose table entry is already gone and which is still to be put, as step <paramref name="Step"/> of <paramref name="Cause"/>.</summary>
public sealed record OwedPut(HostPasid Host, Guid Cause, string Step);
