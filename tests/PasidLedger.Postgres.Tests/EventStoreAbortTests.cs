using Npgsql;

using PasidLedger.Postgres.Errors;

namespace PasidLedger.Postgres.Tests;

/// <summary>An append whose transaction never commits leaves no trace.</summary>
public sealed class EventStoreAbortTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendWhoseBackendIsTerminatedBeforeCommit_LeavesNothing()
    {
        var (stream, pool) = TestEvents.NewStream();
        await AppendCommittedAsync(stream, pool);

        await using (var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct))
        await using (var tx = await conn.BeginTransactionAsync(Ct))
        {
            (await db.Events.AppendAsync(conn, tx, stream, pool, 2, TestEvents.Batch(3), Ct)).ShouldBe(5);
            await TerminateAsync(conn.ProcessID);

            var commit = await Should.ThrowAsync<NpgsqlException>(() => tx.CommitAsync(Ct));
            StoreErrorClassifier.Classify(commit).ShouldBe(StoreErrorKind.ConnectionLost);
        }

        await ShouldHoldOnlyTheCommittedEventsAsync(stream);
    }

    [Fact]
    public async Task AppendWhoseTransactionIsDisposedWithoutCommit_LeavesNothing()
    {
        var (stream, pool) = TestEvents.NewStream();
        await AppendCommittedAsync(stream, pool);

        await using (var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct))
        await using (var tx = await conn.BeginTransactionAsync(Ct))
        {
            (await db.Events.AppendAsync(conn, tx, stream, pool, 2, TestEvents.Batch(3), Ct)).ShouldBe(5);
        }

        await ShouldHoldOnlyTheCommittedEventsAsync(stream);
    }

    [Fact]
    public async Task FirstAppendOfAStreamRolledBack_LeavesNoStreamRow()
    {
        var (stream, pool) = TestEvents.NewStream();

        await using (var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct))
        await using (var tx = await conn.BeginTransactionAsync(Ct))
        {
            await db.Events.AppendAsync(conn, tx, stream, pool, 0, TestEvents.Batch(1), Ct);
            await tx.RollbackAsync(Ct);
        }

        (await db.Events.ReadStreamVersionAsync(stream, Ct)).ShouldBe(0);
        (await db.Events.AppendCommittedAsync(db.Schema.DataSource, stream, pool, 0, 1)).ShouldBe(1);
    }

    private async Task AppendCommittedAsync(string stream, string pool) =>
        (await db.Events.AppendCommittedAsync(db.Schema.DataSource, stream, pool, 0, 2)).ShouldBe(2);

    private async Task ShouldHoldOnlyTheCommittedEventsAsync(string stream)
    {
        (await db.Events.ReadStreamVersionAsync(stream, Ct)).ShouldBe(2);
        var events = await db.Events.ReadStreamAsync(stream, 0, 100, Ct).ToListAsync(Ct);
        events.Select(e => e.Version).ShouldBe([1L, 2L]);
    }

    private async Task TerminateAsync(int pid)
    {
        await using var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var cmd = new NpgsqlCommand("select pg_terminate_backend(@pid)", conn);
        cmd.Parameters.AddWithValue("pid", pid);
        (await cmd.ExecuteScalarAsync(Ct)).ShouldBe(true);
    }
}
