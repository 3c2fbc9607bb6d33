using PasidLedger.Postgres.Audit;

namespace PasidLedger.Postgres.Tests.Audit;

/// <summary>The audit of refusals: tallies of one hour, principal, method and route add up in one row; old rows are pruned.</summary>
public sealed class AccessRefusalsTests(SchemaFixture db) : IClassFixture<SchemaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tallies_of_one_hour_principal_method_and_route_add_up_keeping_the_first_time_and_the_last_request()
    {
        var refusals = new AccessRefusals(db.Schema.DataSource);
        var hour = new DateTimeOffset(2026, 12, 5, 4, 0, 0, TimeSpan.Zero);
        var first = Tally("mm:adder", hour, 3, hour.AddMinutes(1), "/v1/pools/a/ioasids/1/free", "a");
        var later = Tally("mm:adder", hour, 2, hour.AddMinutes(30), "/v1/pools/b/ioasids/9/free", "b");

        await refusals.AddAsync([first], Ct);
        await refusals.AddAsync([later, Tally("mm:adder", hour.AddHours(1), 1, hour.AddHours(1), "/v1/pools/b/ioasids/9/free", "b")], Ct);

        var rows = await refusals.ListAsync("mm:adder", 10, Ct);
        rows.Count.ShouldBe(2);
        var added = rows.Single(r => r.Hour == hour);
        added.Count.ShouldBe(5);
        added.FirstAt.ShouldBe(first.FirstAt);
        added.LastAt.ShouldBe(later.LastAt);
        (added.LastPool, added.LastPath).ShouldBe(("b", "/v1/pools/b/ioasids/9/free"));
        rows[0].Hour.ShouldBe(hour.AddHours(1), "newest first");
    }

    [Fact]
    public async Task Pruning_deletes_the_rows_last_added_to_before_the_cut_off()
    {
        var refusals = new AccessRefusals(db.Schema.DataSource);
        var now = DateTimeOffset.UtcNow;
        await refusals.AddAsync([Tally("mm:pruned", now.AddDays(-100), 1, now.AddDays(-100), "/x", null), Tally("mm:kept", now, 1, now, "/x", null)], Ct);

        var deleted = await refusals.PruneAsync(now.AddDays(-90), Ct);

        deleted.ShouldBe(1);
        (await refusals.ListAsync("mm:pruned", 10, Ct)).ShouldBeEmpty();
        (await refusals.ListAsync("mm:kept", 10, Ct)).ShouldHaveSingleItem();
    }

    private static AccessRefusal Tally(string principal, DateTimeOffset hour, long count, DateTimeOffset at, string path, string? pool) =>
        new(new DateTimeOffset(hour.Year, hour.Month, hour.Day, hour.Hour, 0, 0, TimeSpan.Zero), principal, "vm", "POST",
            "/v1/pools/{pool}/ioasids/{id}/free", count, at, at, pool, path, "IOASID 1 is not in the set of " + principal);
}
