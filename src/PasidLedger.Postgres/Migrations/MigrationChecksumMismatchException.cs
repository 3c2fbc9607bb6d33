namespace PasidLedger.Postgres.Migrations;

/// <summary>
/// An already-applied migration file was changed after it ran. Migrations are
/// forward-only: write a new numbered file instead of editing an applied one.
/// </summary>
public sealed class MigrationChecksumMismatchException : Exception
{
    public MigrationChecksumMismatchException()
        : this("An applied migration file changed after it ran.")
    {
    }

    public MigrationChecksumMismatchException(string message)
        : base(message)
    {
    }

    public MigrationChecksumMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MigrationChecksumMismatchException(string fileName, string appliedSha256, string currentSha256)
        : base($"Migration {fileName} was applied with sha256 {appliedSha256} but the file now has sha256 "
            + $"{currentSha256}. Applied migrations must not change: restore the file and add a new numbered migration.")
    {
        FileName = fileName;
        AppliedSha256 = appliedSha256;
        CurrentSha256 = currentSha256;
    }

    /// <summary>The changed file, e.g. <c>0001_event_store.sql</c>.</summary>
    public string? FileName { get; }

    /// <summary>The checksum recorded in <c>schema_journal</c> when the file was applied.</summary>
    public string? AppliedSha256 { get; }

    /// <summary>The checksum of the file as it is now.</summary>
    public string? CurrentSha256 { get; }
}
