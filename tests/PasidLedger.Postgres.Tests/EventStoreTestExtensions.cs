using Npgsql;

using PasidLedger.Postgres.Events;

namespace PasidLedger.Postgres.Tests;

/// <summary>Shorthands for committing test events in a transaction of their own.</summary>
internal static class EventStoreTestExtensions
{
    public static async Task<long> AppendCommittedAsync(
        this PostgresEventStore store, NpgsqlDataSource dataSource, string stream, string pool, long expected, int count)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var version = await store.AppendAsync(conn, tx, stream, pool, expected, TestEvents.Batch(count, (int)expected), ct);
        await tx.CommitAsync(ct);
        return version;
    }
}
