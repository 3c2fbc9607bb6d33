namespace PasidLedger.Postgres;

/// <summary>Marks the PasidLedger.Postgres assembly for reflection-based checks.</summary>
public static class AssemblyMarker;
