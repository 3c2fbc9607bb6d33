using Npgsql;

using PasidLedger.Postgres.Events;

namespace PasidLedger.Postgres.Tests;

/// <summary>What an append writes, and how a wrong expected version is refused.</summary>
public sealed class EventStoreAppendTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendToANewStream_WritesContiguousVersionsFromOne_AndReturnsTheLast()
    {
        var (stream, pool) = TestEvents.NewStream();

        (await db.Events.AppendCommittedAsync(db.Schema.DataSource, stream, pool, 0, 3)).ShouldBe(3);
        (await db.Events.AppendCommittedAsync(db.Schema.DataSource, stream, pool, 3, 2)).ShouldBe(5);

        var events = await db.Events.ReadStreamAsync(stream, 0, 100, Ct).ToListAsync(Ct);
        events.Select(e => e.Version).ShouldBe([1L, 2L, 3L, 4L, 5L]);
        events.Select(e => e.Seq).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task AppendedEvent_ReadsBackWithEveryColumn()
    {
        var (stream, pool) = TestEvents.NewStream();
        var full = new EventToAppend(
            Guid.NewGuid(), "set.token.attached.v1", """{"token": "mm-9", "set": 3}""", 42, 7, 3, "mm-9",
            Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)));
        var bare = full with
        {
            EventId = Guid.NewGuid(),
            Ioasid = null,
            Generation = null,
            SetId = null,
            Token = null,
            CorrelationId = null,
            CausationId = null
        };

        await AppendAsync(stream, pool, 0, [full, bare]);

        var events = await db.Events.ReadStreamAsync(stream, 0, 10, Ct).ToListAsync(Ct);
        events[0].ShouldBe(new StoredEvent(events[0].Seq, full.EventId, stream, 1, pool, full.Type,
            """{"set": 3, "token": "mm-9"}""", 42, 7, 3, "mm-9", full.RecordedAt, full.CorrelationId, full.CausationId));
        events[1].ShouldBe(new StoredEvent(events[1].Seq, bare.EventId, stream, 2, pool, bare.Type,
            """{"set": 3, "token": "mm-9"}""", null, null, null, null, full.RecordedAt, null, null));
        events[0].RecordedAt.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task AppendExpectingAVersionAheadOfTheStream_IsRefusedWithTheActualVersion_AndWritesNothing()
    {
        var (stream, pool) = TestEvents.NewStream();
        await db.Events.AppendCommittedAsync(db.Schema.DataSource, stream, pool, 0, 2);

        await using var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var tx = await conn.BeginTransactionAsync(Ct);
        var refused = await Should.ThrowAsync<WrongExpectedVersionException>(
            () => db.Events.AppendAsync(conn, tx, stream, pool, 5, TestEvents.Batch(1), Ct));

        refused.StreamId.ShouldBe(stream);
        refused.ExpectedVersion.ShouldBe(5);
        refused.ActualVersion.ShouldBe(2);
        // The refusal aborted nothing: the same transaction can append at the right version.
        (await db.Events.AppendAsync(conn, tx, stream, pool, 2, TestEvents.Batch(1), Ct)).ShouldBe(3);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(2L)]
    public async Task AppendExpectingAVersionBehindTheStream_IsRefused_AndWritesNothing(long expected)
    {
        var (stream, pool) = TestEvents.NewStream();
        await db.Events.AppendCommittedAsync(db.Schema.DataSource, stream, pool, 0, 3);

        var refused = await Should.ThrowAsync<WrongExpectedVersionException>(
            () => AppendAsync(stream, pool, expected, TestEvents.Batch(3 - (int)expected)));

        refused.ActualVersion.ShouldBe(3);
        (await db.Events.ReadStreamAsync(stream, 0, 100, Ct).CountAsync(Ct)).ShouldBe(3);
    }

    [Fact]
    public async Task EmptyAppend_ChecksTheVersion_AndWritesNothing()
    {
        var (stream, pool) = TestEvents.NewStream();
        await db.Events.AppendCommittedAsync(db.Schema.DataSource, stream, pool, 0, 2);

        (await AppendAsync(stream, pool, 2, [])).ShouldBe(2);
        (await Should.ThrowAsync<WrongExpectedVersionException>(() => AppendAsync(stream, pool, 1, [])))
            .ActualVersion.ShouldBe(2);
        (await db.Events.ReadStreamVersionAsync(stream, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task AppendWithATransactionOfAnotherConnection_IsRejected()
    {
        var (stream, pool) = TestEvents.NewStream();
        await using var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var other = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var tx = await other.BeginTransactionAsync(Ct);

        await Should.ThrowAsync<ArgumentException>(
            () => db.Events.AppendAsync(conn, tx, stream, pool, 0, TestEvents.Batch(1), Ct));
    }

    private async Task<long> AppendAsync(string stream, string pool, long expected, IReadOnlyList<EventToAppend> events)
    {
        await using var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using NpgsqlTransaction tx = await conn.BeginTransactionAsync(Ct);
        var version = await db.Events.AppendAsync(conn, tx, stream, pool, expected, events, Ct);
        await tx.CommitAsync(Ct);
        return version;
    }
}
