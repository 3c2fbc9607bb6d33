namespace PasidLedger.Contracts;

/// <summary>Marks the PasidLedger.Contracts assembly for reflection-based checks.</summary>
public static class AssemblyMarker;
