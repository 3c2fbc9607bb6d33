using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.Model;
using Shouldly;
using Xunit;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>Registration gaps found while writing the spec oracle of the command-sequence properties.</summary>
public sealed class NotifierRegressionTests
{
    /// <summary>
    /// R4 (Model): a duplicate nb on the global or a set chain is <c>-EBUSY</c>. A set registration
    /// already refuses a name on the chain, but a registration by mm for the set's token does not look
    /// at the chain it joins, so the same nb is chained twice and every notification reaches it twice.
    /// </summary>
    [Fact]
    public void MmRegistrationOfANotifierAlreadyOnTheSetChain_IsRefusedAsADuplicate()
    {
        var run = new LedgerRun();
        run.Execute(new CreatePool("pool"));
        run.Execute(new CreateSet(SetType.Mm, "mmA", 0));
        run.Execute(new RegisterNotifier("kvm", NotifierScope.Set, 0, null, Priority.Cpu, null, []));

        var again = run.Execute(new RegisterNotifier("kvm", NotifierScope.Mm, null, "mmA", Priority.Cpu, null, []));

        again.Rejection.ShouldNotBeNull().Errno.ShouldBe(Errno.EBUSY);
        var alloc = run.Execute(new AllocateIoasid(0, 1, 10, null)).Events.OfType<NotificationPublished>().Single();
        alloc.Recipients.ShouldBe(["kvm"]);
    }
}
