using System.Data;

using Npgsql;

namespace PasidLedger.Postgres.Migrations;

/// <summary>
/// Applies the pending <c>migrations/NNNN_name.sql</c> files to one schema, each in its
/// own transaction, while holding a session-level advisory lock so that concurrent
/// migrators (several service instances starting at once) apply each file exactly once.
/// Refuses to run when an applied file changed (<see cref="MigrationChecksumMismatchException"/>).
/// </summary>
public sealed class Migrator
{
    /// <summary>The fixed key of the advisory lock held while migrating: "PASIDMIG" in ASCII.</summary>
    public const long AdvisoryLockKey = 0x5041_5349_444D_4947;

    private readonly NpgsqlDataSource _dataSource;
    private readonly IReadOnlyList<MigrationScript> _scripts;
    private readonly SchemaJournal _journal;

    /// <summary>A migrator for the migrations embedded in this assembly.</summary>
    public Migrator(NpgsqlDataSource dataSource, string schemaName)
        : this(dataSource, schemaName, EmbeddedMigrations.Load())
    {
    }

    /// <summary>A migrator for the given scripts (in any order).</summary>
    public Migrator(NpgsqlDataSource dataSource, string schemaName, IReadOnlyList<MigrationScript> scripts)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(scripts);
        _dataSource = dataSource;
        _scripts = [.. scripts.OrderBy(s => s.Version)];
        _journal = new SchemaJournal(PostgresIdentifier.EnsureSchemaName(schemaName));
    }

    /// <summary>Applies every pending migration; returns the ones applied by this call, in order.</summary>
    public async Task<IReadOnlyList<MigrationScript>> MigrateAsync(CancellationToken ct)
    {
        await using var conn = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await SetLockAsync(conn, "select pg_advisory_lock(@key)", ct).ConfigureAwait(false);
        try
        {
            await _journal.EnsureCreatedAsync(conn, ct).ConfigureAwait(false);
            var applied = await _journal.ReadAsync(conn, ct).ConfigureAwait(false);
            var pending = Pending(applied);
            foreach (var script in pending)
            {
                await _journal.ApplyAsync(conn, script, ct).ConfigureAwait(false);
            }

            return pending;
        }
        finally
        {
            // A broken session has already released its lock; an open one must say so,
            // since a pooled connection may live on.
            if (conn.State == ConnectionState.Open)
            {
                await SetLockAsync(conn, "select pg_advisory_unlock(@key)", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private List<MigrationScript> Pending(IReadOnlyDictionary<int, (string Name, string Sha256)> applied)
    {
        foreach (var (version, (name, sha256)) in applied)
        {
            var script = _scripts.FirstOrDefault(s => s.Version == version) ?? throw new InvalidOperationException(
                $"The database has migration {version:D4}_{name}.sql applied, which this build does not contain: "
                + "the database is newer than the code.");
            if (script.Name != name || script.Sha256 != sha256)
            {
                throw new MigrationChecksumMismatchException(script.FileName, sha256, script.Sha256);
            }
        }

        var latest = applied.Count == 0 ? 0 : applied.Keys.Max();
        var pending = _scripts.Where(s => !applied.ContainsKey(s.Version)).ToList();
        var late = pending.FirstOrDefault(s => s.Version < latest);
        return late is null ? pending : throw new InvalidOperationException(
            $"Migration {late.FileName} is numbered below the latest applied version {latest:D4}; "
            + "migrations are forward-only, so renumber it after the latest one.");
    }

    private static async Task SetLockAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        cmd.Parameters.AddWithValue("key", AdvisoryLockKey);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
