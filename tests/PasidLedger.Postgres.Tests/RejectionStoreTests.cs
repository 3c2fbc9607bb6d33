using PasidLedger.Postgres.Rejections;

namespace PasidLedger.Postgres.Tests;

/// <summary>Rejection audit records round-trip, newest first, per pool.</summary>
public sealed class RejectionStoreTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordedRejection_ReadsBackWithEveryField()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        var rejection = new RejectionToRecord(pool, "StaleHandle", 22, "kvm:vm1", """{"ioasid": 42, "generation": 1}""",
            Guid.NewGuid(), new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.FromHours(-3)));

        var id = await db.Rejections.RecordRejectionAsync(rejection, Ct);

        var stored = (await db.Rejections.ReadRejectionsAsync(pool, 10, Ct)).ShouldHaveSingleItem();
        stored.ShouldBe(new StoredRejection(id, pool, "StaleHandle", 22, "kvm:vm1", """{"ioasid": 42, "generation": 1}""",
            rejection.CorrelationId, rejection.RecordedAt));
    }

    [Fact]
    public async Task ReadRejections_ReturnsTheNewestOfThePool_NewestFirst_UpToTheLimit()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        var ids = new List<long>();
        for (var n = 0; n < 5; n++)
        {
            ids.Add(await db.Rejections.RecordRejectionAsync(Rejection(pool, n), Ct));
            await db.Rejections.RecordRejectionAsync(Rejection($"other-{pool}", n), Ct);
        }

        var newest = await db.Rejections.ReadRejectionsAsync(pool, 3, Ct);

        newest.Select(r => r.Id).ShouldBe([ids[4], ids[3], ids[2]]);
        newest.Select(r => r.Errno).ShouldBe([4, 3, 2]);
        newest.ShouldAllBe(r => r.Pool == pool && r.Caller == null && r.CorrelationId == null);
    }

    [Fact]
    public async Task RejectionRecordedInARolledBackTransaction_IsNotKept()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using (var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct))
        await using (var tx = await conn.BeginTransactionAsync(Ct))
        {
            await db.Rejections.RecordRejectionAsync(conn, tx, Rejection(pool, 1), Ct);
            await tx.RollbackAsync(Ct);
        }

        (await db.Rejections.ReadRejectionsAsync(pool, 10, Ct)).ShouldBeEmpty();
    }

    private static RejectionToRecord Rejection(string pool, int errno) =>
        new(pool, "QuotaExceeded", errno, null, "{}", null, TestEvents.Epoch);
}
