using System.Text.Json;
using PasidLedger.Application.Serialization;
using PasidLedger.Application.Writing;
using PasidLedger.Domain;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>Snapshots every N events (ARCHITECTURE.md 2, step 5), and a writer starting from the latest one.</summary>
public sealed class SnapshotLoadTests(PostgresServer server, SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private const int SnapshotEvery = 50;

    [Fact]
    public async Task WriterLoadedFromSnapshotAndTail_HasTheStateOfAFullReplay()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using (var writer = WriterInstance.Start(server, db.Schema, new WriterOptions { SnapshotEvery = SnapshotEvery }))
        {
            await WriteHistoryAsync(writer, pool, minimumEvents: 230);
        }

        var events = await LedgerStream.EventsAsync(db.Schema.DataSource, pool);
        var snapshots = await LedgerStream.SnapshotVersionsAsync(db.Schema.DataSource, pool);
        snapshots.Count.ShouldBeGreaterThanOrEqualTo(events.Count / SnapshotEvery);
        foreach (var version in snapshots)
        {
            var stored = await db.Snapshots.LoadAtOrBeforeAsync(PoolStreams.StreamId(pool), version, TestContext.Current.CancellationToken);
            stored.ShouldNotBeNull().Version.ShouldBe(version);
            Canonical(JsonSerializer.Deserialize<PoolSnapshot>(stored.BodyJson, LedgerJson.Options)!).ShouldBe(Canonical(PoolSnapshots.Take(Pool.Replay(events.Take((int)version).Select(e => e.Event)))));
        }

        // The new writer's state shows in the snapshot it takes after one more event (after every event, here).
        await using (var fresh = WriterInstance.Start(server, db.Schema, new WriterOptions { SnapshotEvery = 1 }))
        {
            (await fresh.SubmitAsync(pool, new CreateSet(SetType.Null, null, 0))).Failed.ShouldBeFalse();
            fresh.Store.TailReadsAfter.ShouldBe([snapshots[^1]], "the new writer must start from the latest snapshot");
        }

        var after = await LedgerStream.EventsAsync(db.Schema.DataSource, pool);
        after.Count.ShouldBe(events.Count + 1);
        var taken = await db.Snapshots.LoadAtOrBeforeAsync(PoolStreams.StreamId(pool), after.Count, TestContext.Current.CancellationToken);
        var loaded = JsonSerializer.Deserialize<PoolSnapshot>(taken.ShouldNotBeNull().BodyJson, LedgerJson.Options)!;
        loaded.Version.ShouldBe(after.Count);
        Canonical(loaded).ShouldBe(Canonical(PoolSnapshots.Take(Pool.Replay(after.Select(e => e.Event)))));
    }

    /// <summary>Allocations, references, SPIDs and frees in a few sets, until the stream is long enough.</summary>
    private static async Task WriteHistoryAsync(WriterInstance writer, string pool, int minimumEvents)
    {
        var sets = await writer.CreatePoolAsync(pool, 256, 40, 40);
        for (var (round, version) = (0, 0L); version < minimumEvents; round++)
        {
            var set = sets[round % 2];
            var granted = Replies.Granted(await writer.SubmitAsync(pool, new AllocateIoasid(set, 1, 255, $"pdata-{round}")))!;
            var results = await Task.WhenAll(
                writer.SubmitAsync(pool, new AcquireRef(granted.Id, "kvm", set, granted.Generation)),
                writer.SubmitAsync(pool, new AttachSpid(granted.Id, (uint)(100 + round), granted.Generation)));
            version = results.Max(r => r.Version);
            if (round % 3 == 0)
            {
                version = (await writer.SubmitAsync(pool, new FreeIoasid(granted.Id, set, granted.Generation))).Version; // FREE_PENDING: kvm holds on
            }
            else if (round % 3 == 1)
            {
                await writer.SubmitAsync(pool, new ReleaseRef(granted.Id, "kvm", set, granted.Generation));
                version = (await writer.SubmitAsync(pool, new FreeIoasid(granted.Id, set, granted.Generation))).Version; // reclaimed: generations move on
            }
        }
    }

    /// <summary>
    /// Snapshot JSON with dictionary keys sorted. The generations' order is not state. The holders'
    /// order (first acquisition) does not survive the jsonb column, which normalizes key order;
    /// no decision reads it (only counts per holder), so it is compared as a set here.
    /// </summary>
    private static string Canonical(PoolSnapshot snapshot) => JsonSerializer.Serialize(
        snapshot with
        {
            Generations = new SortedDictionary<uint, int>(snapshot.Generations.ToDictionary()),
            Ioasids = [.. snapshot.Ioasids.Select(r => r with { Holders = new SortedDictionary<string, int>(r.Holders.ToDictionary(), StringComparer.Ordinal) })],
        },
        LedgerJson.Options);
}
