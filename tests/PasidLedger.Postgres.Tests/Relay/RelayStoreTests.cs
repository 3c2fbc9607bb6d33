using PasidLedger.Application.Ports;
using PasidLedger.Postgres.Relay;
using PasidLedger.Postgres.Tests.Writing;

namespace PasidLedger.Postgres.Tests.Relay;

/// <summary>
/// What the relay stands on in PostgreSQL: the feed of events with their envelope and checkpoints, one
/// lease per pool across instances (free again when its holder's connection ends), and the append
/// signal every commit with events sends.
/// </summary>
public sealed class RelayStoreTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_feed_reads_a_pools_events_after_a_version_with_their_envelope_and_keeps_checkpoints()
    {
        var pool = $"feed-{Guid.NewGuid():N}";
        var commit = PoolCommits.Installing(0, 3, caller: "mm:vm-7", key: "key-1");
        await PoolCommits.CommitAsync(db.Schema.DataSource, pool, commit);
        var feed = new PostgresEventFeed(db.Schema.DataSource);

        var read = await feed.ReadAsync(pool, 1, 10, Ct);

        read.Select(e => e.Version).ShouldBe([2L, 3L]);
        read.Select(e => e.EventId).ShouldBe(commit.Events.Skip(1).Select(e => e.EventId));
        read.ShouldAllBe(e => e.Caller == "mm:vm-7" && e.IdempotencyKey == "key-1");
        read[0].CorrelationId.ShouldBe(commit.Events[1].CorrelationId);
        read[0].CommandId.ShouldBe(commit.Events[1].CommandId);
        read[0].Event.ShouldBe(commit.Events[1].Event);
        (await feed.ReadAsync(pool, 1, 1, Ct)).ShouldHaveSingleItem().Version.ShouldBe(2);
        (await feed.PoolsAsync(Ct)).ShouldContain(pool);
        await feed.SaveCheckpointAsync("relay", pool, 3, Ct);
        (await feed.CheckpointAsync("relay", pool, Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task A_pools_lease_is_held_by_one_instance_and_free_again_when_its_connection_ends()
    {
        var pool = $"lease-{Guid.NewGuid():N}";
        var first = new PostgresRelayLeases(db.Schema.DataSource);
        await using var second = new PostgresRelayLeases(db.Schema.DataSource);

        (await first.TryTakeAsync(pool, Ct)).ShouldBeTrue();
        (await first.TryTakeAsync(pool, Ct)).ShouldBeTrue("it holds it already");
        (await second.TryTakeAsync(pool, Ct)).ShouldBeFalse();
        (await second.TryTakeAsync($"other-{pool}", Ct)).ShouldBeTrue();
        await first.DisposeAsync();

        (await second.TryTakeAsync(pool, Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_commit_with_events_signals_its_pool_when_it_is_visible()
    {
        var pool = $"signal-{Guid.NewGuid():N}";
        await using var signals = new PostgresAppendSignals(db.Schema.DataSource);
        using var listening = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        listening.CancelAfter(TimeSpan.FromSeconds(30)); // a guard against hanging, not a measured time
        await using var appended = signals.AppendedAsync(listening.Token).GetAsyncEnumerator(listening.Token);
        var next = appended.MoveNextAsync().AsTask();
        await WaitUntilListeningAsync();

        await PoolCommits.CommitAsync(db.Schema.DataSource, pool, PoolCommits.Installing(0, 1));

        // Other tests' pools share the database, and NOTIFY is per database: skip their signals.
        while (await next && appended.Current != pool)
        {
            next = appended.MoveNextAsync().AsTask();
        }

        appended.Current.ShouldBe(pool);

        (await new PostgresEventFeed(db.Schema.DataSource).ReadAsync(pool, 0, 10, Ct)).ShouldHaveSingleItem();
    }

    /// <summary>Until a session of this database listens on the append channel.</summary>
    private async Task WaitUntilListeningAsync()
    {
        while (true)
        {
            await using var command = db.Schema.DataSource.CreateCommand(
                $"select count(*) from pg_stat_activity where datname = current_database() and query = 'listen {PostgresAppendSignals.Channel}'");
            if (await command.ExecuteScalarAsync(Ct) is > 0L)
            {
                return;
            }

            await Task.Delay(20, Ct);
        }
    }
}
