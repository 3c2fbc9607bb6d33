namespace PasidLedger.Application;

/// <summary>Marks the PasidLedger.Application assembly for reflection-based checks.</summary>
public static class AssemblyMarker;
