using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>An instance whose cached state is behind the stream catches up under the pool lock before deciding (ARCHITECTURE.md 2, step 2).</summary>
public sealed class CatchUpTests(PostgresServer server, SchemaFixture db) : IClassFixture<SchemaFixture>
{
    [Fact]
    public async Task InstanceLoadedBeforeAnotherWrote_DecidesOnTheOthersEvents()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using var a = WriterInstance.Start(server, db.Schema);
        await using var b = WriterInstance.Start(server, db.Schema);
        var sets = await a.CreatePoolAsync(pool, 64, 8);
        var alloc = new AllocateIoasid(sets[0], 1, 63, null);
        var fromB = Replies.Granted(await b.SubmitAsync(pool, alloc)).ShouldNotBeNull(); // B is loaded now

        var fromA = Replies.Granted(await a.SubmitAsync(pool, alloc)).ShouldNotBeNull();
        var nextFromB = await b.SubmitAsync(pool, alloc);
        var freedByB = await b.SubmitAsync(pool, new FreeIoasid(fromA.Id, sets[0], fromA.Generation));
        var againFromA = await a.SubmitAsync(pool, alloc);

        fromA.Id.ShouldBe(fromB.Id + 1);
        Replies.Granted(nextFromB).ShouldNotBeNull().Id.ShouldBe(fromA.Id + 1, "B must not reuse A's number");
        Replies.Of<FreeOutcome>(freedByB).Result.ShouldBe(FreeResult.Reclaimed, "B must know A's allocation to free it");
        Replies.Granted(againFromA).ShouldBe(new IoasidGranted(fromA.Id, fromA.Generation + 1), "A must see B's free and reuse the number");
        againFromA.Version.ShouldBe(await LedgerStream.VersionAsync(db.Schema.DataSource, pool));
        var events = await LedgerStream.EventsAsync(db.Schema.DataSource, pool);
        await ReadModelCheck.ShouldEqualFoldAsync(db.Schema.DataSource, pool, StreamAudit.Of(events).State);
    }
}
