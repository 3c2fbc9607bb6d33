using System.Text.Json;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain.Events;
using Weasel.Core;

namespace PasidLedger.Postgres.EventStore;

/// <summary>
/// The one Marten configuration of the ledger (ARCHITECTURE.md 7): one stream per pool under a string
/// key, Quick append (one function call per batch), every event type under its persisted name (<see cref="EventNames"/>), bodies in
/// the ledger's JSON, and per-event correlation, causation, caller and headers. The schema comes from
/// <c>migrations/</c>, never from Marten at run time (<see cref="AutoCreate.None"/>).
/// </summary>
public static class LedgerEventStore
{
    /// <summary>
    /// A store on <paramref name="dataSource"/>, in the schema its <c>search_path</c> names
    /// (<see cref="PostgresDataSourceFactory"/>).
    /// </summary>
    public static DocumentStore Create(NpgsqlDataSource dataSource) => new(Options(dataSource, SchemaOf(dataSource)));

    /// <summary>
    /// The configuration of <see cref="Create"/>, for a schema named explicitly (the DDL export). No clock:
    /// Quick append stamps each event with the server's transaction time, whatever Marten's time provider says.
    /// </summary>
    public static StoreOptions Options(NpgsqlDataSource dataSource, string schema)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var options = new StoreOptions();
        options.Connection(dataSource);
        options.DatabaseSchemaName = PostgresIdentifier.EnsureSchemaName(schema);
        options.Events.DatabaseSchemaName = options.DatabaseSchemaName;
        options.AutoCreateSchemaObjects = AutoCreate.None;
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.AppendMode = EventAppendMode.Quick;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;
        // An acknowledgement names its notification by event id (INotificationLookup): one index probe, not a stream scan.
        options.Events.EnableUniqueIndexOnEventId = true;
        options.UseSystemTextJsonForSerialization(new JsonSerializerOptions(LedgerJson.Options), EnumStorage.AsString, Casing.CamelCase);
        foreach (var type in EventNames.Types)
        {
            options.Events.MapEventType(type, EventNames.NameOf(type));
        }

        return options;
    }

    /// <summary>The first schema of the data source's <c>search_path</c>: where the ledger's tables live.</summary>
    public static string SchemaOf(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var path = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).SearchPath;
        return string.IsNullOrWhiteSpace(path) ? "public" : path.Split(',')[0].Trim();
    }
}
