using System.Collections.Concurrent;

using PasidLedger.Postgres.Errors;
using PasidLedger.Postgres.Events;

namespace PasidLedger.Postgres.Tests;

/// <summary>Writers that reload and retry on a conflict lose nothing and leave no gaps.</summary>
public sealed class EventStoreRetryTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private const int Writers = 8;
    private const int AppendsPerWriter = 20;
    private const int MaxAttemptsPerAppend = 500;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManyWritersRetryingOnConflict_LoseNothing_AndVersionsAreContiguous()
    {
        var (stream, pool) = TestEvents.NewStream();
        var written = new ConcurrentBag<Guid>();
        var conflicts = 0;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < AppendsPerWriter; i++)
            {
                var e = TestEvents.Allocated(ioasid: (writer * 1000) + i);
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await AppendAtCurrentVersionAsync(stream, pool, e);
                        written.Add(e.EventId);
                        break;
                    }
                    catch (Exception ex) when (attempt < MaxAttemptsPerAppend && IsWorthRetrying(ex))
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        }, Ct)));

        var events = await db.Events.ReadStreamAsync(stream, 0, 10_000, Ct).ToListAsync(Ct);
        events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, Writers * AppendsPerWriter).Select(v => (long)v));
        events.Select(e => e.EventId).ShouldBe(written, ignoreOrder: true);
        (await db.Events.ReadStreamVersionAsync(stream, Ct)).ShouldBe(Writers * AppendsPerWriter);
        TestContext.Current.SendDiagnosticMessage($"{conflicts} conflicts retried");
    }

    private static bool IsWorthRetrying(Exception ex) =>
        ex is WrongExpectedVersionException
        || StoreErrorClassifier.Classify(ex) is StoreErrorKind.ConcurrencyConflict or StoreErrorKind.Retryable;

    private async Task AppendAtCurrentVersionAsync(string stream, string pool, EventToAppend e)
    {
        var version = await db.Events.ReadStreamVersionAsync(stream, Ct);
        await using var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var tx = await conn.BeginTransactionAsync(Ct);
        await db.Events.AppendAsync(conn, tx, stream, pool, version, [e], Ct);
        await tx.CommitAsync(Ct);
    }
}
