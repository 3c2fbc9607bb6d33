using Npgsql;

using PasidLedger.Postgres.Errors;

namespace PasidLedger.Postgres.Tests;

/// <summary>Idempotency keys round-trip per pool, inside the writer's transaction.</summary>
public sealed class IdempotencyStoreTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SavedKey_ReturnsTheOriginalResult_AndCommandHash()
    {
        var (pool, key) = NewKey();
        await InTransactionAsync((conn, tx) =>
            db.IdempotencyKeys.SaveIdempotencyKeyAsync(conn, tx, pool, key, """{"ioasid": 42}""", "sha256:abc", Ct));

        var stored = await InTransactionAsync((conn, tx) => db.IdempotencyKeys.TryGetIdempotentResultAsync(conn, tx, pool, key, Ct));

        stored.ShouldNotBeNull();
        (stored.Pool, stored.Key, stored.CommandHash, stored.ResultJson).ShouldBe((pool, key, "sha256:abc", """{"ioasid": 42}"""));
    }

    [Fact]
    public async Task UnknownKey_OrTheSameKeyInAnotherPool_HasNoResult()
    {
        var (pool, key) = NewKey();
        await InTransactionAsync((conn, tx) =>
            db.IdempotencyKeys.SaveIdempotencyKeyAsync(conn, tx, pool, key, "{}", commandHash: null, Ct));

        (await InTransactionAsync((conn, tx) => db.IdempotencyKeys.TryGetIdempotentResultAsync(conn, tx, pool, "other", Ct)))
            .ShouldBeNull();
        (await InTransactionAsync((conn, tx) => db.IdempotencyKeys.TryGetIdempotentResultAsync(conn, tx, "elsewhere", key, Ct)))
            .ShouldBeNull();
    }

    [Fact]
    public async Task SavingAKeyTwice_IsAConcurrencyConflict()
    {
        var (pool, key) = NewKey();
        await InTransactionAsync((conn, tx) => db.IdempotencyKeys.SaveIdempotencyKeyAsync(conn, tx, pool, key, "{}", null, Ct));

        var duplicate = await Should.ThrowAsync<PostgresException>(() => InTransactionAsync((conn, tx) =>
            db.IdempotencyKeys.SaveIdempotencyKeyAsync(conn, tx, pool, key, "{}", null, Ct)));

        StoreErrorClassifier.Classify(duplicate).ShouldBe(StoreErrorKind.ConcurrencyConflict);
    }

    [Fact]
    public async Task KeySavedInARolledBackTransaction_IsNotKept()
    {
        var (pool, key) = NewKey();
        await using (var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct))
        await using (var tx = await conn.BeginTransactionAsync(Ct))
        {
            await db.IdempotencyKeys.SaveIdempotencyKeyAsync(conn, tx, pool, key, "{}", null, Ct);
            await tx.RollbackAsync(Ct);
        }

        (await InTransactionAsync((conn, tx) => db.IdempotencyKeys.TryGetIdempotentResultAsync(conn, tx, pool, key, Ct)))
            .ShouldBeNull();
    }

    private static (string Pool, string Key) NewKey() => ($"host-{Guid.NewGuid():N}", $"key-{Guid.NewGuid():N}");

    private async Task InTransactionAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> work)
    {
        await using var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var tx = await conn.BeginTransactionAsync(Ct);
        await work(conn, tx);
        await tx.CommitAsync(Ct);
    }

    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work)
    {
        await using var conn = await db.Schema.DataSource.OpenConnectionAsync(Ct);
        await using var tx = await conn.BeginTransactionAsync(Ct);
        var result = await work(conn, tx);
        await tx.CommitAsync(Ct);
        return result;
    }
}
