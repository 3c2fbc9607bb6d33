namespace PasidLedger.Postgres.Tests;

/// <summary>Reading a stream by version: order, <c>afterVersion</c> and <c>limit</c>.</summary>
public sealed class EventStoreReadTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0L, 100, 1L, 10L)]
    [InlineData(0L, 3, 1L, 3L)]
    [InlineData(4L, 3, 5L, 7L)]
    [InlineData(8L, 100, 9L, 10L)]
    public async Task ReadStream_ReturnsTheEventsAfterAVersion_InVersionOrder_UpToTheLimit(
        long afterVersion, int limit, long first, long last)
    {
        var (stream, pool) = TestEvents.NewStream();
        // Several appends, interleaved with another stream, so neither seq nor insertion order is the answer.
        var (other, otherPool) = TestEvents.NewStream();
        for (var version = 0L; version < 10; version += 2)
        {
            await db.Events.AppendCommittedAsync(db.Schema.DataSource, other, otherPool, version, 2);
            await db.Events.AppendCommittedAsync(db.Schema.DataSource, stream, pool, version, 2);
        }

        var events = await db.Events.ReadStreamAsync(stream, afterVersion, limit, Ct).ToListAsync(Ct);

        events.Select(e => e.Version).ShouldBe(LongRange(first, last));
        events.ShouldAllBe(e => e.StreamId == stream && e.Pool == pool);
    }

    [Fact]
    public async Task ReadStream_AfterTheLastVersion_IsEmpty()
    {
        var (stream, pool) = TestEvents.NewStream();
        await db.Events.AppendCommittedAsync(db.Schema.DataSource, stream, pool, 0, 2);

        (await db.Events.ReadStreamAsync(stream, 2, 10, Ct).CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task UnknownStream_IsAtVersionZero_AndHasNoEvents()
    {
        var (stream, _) = TestEvents.NewStream();

        (await db.Events.ReadStreamVersionAsync(stream, Ct)).ShouldBe(0);
        (await db.Events.ReadStreamAsync(stream, 0, 10, Ct).CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task ReadStream_InsideAWritersTransaction_SeesItsOwnUncommittedAppend()
    {
        var (stream, pool) = TestEvents.NewStream();
        await using var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var tx = await conn.BeginTransactionAsync(Ct);
        await db.Events.AppendAsync(conn, tx, stream, pool, 0, TestEvents.Batch(2), Ct);

        (await db.Events.ReadStreamAsync(conn, tx, stream, 0, 10, Ct).CountAsync(Ct)).ShouldBe(2);
        (await db.Events.ReadStreamAsync(stream, 0, 10, Ct).CountAsync(Ct)).ShouldBe(0);
    }

    private static IEnumerable<long> LongRange(long first, long last)
    {
        for (var v = first; v <= last; v++)
        {
            yield return v;
        }
    }
}
