using Npgsql;

namespace PasidLedger.Postgres;

/// <summary>Builds the one <see cref="NpgsqlDataSource"/> the process uses for the ledger.</summary>
public static class PostgresDataSourceFactory
{
    /// <summary>
    /// Creates a data source whose every connection has <c>search_path</c> set to
    /// <see cref="PostgresOptions.SchemaName"/>, so unqualified table names resolve to it.
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

        return builder.Build();
    }
}
