namespace PasidLedger.Consumers;

/// <summary>Marks the PasidLedger.Consumers assembly for reflection-based checks.</summary>
public static class AssemblyMarker;
