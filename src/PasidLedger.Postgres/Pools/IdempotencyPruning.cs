using Npgsql;

namespace PasidLedger.Postgres.Pools;

/// <summary>
/// Deletes idempotency keys recorded before a cut-off, in batches of short transactions, so pruning never
/// holds the writers up (migration 0012). A retry after its key expired is a new command.
/// </summary>
public sealed class IdempotencyPruning(NpgsqlDataSource dataSource)
{
    /// <summary>Keys per delete statement: each is its own short transaction.</summary>
    public const int Batch = 5_000;

    /// <summary>Deletes every key recorded before <paramref name="cutOff"/>; returns how many.</summary>
    public async Task<long> PruneAsync(DateTimeOffset cutOff, CancellationToken ct)
    {
        long deleted = 0;
        int last;
        do
        {
            await using var command = dataSource.CreateCommand("""
                delete from idempotency_keys where (pool, key) in (
                    select pool, key from idempotency_keys where recorded_at < @cut_off limit @batch)
                """);
            command.Parameters.AddWithValue("cut_off", cutOff.ToUniversalTime());
            command.Parameters.AddWithValue("batch", Batch);
            last = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            deleted += last;
        }
        while (last == Batch);

        return deleted;
    }
}
