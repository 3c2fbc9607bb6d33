using System.Text;

using Npgsql;

using PasidLedger.Postgres.Migrations;

namespace PasidLedger.Postgres.Tests;

/// <summary>The migrator on fresh schemas: applies, journals, refuses changed files, serializes.</summary>
public sealed class MigratorTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void EmbeddedMigrations_AreNumberedFromOne_WithoutGaps()
    {
        var scripts = EmbeddedMigrations.Load();

        scripts.Select(s => s.Version).ShouldBe(Enumerable.Range(1, scripts.Count));
        scripts[0].FileName.ShouldBe("0001_event_store.sql");
        scripts.ShouldAllBe(s => s.Sha256.Length == 64 && s.Sql.Length > 0);
    }

    [Fact]
    public async Task MigrateOnAnEmptySchema_AppliesEveryMigration_AndJournalsItsChecksum()
    {
        await using var schema = TestSchema.Create(server);

        var applied = await schema.Migrator().MigrateAsync(Ct);

        applied.ShouldBe(EmbeddedMigrations.Load());
        (await schema.JournalAsync()).ShouldBe(applied.Select(s => (s.Version, s.Name, s.Sha256)));
        // Later migrations add read-model tables; these are the store's own.
        string[] storeTables = ["checkpoints", "idempotency_keys", "mt_events", "mt_streams", "rejections", "schema_journal", "snapshots"];
        storeTables.ShouldBeSubsetOf(await schema.TablesAsync());
        // Marten's mt_events is the one event table: the hand-written store's tables are gone (0009).
        (await schema.TablesAsync()).ShouldNotContain("events");
        (await schema.TablesAsync()).ShouldNotContain("streams");
    }

    [Fact]
    public async Task Migration0011_TurnsStoredHolderObjectsIntoLists()
    {
        await using var schema = TestSchema.Create(server);
        await new Migrator(schema.DataSource, schema.Name, [.. EmbeddedMigrations.Load().Where(s => s.Version <= 10)]).MigrateAsync(Ct);
        await schema.ExecuteAsync(
            """insert into refcount_view (pool, id, generation, set_id, state, refs, holders) values ('p', 1, 1, 0, 'active', 2, '{"core": 1, "kvm": 1}')""");

        await schema.Migrator().MigrateAsync(Ct);

        await using var read = schema.DataSource.CreateCommand("select holders::text from refcount_view where pool = 'p'");
        // Which holder came first is not in the old rows: either order is all a migration can give.
        ((string)(await read.ExecuteScalarAsync(Ct))!).ShouldBeOneOf(
            """[{"count": 1, "holder": "kvm"}, {"count": 1, "holder": "core"}]""",
            """[{"count": 1, "holder": "core"}, {"count": 1, "holder": "kvm"}]""");
    }

    [Fact]
    public async Task MigrateASecondTime_AppliesNothing()
    {
        await using var schema = TestSchema.Create(server);
        await schema.Migrator().MigrateAsync(Ct);

        (await schema.Migrator().MigrateAsync(Ct)).ShouldBeEmpty();
        (await schema.JournalAsync()).Count.ShouldBe(EmbeddedMigrations.Load().Count);
    }

    [Fact]
    public async Task MigrateAfterAnAppliedFileChanged_Refuses_NamingTheFile()
    {
        await using var schema = TestSchema.Create(server);
        await schema.Migrator().MigrateAsync(Ct);
        await schema.ExecuteAsync("update schema_journal set sha256 = repeat('0', 64) where version = 1");

        var refused = await Should.ThrowAsync<MigrationChecksumMismatchException>(() => schema.Migrator().MigrateAsync(Ct));

        refused.FileName.ShouldBe("0001_event_store.sql");
        refused.Message.ShouldContain("0001_event_store.sql");
        refused.AppliedSha256.ShouldBe(new string('0', 64));
    }

    [Fact]
    public async Task ConcurrentMigrators_AllSucceed_AndApplyEachFileOnce()
    {
        await using var schema = TestSchema.Create(server);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => schema.Migrator().MigrateAsync(Ct), Ct)));

        runs.SelectMany(applied => applied).Select(s => s.Version)
            .ShouldBe(EmbeddedMigrations.Load().Select(s => s.Version), ignoreOrder: true);
        (await schema.JournalAsync()).Count.ShouldBe(EmbeddedMigrations.Load().Count);
    }

    [Fact]
    public async Task FailingMigration_RollsBackItsOwnTransaction_AndKeepsTheOnesBefore()
    {
        await using var schema = TestSchema.Create(server);
        MigrationScript[] scripts =
        [
            Script(1, "good", "create table good (id int not null, constraint pk_good primary key (id));"),
            Script(2, "bad", "create table half (id int); select 1 / 0;"),
        ];

        await Should.ThrowAsync<PostgresException>(() => new Migrator(schema.DataSource, schema.Name, scripts).MigrateAsync(Ct));

        (await schema.JournalAsync()).Select(j => j.Version).ShouldBe([1]);
        (await schema.TablesAsync()).ShouldBe(["good", "schema_journal"], ignoreOrder: true);
    }

    [Fact]
    public async Task MigrationNumberedBelowTheLatestApplied_IsRefused()
    {
        await using var schema = TestSchema.Create(server);
        await new Migrator(schema.DataSource, schema.Name, [Script(2, "second", "select 1;")]).MigrateAsync(Ct);

        var late = new Migrator(schema.DataSource, schema.Name, [Script(1, "first", "select 1;"), Script(2, "second", "select 1;")]);

        (await Should.ThrowAsync<InvalidOperationException>(() => late.MigrateAsync(Ct))).Message.ShouldContain("0001_first.sql");
    }

    private static MigrationScript Script(int version, string name, string sql) =>
        new(version, name, sql, EmbeddedMigrations.Sha256Of(Encoding.UTF8.GetBytes(sql)));
}
