using PasidLedger.Postgres.Pools;
using PasidLedger.Postgres.Snapshots;

namespace PasidLedger.Postgres.Tests;

/// <summary>The newest snapshot wins; time travel finds the nearest one at or before a version.</summary>
public sealed class SnapshotStoreTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoadLatest_ReturnsTheHighestVersion_WhateverTheSaveOrder()
    {
        var stream = PoolStreams.StreamId($"host-{Guid.NewGuid():N}");
        await SaveAsync(stream, 20, """{"v": 20}""");
        await SaveAsync(stream, 30, """{"v": 30}""");
        await SaveAsync(stream, 10, """{"v": 10}""");

        var latest = (await db.Snapshots.LoadLatestSnapshotAsync(stream, Ct)).ShouldNotBeNull();

        (latest.StreamId, latest.Version, latest.BodyJson).ShouldBe((stream, 30L, """{"v": 30}"""));
    }

    [Theory]
    [InlineData(9L, null)]
    [InlineData(10L, 10L)]
    [InlineData(29L, 20L)]
    [InlineData(1000L, 30L)]
    public async Task LoadAtOrBefore_ReturnsTheNearestSnapshotNotAfterTheVersion(long version, long? expected)
    {
        var stream = PoolStreams.StreamId($"host-{Guid.NewGuid():N}");
        foreach (var v in new long[] { 10, 20, 30 })
        {
            await SaveAsync(stream, v, $$"""{"v": {{v}}}""");
        }

        var snapshot = await db.Snapshots.LoadAtOrBeforeAsync(stream, version, Ct);

        (snapshot?.Version).ShouldBe(expected);
    }

    [Fact]
    public async Task SavingTheSameVersionAgain_ReplacesTheBody()
    {
        var stream = PoolStreams.StreamId($"host-{Guid.NewGuid():N}");
        await SaveAsync(stream, 5, """{"v": "old"}""");
        await SaveAsync(stream, 5, """{"v": "new"}""");

        (await db.Snapshots.LoadLatestSnapshotAsync(stream, Ct)).ShouldNotBeNull().BodyJson.ShouldBe("""{"v": "new"}""");
    }

    [Fact]
    public async Task StreamWithoutSnapshots_HasNone()
    {
        (await db.Snapshots.LoadLatestSnapshotAsync(PoolStreams.StreamId($"host-{Guid.NewGuid():N}"), Ct)).ShouldBeNull();
    }

    private async Task SaveAsync(string stream, long version, string body)
    {
        await using var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var tx = await conn.BeginTransactionAsync(Ct);
        await db.Snapshots.SaveSnapshotAsync(conn, tx, stream, version, body, Ct);
        await tx.CommitAsync(Ct);
    }
}
