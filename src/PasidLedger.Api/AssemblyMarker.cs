namespace PasidLedger.Api;

/// <summary>Marks the PasidLedger.Api assembly for reflection-based checks.</summary>
public static class AssemblyMarker;
