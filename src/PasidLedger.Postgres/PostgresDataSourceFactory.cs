using System.Data.Common;
using Npgsql;

namespace PasidLedger.Postgres;

/// <summary>Builds the one <see cref="NpgsqlDataSource"/> the process uses for the ledger.</summary>
public static class PostgresDataSourceFactory
{
    /// <summary>Prepared statements kept per connection: room for every statement the ledger sends often.</summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>
    /// Creates a data source whose every connection has <c>search_path</c> set to
    /// <see cref="PostgresOptions.SchemaName"/>, so unqualified table names resolve to it, and
    /// prepares statements automatically: the writer's few statements are the same text every
    /// batch, so the server parses and plans them once per connection instead of on every group
    /// commit. Connections go back to the pool without a reset (<c>DISCARD ALL</c>, one more
    /// statement per group commit): the ledger keeps no session state (search_path comes with the
    /// connection, advisory locks are per transaction, the migrator unlocks its session lock).
    /// A connection string that sets either option keeps its own value.
    /// </summary>
    public static NpgsqlDataSource Create(PostgresOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.SearchPath = PostgresIdentifier.EnsureSchemaName(options.SchemaName);
        if (string.IsNullOrEmpty(settings.ApplicationName))
        {
            settings.ApplicationName = "pasidledger";
        }

        // Not settings.ContainsKey: Npgsql's builder answers true for every keyword it knows.
        var given = new DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            settings.MaxAutoPrepare = MaxAutoPrepare;
            settings.AutoPrepareMinUsages = 2;
        }

        // Marten's append stamps events with `now() at time zone 'utc'` into a timestamptz column, which
        // reads that wall-clock time in the session's zone: only a UTC session stores the right instant.
        if (!given.ContainsKey("Timezone"))
        {
            settings.Timezone = "UTC";
        }

        if (!given.ContainsKey("No Reset On Close"))
        {
            settings.NoResetOnClose = true;
        }

        return builder.Build();
    }
}
