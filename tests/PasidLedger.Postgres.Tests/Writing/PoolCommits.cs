using Npgsql;
using PasidLedger.Application.Ports;
using PasidLedger.Application.ReadModels;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>Group commits built by hand, for tests of the store itself: the store does not interpret the events.</summary>
internal static class PoolCommits
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary><paramref name="count"/> <see cref="CapacityInstalled"/> events decided at <paramref name="expectedVersion"/>.</summary>
    public static PoolCommit Installing(long expectedVersion, int count, string? caller = null, string? key = null) => new(
        expectedVersion,
        [.. Enumerable.Range(1, count).Select(i => Recorded(expectedVersion + i, new CapacityInstalled(100 + i), caller, key))],
        null,
        [],
        [],
        null);

    public static RecordedEvent Recorded(long version, PoolEvent @event, string? caller = null, string? key = null) =>
        new(Guid.CreateVersion7(), version, @event, DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), caller, key);

    public static RejectionRecord Rejection(string pool) =>
        new(pool, RejectionReason.InvalidArgument, Errno.EINVAL, false, "refused by a test", "test", "TestCommand", "{}", DateTimeOffset.UtcNow, Guid.NewGuid(), 0, new CommandSubject(null, null, null));

    /// <summary>Commits optimistically, as the writer does with a trusted cache.</summary>
    public static async Task CommitAsync(NpgsqlDataSource dataSource, string pool, PoolCommit commit)
    {
        using var store = new PostgresPoolStore(dataSource);
        await using var transaction = store.BeginOptimistic(pool, commit.ExpectedVersion);
        await transaction.CommitAsync(commit, Ct);
    }
}
