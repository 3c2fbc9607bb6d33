using System.Globalization;
using PasidLedger.Cli.Tests.Support;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;

namespace PasidLedger.Cli.Tests;

/// <summary><c>pasidledger history ioasid|set</c> prints every event and refusal that concerned the ID or set, oldest first.</summary>
public sealed class HistoryCommandTests(CliLedger ledger) : IClassFixture<CliLedger>
{
    private static readonly string[] Columns = ["version", "time", "type", "generation", "caller", "correlation", "refused"];

    [Fact]
    public async Task AnIdsHistory_SpansItsGenerations_WithCallerCorrelationAndItsRefusalsInPlace()
    {
        var pool = CliLedger.NewPool();
        var correlation = Guid.CreateVersion7();
        await ledger.SubmitAsync(pool, new CreatePool(pool));
        await ledger.SubmitAsync(pool, new CreateSet(SetType.Mm, "mm:A", 4), "qemu");
        await ledger.SubmitAsync(pool, new AllocateIoasid(0, 1, 100, null), "qemu");
        var acquired = await ledger.SubmitAsync(pool, new AcquireRef(1, "kvm", 0), "kvm:A", correlation);
        var refused = await ledger.SubmitAsync(pool, new ReleaseRef(1, "vdcm", 0), "vdcm:0");
        await ledger.SubmitAsync(pool, new ReleaseRef(1, "kvm", 0), "kvm:A");
        await ledger.SubmitAsync(pool, new FreeIoasid(1, 0), "qemu");
        var second = await ledger.SubmitAsync(pool, new AllocateIoasid(0, 1, 100, null), "qemu");
        refused.Reason.ShouldNotBeNull();

        var run = (await ledger.RunAsync("history", "ioasid", pool, "1")).ShouldSucceed();

        var rows = Rows(run);
        rows.Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)).ShouldBeInOrder();
        rows.Select(r => r[3]).Distinct().ShouldBe(["1", "2"]);
        rows.Count(r => r[2] == "ioasid.allocated.v1").ShouldBe(2);
        rows.ShouldContain(r => r[2] == "ioasid.reclaimed.v1");
        var acquiredRow = rows.Single(r => r[2] == "ioasid.ref-acquired.v1");
        acquiredRow.ShouldBe([$"{acquired.Version}", acquiredRow[1], "ioasid.ref-acquired.v1", "1", "kvm:A", $"{correlation}", ""]);
        DateTimeOffset.Parse(acquiredRow[1], CultureInfo.InvariantCulture).ShouldBe(await ledger.TimeOfAsync(pool, acquired.Version));
        var refusal = rows.Single(r => r[6].Length > 0);
        refusal[2..].ShouldBe(["ReleaseRef", "1", "vdcm:0", refusal[5], "REFUSED NotHolder (-22 EINVAL)"]);
        refusal[0].ShouldBe($"{refused.Version}");
        rows[rows.IndexOf(refusal) - 1][0].ShouldBe(refusal[0], "a refusal comes right after the event of the version it was decided at");
        rows[^1][0].ShouldBe($"{second.Version}");
        run.Lines[0].ShouldBe($"pool {pool}: history of IOASID 1, oldest first ({rows.Count - 1} event(s), 1 refusal(s))");
    }

    [Fact]
    public async Task AnIdsHistory_OfOneGeneration_HasOnlyThatGeneration()
    {
        var pool = CliLedger.NewPool();
        await ledger.SubmitAsync(pool, new CreatePool(pool));
        await ledger.SubmitAsync(pool, new CreateSet(SetType.Mm, "mm:A", 4));
        await ledger.SubmitAsync(pool, new AllocateIoasid(0, 1, 100, null));
        await ledger.SubmitAsync(pool, new FreeIoasid(1, 0)); // an IDLE ID: reclaimed at once, the number free for generation 2
        await ledger.SubmitAsync(pool, new AllocateIoasid(0, 1, 100, null));

        var run = (await ledger.RunAsync("history", "ioasid", pool, "1", "--generation", "2")).ShouldSucceed();

        run.Lines[0].ShouldStartWith($"pool {pool}: history of IOASID 1 generation 2, oldest first");
        Rows(run).ShouldNotBeEmpty();
        Rows(run).ShouldAllBe(r => r[3] == "2");
        Rows(run)[0][2].ShouldBe("ioasid.allocated.v1");
    }

    [Fact]
    public async Task ASetsHistory_HasItsEventsAndTheRefusalsThatNamedIt()
    {
        var pool = CliLedger.NewPool();
        await ledger.SubmitAsync(pool, new CreatePool(pool));
        await ledger.SubmitAsync(pool, new CreateSet(SetType.Mm, "mm:A", 2));
        await ledger.SubmitAsync(pool, new CreateSet(SetType.Mm, "mm:B", 2));
        await ledger.SubmitAsync(pool, new AllocateIoasid(0, 1, 100, null));
        await ledger.SubmitAsync(pool, new AllocateIoasid(1, 1, 100, null));
        (await ledger.SubmitAsync(pool, new AdjustSetQuota(0, 0), "admin")).Reason.ShouldNotBeNull();

        var run = (await ledger.RunAsync("history", "set", pool, "0")).ShouldSucceed();

        var rows = Rows(run);
        rows.Where(r => r[6].Length == 0).Select(r => r[2]).ShouldBe(["set.created.v1", "ioasid.allocated.v1", "notification.published.v1"]);
        rows[^1][2].ShouldBe("AdjustSetQuota");
        rows[^1][4].ShouldBe("admin");
        rows[^1][6].ShouldBe("REFUSED QuotaInvalid (-22 EINVAL)");
    }

    [Fact]
    public async Task TheHistoryOfANumberNothingConcerned_IsEmpty_NotAnError()
    {
        var pool = CliLedger.NewPool();
        await ledger.SubmitAsync(pool, new CreatePool(pool));

        var run = (await ledger.RunAsync("history", "ioasid", pool, "77")).ShouldSucceed();

        run.Lines.ShouldBe([$"pool {pool}: nothing ever concerned IOASID 77"]);
        run.Tables.ShouldBeEmpty();
    }

    private static List<string[]> Rows(CliInvocation run)
    {
        var table = run.Tables.ShouldHaveSingleItem();
        table[0].ShouldBe(Columns);
        return [.. table.Skip(1)];
    }
}
