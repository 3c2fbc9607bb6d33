namespace PasidLedger.Bus;

/// <summary>Marks the PasidLedger.Bus assembly for reflection-based checks.</summary>
public static class AssemblyMarker;
