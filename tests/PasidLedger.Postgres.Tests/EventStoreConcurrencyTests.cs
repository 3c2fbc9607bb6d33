using Npgsql;

using PasidLedger.Postgres.Events;

namespace PasidLedger.Postgres.Tests;

/// <summary>Optimistic concurrency of <see cref="PostgresEventStore.AppendAsync"/> under real contention.</summary>
public sealed class EventStoreConcurrencyTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private const int Racers = 12;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RacingAppendsToANewStream_HaveExactlyOneWinner()
    {
        var (stream, pool) = TestEvents.NewStream();

        var outcomes = await RaceAsync(stream, pool, expectedVersion: 0);

        await ShouldHaveOneWinnerAsync(outcomes, stream, expectedVersion: 0);
    }

    [Fact]
    public async Task RacingAppendsToAnExistingStream_HaveExactlyOneWinner()
    {
        var (stream, pool) = TestEvents.NewStream();
        await db.Events.AppendCommittedAsync(db.Schema.DataSource, stream, pool, 0, 3);

        var outcomes = await RaceAsync(stream, pool, expectedVersion: 3);

        await ShouldHaveOneWinnerAsync(outcomes, stream, expectedVersion: 3);
    }

    private async Task ShouldHaveOneWinnerAsync(Exception?[] outcomes, string stream, long expectedVersion)
    {
        outcomes.Count(o => o is null).ShouldBe(1);
        var losers = outcomes.Where(o => o is not null).ToList();
        losers.ShouldAllBe(o => o is WrongExpectedVersionException);
        // Each loser waited for the winner's row and then saw its committed version.
        losers.Cast<WrongExpectedVersionException>().ShouldAllBe(e => e.ActualVersion == expectedVersion + 2);
        (await db.Events.ReadStreamVersionAsync(stream, Ct)).ShouldBe(expectedVersion + 2);
        var events = await db.Events.ReadStreamAsync(stream, 0, 100, Ct).ToListAsync(Ct);
        events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, (int)expectedVersion + 2).Select(v => (long)v));
    }

    /// <summary>Every racer has its transaction open before all of them append two events at one gate.</summary>
    private async Task<Exception?[]> RaceAsync(string stream, string pool, long expectedVersion)
    {
        var sessions = new List<(NpgsqlConnection Conn, NpgsqlTransaction Tx)>();
        try
        {
            for (var i = 0; i < Racers; i++)
            {
                var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct);
                sessions.Add((conn, await conn.BeginTransactionAsync(Ct)));
            }

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racers = sessions.Select(s => Task.Run(async () =>
            {
                await gate.Task;
                try
                {
                    await db.Events.AppendAsync(s.Conn, s.Tx, stream, pool, expectedVersion, TestEvents.Batch(2), Ct);
                    await s.Tx.CommitAsync(Ct);
                    return null;
                }
                catch (WrongExpectedVersionException ex)
                {
                    // As a writer would: the failed transaction may hold the stream row.
                    await s.Tx.RollbackAsync(Ct);
                    return (Exception)ex;
                }
            }, Ct)).ToList();
            gate.SetResult();
            return await Task.WhenAll(racers);
        }
        finally
        {
            foreach (var (conn, tx) in sessions)
            {
                await tx.DisposeAsync();
                await conn.DisposeAsync();
            }
        }
    }
}
