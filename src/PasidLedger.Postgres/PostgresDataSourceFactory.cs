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
    /// prepares statements automatically (unless the connection string says otherwise): the
    /// writer's few statements are the same text every batch, so the server parses and plans
    /// them once per connection instead of on every group commit.
    /// </summary>
    public static NpgsqlDataSource Create(PostgresOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        builder.ConnectionStringBuilder.SearchPath = PostgresIdentifier.EnsureSchemaName(options.SchemaName);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            builder.ConnectionStringBuilder.ApplicationName = "pasidledger";
        }

        if (!builder.ConnectionStringBuilder.ContainsKey("Max Auto Prepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = MaxAutoPrepare;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return builder.Build();
    }
}
