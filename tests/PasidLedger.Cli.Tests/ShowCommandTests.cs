using PasidLedger.Cli.Tests.Support;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;

namespace PasidLedger.Cli.Tests;

/// <summary><c>pasidledger show pool|set|ioasid</c> prints the live read models as tables.</summary>
public sealed class ShowCommandTests(CliLedger ledger) : IClassFixture<CliLedger>
{
    [Fact]
    public async Task ShowPool_PrintsCapacityAvailabilityAndVersion()
    {
        var pool = CliLedger.NewPool();
        await ledger.SubmitAsync(pool, new CreatePool(pool));
        var created = await ledger.SubmitAsync(pool, new CreateSet(SetType.Mm, "mm:A", 4)); // reserves its quota (DOMAIN.md 2.2)

        var run = (await ledger.RunAsync("show", "pool", pool)).ShouldSucceed();

        run.Lines[0].ShouldBe($"pool {pool}: live read models");
        run.Tables.ShouldHaveSingleItem().ShouldBe([
            ["pool", "capacity", "available", "installed", "version"],
            [pool, "1048576", "1048572", "no", $"{created.Version}"],
        ]);
    }

    [Fact]
    public async Task ShowSet_PrintsTheSetThenItsMembersById()
    {
        var pool = CliLedger.NewPool();
        await ledger.SubmitAsync(pool, new CreatePool(pool));
        await ledger.SubmitAsync(pool, new CreateSet(SetType.Mm, "mm:A", 4));
        await ledger.SubmitAsync(pool, new CreateSet(SetType.Mm, "mm:B", 4));
        await ledger.SubmitAsync(pool, new AllocateIoasid(0, 1, 100, null));
        await ledger.SubmitAsync(pool, new AllocateIoasid(1, 1, 100, null));
        await ledger.SubmitAsync(pool, new AllocateIoasid(0, 1, 100, null));
        await ledger.SubmitAsync(pool, new AttachSpid(3, 303));
        await ledger.SubmitAsync(pool, new AcquireRef(3, "kvm", 0));

        var run = (await ledger.RunAsync("show", "set", pool, "0")).ShouldSucceed();

        run.Lines.ShouldContain("members of set 0:");
        run.Tables.Count.ShouldBe(2);
        run.Tables[0].ShouldBe([["set", "type", "token", "quota", "count", "state"], ["0", "mm", "mm:A", "4", "2", "live"]]);
        run.Tables[1].ShouldBe([
            ["id", "generation", "state", "refs", "spid"],
            ["1", "1", "idle", "1", "-"],
            ["3", "1", "active", "2", "303"],
        ]);
    }

    [Fact]
    public async Task ShowSet_OfASetWithoutMembers_SaysSo()
    {
        var pool = CliLedger.NewPool();
        await ledger.SubmitAsync(pool, new CreatePool(pool));
        await ledger.SubmitAsync(pool, new CreateSet(SetType.Null, null, 0));

        var run = (await ledger.RunAsync("show", "set", pool, "0")).ShouldSucceed();

        run.Tables.ShouldHaveSingleItem()[1].ShouldBe(["0", "null", "-", "0", "0", "live"]);
        run.Lines[^1].ShouldBe("set 0 has no members");
    }

    [Fact]
    public async Task ShowIoasid_PrintsStateRefsHoldersByNameSpidAndPrivate_AsStoredNotAsMarkup()
    {
        var pool = CliLedger.NewPool();
        await ledger.SubmitAsync(pool, new CreatePool(pool));
        await ledger.SubmitAsync(pool, new CreateSet(SetType.Mm, "mm:A", 4));
        await ledger.SubmitAsync(pool, new AllocateIoasid(0, 1, 100, "[bold]svm[/]"));
        // Acquired in an order that is neither by name nor jsonb's (by length, then bytes).
        await ledger.SubmitAsync(pool, new AcquireRef(1, "kvm:A", 0));
        await ledger.SubmitAsync(pool, new AcquireRef(1, "vfio", 0));
        await ledger.SubmitAsync(pool, new AcquireRef(1, "iommu", null));
        await ledger.SubmitAsync(pool, new AttachSpid(1, 101));

        var run = (await ledger.RunAsync("show", "ioasid", pool, "1")).ShouldSucceed();

        run.Tables.ShouldHaveSingleItem().ShouldBe([
            ["id", "generation", "set", "state", "refs", "holders", "spid", "private"],
            ["1", "1", "0", "active", "4", "core×1, iommu×1, kvm:A×1, vfio×1", "101", "[bold]svm[/]"],
        ]);
    }
}
