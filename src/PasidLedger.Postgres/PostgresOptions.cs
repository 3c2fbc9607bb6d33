namespace PasidLedger.Postgres;

/// <summary>
/// Where the ledger's PostgreSQL lives: a connection string and the schema that holds
/// the event store and read models (every connection gets it as its <c>search_path</c>).
/// </summary>
public sealed record PostgresOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Postgres";

    /// <summary>An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres</c>.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// Schema holding the ledger's tables; lowercase letters, digits and underscores
    /// (tests use one <c>t_&lt;guid&gt;</c> schema per test class).
    /// </summary>
    public string SchemaName { get; init; } = "public";
}
