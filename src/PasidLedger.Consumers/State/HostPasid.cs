namespace PasidLedger.Consumers.State;

/// <summary>A host PASID with the generation its reference was taken on.</summary>
public sealed record HostPasid(uint Id, int Generation);
