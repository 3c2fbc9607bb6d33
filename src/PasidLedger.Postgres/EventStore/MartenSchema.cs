using Marten;
using Npgsql;

namespace PasidLedger.Postgres.EventStore;

/// <summary>
/// The DDL Marten needs for <see cref="LedgerEventStore"/>, as exported from Marten itself: migration
/// 0008 holds <see cref="ExportScript"/>'s output, so the schema is reviewable SQL and is never created
/// by Marten at run time. Marten qualifies every name with the schema, so the export names a
/// placeholder schema, which the migrator replaces with the target schema when it applies a file.
/// </summary>
public static class MartenSchema
{
    /// <summary>The schema name the exported script uses; unique enough never to occur otherwise.</summary>
    public const string Placeholder = "pasidledger_marten_schema";

    /// <summary>Marten's whole schema for the ledger's configuration, in the <see cref="Placeholder"/> schema.</summary>
    public static string ExportScript()
    {
        // Never opened: writing the script needs the configuration only.
        using var dataSource = NpgsqlDataSource.Create("Host=localhost");
        using var store = new DocumentStore(LedgerEventStore.Options(dataSource, Placeholder));
        return store.Storage.ToDatabaseScript();
    }

    /// <summary><paramref name="sql"/> for <paramref name="schema"/>: every placeholder replaced.</summary>
    public static string ForSchema(string sql, string schema) => sql.Replace(Placeholder, schema, StringComparison.Ordinal);
}
