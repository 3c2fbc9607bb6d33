namespace PasidLedger.Domain;

/// <summary>Marks the domain assembly.</summary>
public static class AssemblyMarker;
