using System.Text.Json;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Postgres.History;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>
/// Every refused command is stored through the writer's group commit (reason, errno, caller,
/// command, time) without touching pool state, and read back by <see cref="HistoryQueries"/>.
/// </summary>
public sealed class WriterRejectionTests(PostgresServer server, SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RefusedCommand_IsStoredWithEveryField_AndChangesNoPoolState()
    {
        var pool = $"host-{Guid.NewGuid():N}";
        await using var instance = WriterInstance.Start(server, db.Schema);
        var sets = await instance.CreatePoolAsync(pool, 64, 1);
        Replies.Granted(await instance.SubmitAsync(pool, new AllocateIoasid(sets[0], 1, 63, null))).ShouldNotBeNull();
        var version = await LedgerStream.VersionAsync(db.Schema.DataSource, pool);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var refused = await instance.SubmitAsync(pool, new AllocateIoasid(sets[0], 1, 63, "over-quota"));

        refused.Reason.ShouldBe(RejectionReason.QuotaExceeded);
        var stored = (await new HistoryQueries(db.Schema.DataSource).RejectionsAsync(pool, 10, Ct)).ShouldHaveSingleItem();
        stored.Reason.ShouldBe(nameof(RejectionReason.QuotaExceeded));
        stored.Errno.ShouldBe(-(int)Errno.ENOSPC);
        stored.Ignored.ShouldBeFalse();
        stored.Detail.ShouldBe(refused.Detail);
        stored.Caller.ShouldBe("test");
        stored.CommandType.ShouldBe(nameof(AllocateIoasid));
        JsonDocument.Parse(stored.CommandJson).RootElement.GetProperty("private").GetString().ShouldBe("over-quota");
        stored.RecordedAt.ShouldBeInRange(before, DateTimeOffset.UtcNow.AddSeconds(5));
        (await LedgerStream.VersionAsync(db.Schema.DataSource, pool)).ShouldBe(version, "a refusal appends no event");
    }

    [Fact]
    public async Task Rejections_AreReadNewestFirst_PerPool_UpToTheLimit()
    {
        var (pool, other) = ($"host-{Guid.NewGuid():N}", $"other-{Guid.NewGuid():N}");
        await using var instance = WriterInstance.Start(server, db.Schema);
        var sets = await instance.CreatePoolAsync(pool, 64, 1);
        var otherSets = await instance.CreatePoolAsync(other, 64, 1);
        for (var n = 0; n < 5; n++)
        {
            // A get of an IOASID that is not allocated is refused; its id tells the refusals apart.
            (await instance.SubmitAsync(pool, new AcquireRef((uint)(40 + n), "vfio", sets[0]))).Failed.ShouldBeTrue();
            (await instance.SubmitAsync(other, new AcquireRef((uint)(50 + n), "vfio", otherSets[0]))).Failed.ShouldBeTrue();
        }

        var newest = await new HistoryQueries(db.Schema.DataSource).RejectionsAsync(pool, 3, Ct);

        newest.Select(r => JsonDocument.Parse(r.CommandJson).RootElement.GetProperty("id").GetUInt32()).ShouldBe([44u, 43u, 42u]);
        newest.Select(r => r.Id).ShouldBe(newest.Select(r => r.Id).OrderDescending());
        newest.ShouldAllBe(r => r.CommandType == nameof(AcquireRef) && r.Errno < 0);
    }

    [Theory]
    [InlineData('\0')]
    [InlineData('\uD800')] // an unpaired surrogate
    public async Task TextPostgreSqlCannotStore_IsRefusedAsMalformed_AndStoredReadably_WithoutFailingTheBatch(char unstorable)
    {
        var token = $"token {unstorable} inside";
        var pool = $"host-{Guid.NewGuid():N}";
        await using var instance = WriterInstance.Start(server, db.Schema);
        var sets = await instance.CreatePoolAsync(pool, 64, 8);

        // Submitted together, so they share a group commit: the malformed one must not take the other down.
        var replies = await Task.WhenAll(
            instance.SubmitAsync(pool, new CreateSet(Domain.Model.SetType.Mm, token, 1), key: "malformed"),
            instance.SubmitAsync(pool, new AllocateIoasid(sets[0], 1, 63, null)));

        replies[0].Reason.ShouldBe(RejectionReason.MalformedText);
        replies[0].Errno.ShouldBe(Errno.EINVAL);
        Replies.Granted(replies[1]).ShouldNotBeNull();
        var stored = (await new HistoryQueries(db.Schema.DataSource).RejectionsAsync(pool, 10, Ct)).ShouldHaveSingleItem();
        stored.Reason.ShouldBe(nameof(RejectionReason.MalformedText));
        stored.CommandType.ShouldBe(nameof(CreateSet));
        JsonDocument.Parse(stored.CommandJson).RootElement.GetProperty("token").GetString().ShouldBe("token \uFFFD inside");
        (await instance.SubmitAsync(pool, new CreateSet(Domain.Model.SetType.Mm, token, 1), key: "malformed")).Replayed.ShouldBeTrue();
    }
}
