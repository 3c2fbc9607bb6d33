using Npgsql;
using PasidLedger.Postgres.EventStore;

namespace PasidLedger.Postgres.Migrations;

/// <summary>
/// The <c>schema_journal</c> table of one schema: which migrations ran, with their
/// checksums. Created by the migrator itself, since it must exist before 0001 runs.
/// </summary>
internal sealed class SchemaJournal(string schema)
{
    public async Task EnsureCreatedAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        // Run under the migration lock: "if not exists" is not safe against a concurrent creator.
        await using var cmd = new NpgsqlCommand(
            $"""
            create schema if not exists {schema};
            create table if not exists {schema}.schema_journal (
                version    integer     not null,
                name       text        not null,
                sha256     text        not null,
                applied_at timestamptz not null default now(),
                constraint pk_schema_journal primary key (version)
            );
            """,
            conn);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<int, (string Name, string Sha256)>> ReadAsync(
        NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"select version, name, sha256 from {schema}.schema_journal order by version", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var applied = new Dictionary<int, (string, string)>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return applied;
    }

    public async Task ApplyAsync(NpgsqlConnection conn, MigrationScript script, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var path = new NpgsqlCommand($"set local search_path to {schema}", conn, tx))
        {
            await path.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        // A migration may build indexes on large tables: no command timeout. Marten's DDL (0008) names
        // a placeholder schema; the checksum stays that of the file.
        await using (var body = new NpgsqlCommand(MartenSchema.ForSchema(script.Sql, schema), conn, tx) { CommandTimeout = 0 })
        {
            await body.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using (var record = new NpgsqlCommand(
            $"insert into {schema}.schema_journal (version, name, sha256) values (@version, @name, @sha256)", conn, tx))
        {
            record.Parameters.AddWithValue("version", script.Version);
            record.Parameters.AddWithValue("name", script.Name);
            record.Parameters.AddWithValue("sha256", script.Sha256);
            await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
    }
}
