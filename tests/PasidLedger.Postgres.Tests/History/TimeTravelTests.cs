using System.Text.Json;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.History;
using PasidLedger.Postgres.Pools;
using PasidLedger.Postgres.Tests.Projections;

namespace PasidLedger.Postgres.Tests.History;

/// <summary>
/// <see cref="PoolTimeTravel"/> gives, for any version, exactly the state a fold of the stream from
/// version 1 up to it gives, whether the nearest snapshot is just before it, on it, or far back.
/// </summary>
public sealed class TimeTravelTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheStateAtEveryCheckedVersion_IsTheFoldOfTheStreamUpToIt()
    {
        const string pool = "host-travel";
        await RandomWorkload.RunAsync(db.Schema.DataSource, pool, seed: 5, commands: 1500, Ct); // snapshots every 250 events
        using var store = new PostgresPoolStore(db.Schema.DataSource);
        var events = await store.ReadAsync(pool, 0, Ct).ToListAsync(Ct);
        var last = events[^1].Version;
        last.ShouldBeGreaterThan(510, "the stream must cross two snapshots");
        var random = new Random(5);
        long[] versions = [1, 2, 249, 250, 251, 500, 501, last, .. Enumerable.Range(0, 12).Select(_ => random.NextInt64(1, last + 1))];
        var travel = new PoolTimeTravel(db.Schema.DataSource);

        foreach (var version in versions)
        {
            var truth = new PoolState();
            Pool.EvolveAll(truth, events.TakeWhile(e => e.Version <= version).Select(e => e.Event));

            var past = (await travel.AtVersionAsync(pool, version, Ct)).ShouldNotBeNull();

            past.Version.ShouldBe(version);
            Json(past.State).ShouldBe(Json(truth), $"state at version {version}");
        }
    }

    [Fact]
    public async Task AVersionBeyondTheStream_OrOfAnUnknownPool_IsNothing()
    {
        const string pool = "host-short";
        await RandomWorkload.RunAsync(db.Schema.DataSource, pool, seed: 6, commands: 20, Ct);
        var travel = new PoolTimeTravel(db.Schema.DataSource);
        var last = await new HistoryQueries(db.Schema.DataSource).StreamVersionAsync(pool, Ct);

        (await travel.AtVersionAsync(pool, last + 1, Ct)).ShouldBeNull();
        (await travel.AtVersionAsync(pool, 0, Ct)).ShouldBeNull();
        (await travel.AtVersionAsync("no-such-pool", 1, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task ALookUp_SaysWhyThereIsNoPastPool()
    {
        const string pool = "host-miss";
        await RandomWorkload.RunAsync(db.Schema.DataSource, pool, seed: 8, commands: 20, Ct);
        var travel = new PoolTimeTravel(db.Schema.DataSource);
        var last = await new HistoryQueries(db.Schema.DataSource).StreamVersionAsync(pool, Ct);
        var first = (await travel.AtVersionAsync(pool, 1, Ct)).ShouldNotBeNull();

        (await travel.LookUpAsync(pool, last, Ct)).ShouldSatisfyAllConditions(l => l.Pool.ShouldNotBeNull(), l => l.Miss.ShouldBe(PastMiss.None));
        (await travel.LookUpAsync(pool, last + 1, Ct)).ShouldBe(new PastLookup(null, PastMiss.BeyondStream, last));
        (await travel.LookUpAsync("no-such-pool", 1, Ct)).ShouldBe(new PastLookup(null, PastMiss.UnknownPool, 0));
        (await travel.LookUpAsync(pool, first.Time.AddTicks(-10), Ct)).ShouldBe(new PastLookup(null, PastMiss.BeforeFirstEvent, 0));
    }

    [Fact]
    public async Task TheVersionAtATime_IsTheLastOneAppendedAtOrBeforeIt()
    {
        const string pool = "host-clock";
        await RandomWorkload.RunAsync(db.Schema.DataSource, pool, seed: 7, commands: 60, Ct);
        var travel = new PoolTimeTravel(db.Schema.DataSource);
        var last = await new HistoryQueries(db.Schema.DataSource).StreamVersionAsync(pool, Ct);
        var first = (await travel.AtVersionAsync(pool, 1, Ct)).ShouldNotBeNull();
        var end = (await travel.AtVersionAsync(pool, last, Ct)).ShouldNotBeNull();

        (await travel.VersionAtAsync(pool, first.Time.AddTicks(-10), Ct)).ShouldBe(0);
        (await travel.VersionAtAsync(pool, end.Time, Ct)).ShouldBe(last);
        var atFirst = await travel.VersionAtAsync(pool, first.Time, Ct);
        atFirst.ShouldBeGreaterThanOrEqualTo(1, "every event of the first batch shares its time");
        (await travel.AtVersionAsync(pool, atFirst, Ct)).ShouldNotBeNull().Time.ShouldBe(first.Time);
    }

    private static string Json(PoolState state) => JsonSerializer.Serialize(PoolSnapshots.Take(state), LedgerJson.Options);
}
