using PasidLedger.Application.Ports;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using PasidLedger.Postgres.History;
using PasidLedger.Postgres.Tests.Writing;

namespace PasidLedger.Postgres.Tests.History;

/// <summary>An acknowledgement's notification, found by its event id in its pool's stream (issue 11).</summary>
public sealed class NotificationLookupTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_notification_is_found_by_its_event_id_in_its_pool_and_nothing_else_is()
    {
        var pool = $"ack-{Guid.NewGuid():N}";
        var published = new NotificationPublished(NotificationKind.Bind, 42, 3, 7, 0, null, NotifyFlags.Set, ["kvm:A", "vdcm:A"]);
        var commit = new PoolCommit(0,
            [
                PoolCommits.Recorded(1, new PoolCreated(pool, PoolOptions.Default)),
                PoolCommits.Recorded(2, published),
                PoolCommits.Recorded(3, new WorkQueued("w1", "iommu", 42, NotificationKind.Bind)),
            ],
            null, [], [], null);
        await PoolCommits.CommitAsync(db.Schema.DataSource, pool, commit);
        var lookup = new PostgresNotificationLookup(db.Schema.DataSource);

        var found = (await lookup.FindAsync(pool, commit.Events[1].EventId, Ct)).ShouldNotBeNull();

        found.Version.ShouldBe(2);
        found.Notification.ShouldBe(published);
        (await lookup.FindAsync(pool, commit.Events[2].EventId, Ct)).ShouldBeNull("work.queued.v1 is not a notification");
        (await lookup.FindAsync($"other-{pool}", commit.Events[1].EventId, Ct)).ShouldBeNull("the event is another pool's");
        (await lookup.FindAsync(pool, Guid.NewGuid(), Ct)).ShouldBeNull();
    }
}
