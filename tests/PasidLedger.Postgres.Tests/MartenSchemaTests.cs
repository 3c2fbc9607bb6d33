using Marten;
using PasidLedger.Postgres.EventStore;

namespace PasidLedger.Postgres.Tests;

/// <summary>
/// The schema Marten needs comes only from <c>migrations/</c> (the service runs with <c>AutoCreate.None</c>):
/// a freshly migrated schema must be exactly what Marten's configuration asks for.
/// </summary>
public sealed class MartenSchemaTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFreshlyMigratedSchema_MatchesMartensConfiguration()
    {
        await using var schema = TestSchema.Create(server);
        await schema.Migrator().MigrateAsync(Ct);
        using var store = LedgerEventStore.Create(schema.DataSource);

        // Throws with the missing or different objects when the configuration and migrations/ disagree.
        await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(Ct);
    }

    [Fact]
    public async Task ASchemaWithoutMartensMigration_IsReportedAsNotMatching()
    {
        await using var schema = TestSchema.Create(server);
        var withoutMarten = EmbeddedMigrationsBefore(8);
        await new Migrations.Migrator(schema.DataSource, schema.Name, withoutMarten).MigrateAsync(Ct);
        using var store = LedgerEventStore.Create(schema.DataSource);

        var mismatch = await Should.ThrowAsync<Exception>(() => store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(Ct));
        mismatch.Message.ShouldContain("mt_events");
    }

    [Fact]
    public void TheExportNamesOnlyThePlaceholderSchema()
    {
        var script = MartenSchema.ExportScript();

        script.ShouldContain($"{MartenSchema.Placeholder}.mt_events");
        script.ShouldNotContain("public.mt_");
        MartenSchema.ForSchema(script, "t_x").ShouldNotContain(MartenSchema.Placeholder);
    }

    private static List<Migrations.MigrationScript> EmbeddedMigrationsBefore(int version) =>
        [.. Migrations.EmbeddedMigrations.Load().Where(s => s.Version < version)];
}
