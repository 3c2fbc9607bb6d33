using Npgsql;
using PasidLedger.Application.Ports;
using PasidLedger.Domain.Events;
using PasidLedger.Postgres.EventStore;
using PasidLedger.Postgres.History;
using PasidLedger.Postgres.Pools;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>
/// The one append path: a <see cref="PoolCommit"/> through <see cref="PostgresPoolStore"/> into Marten's
/// <c>mt_events</c>, with the version check, the metadata of every event and all-or-nothing batches.
/// </summary>
public sealed class PoolStoreCommitTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private const int Racers = 8;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NpgsqlDataSource DataSource => db.Schema.DataSource;

    [Fact]
    public async Task Commit_StoresEachEventInMarten_UnderItsPersistedName_WithItsOwnMetadata()
    {
        var pool = NewPool();
        var before = DateTimeOffset.UtcNow;
        var commit = PoolCommits.Installing(0, 2, caller: "mm:vm-7", key: "key-1");

        await PoolCommits.CommitAsync(DataSource, pool, commit);

        var rows = await StoredAsync(pool);
        rows.Select(r => r.Version).ShouldBe([1L, 2L]);
        rows.ShouldAllBe(r => r.Type == "capacity.installed.v1");
        for (var i = 0; i < rows.Count; i++)
        {
            var (recorded, row) = (commit.Events[i], rows[i]);
            row.Id.ShouldBe(recorded.EventId);
            row.Correlation.ShouldBe(recorded.CorrelationId.ToString());
            row.Causation.ShouldBe(recorded.CausationId.ToString());
            row.Caller.ShouldBe("mm:vm-7");
            row.CommandId.ShouldBe(recorded.CommandId.ToString());
            row.IdempotencyKey.ShouldBe("key-1");
            // Stamped by the server in UTC: a session in another zone would shift it by hours.
            row.Time.ShouldBeGreaterThan(before.AddMinutes(-5));
        }

        rows[0].Correlation.ShouldNotBe(rows[1].Correlation, "each event keeps its own correlation, even in one batch");
        using var store = new PostgresPoolStore(DataSource);
        (await store.ReadAsync(pool, 0, Ct).ToListAsync(Ct)).ShouldBe(commit.Events.Select(e => (e.Version, e.Event)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task CommitAtAVersionTheStreamIsNotAt_IsStreamMoved_AndKeepsNothingOfTheBatch(long expected)
    {
        var pool = NewPool();
        await PoolCommits.CommitAsync(DataSource, pool, PoolCommits.Installing(0, 3));
        var stale = PoolCommits.Installing(expected, 2) with { Results = [("stale-key", "{}")], Rejections = [PoolCommits.Rejection(pool)] };

        await Should.ThrowAsync<StreamMovedException>(() => PoolCommits.CommitAsync(DataSource, pool, stale));

        await ShouldHoldOnlyAsync(pool, version: 3, key: "stale-key");
    }

    [Fact]
    public async Task CommitWithoutEventsAtAVersionTheStreamIsNotAt_IsStreamMoved_AndKeepsNothing()
    {
        var pool = NewPool();
        await PoolCommits.CommitAsync(DataSource, pool, PoolCommits.Installing(0, 3));
        var stale = new PoolCommit(2, [], null, [("stale-key", "{}")], [PoolCommits.Rejection(pool)], null);

        await Should.ThrowAsync<StreamMovedException>(() => PoolCommits.CommitAsync(DataSource, pool, stale));

        await ShouldHoldOnlyAsync(pool, version: 3, key: "stale-key");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task RacingCommitsAtOneVersion_HaveExactlyOneWinner_AndTheLosersSeeAMovedStream(int startedAt)
    {
        var pool = NewPool();
        if (startedAt > 0)
        {
            await PoolCommits.CommitAsync(DataSource, pool, PoolCommits.Installing(0, startedAt));
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, Racers).Select(async _ =>
        {
            await gate.Task;
            try
            {
                await PoolCommits.CommitAsync(DataSource, pool, PoolCommits.Installing(startedAt, 2));
                return null;
            }
            catch (StreamMovedException moved)
            {
                return moved;
            }
        }).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(racers);

        outcomes.Count(o => o is null).ShouldBe(1);
        (await StoredAsync(pool)).Select(r => r.Version).ShouldBe(Enumerable.Range(1, startedAt + 2).Select(v => (long)v));
    }

    private static string NewPool() => $"host-{Guid.NewGuid():N}";

    private async Task ShouldHoldOnlyAsync(string pool, long version, string key)
    {
        (await new HistoryQueries(DataSource).StreamVersionAsync(pool, Ct)).ShouldBe(version);
        (await StoredAsync(pool)).Count.ShouldBe((int)version);
        (await LedgerStream.IdempotencyKeysAsync(DataSource, pool, key)).ShouldBe(0);
        (await new HistoryQueries(DataSource).RejectionsAsync(pool, 10, Ct)).ShouldBeEmpty();
    }

    private sealed record StoredRow(long Version, Guid Id, string Type, DateTimeOffset Time, string? Correlation, string? Causation,
        string? Caller, string? CommandId, string? IdempotencyKey);

    private async Task<List<StoredRow>> StoredAsync(string pool)
    {
        await using var command = DataSource.CreateCommand(
            $"""
            select version, id, type, timestamp, correlation_id, causation_id, user_name,
                   headers ->> '{EventHeaders.CommandId}', headers ->> '{EventHeaders.IdempotencyKey}'
            from mt_events where stream_id = @stream order by version
            """);
        command.Parameters.AddWithValue("stream", PoolStreams.StreamId(pool));
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<StoredRow>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(new StoredRow(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                Text(reader, 4), Text(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 8)));
        }

        return rows;
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
