namespace PasidLedger.Postgres.Migrations;

/// <summary>
/// One numbered, forward-only SQL file from <c>migrations/</c>, e.g. version 1, name
/// <c>event_store</c> for <c>0001_event_store.sql</c>.
/// </summary>
/// <param name="Version">The number in the file name.</param>
/// <param name="Name">The rest of the file name, without the extension.</param>
/// <param name="Sql">The file's text.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the file's bytes, recorded in <c>schema_journal</c>.</param>
public sealed record MigrationScript(int Version, string Name, string Sql, string Sha256)
{
    /// <summary>The file name, as people know the script: <c>0001_event_store.sql</c>.</summary>
    public string FileName => $"{Version:D4}_{Name}.sql";
}
