using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Events;

using Shouldly;

using Xunit;

using static PasidLedger.Domain.Tests.Support.Fixtures;
using static PasidLedger.Domain.Tests.Support.Kernel;
using static PasidLedger.Domain.Tests.Support.Scenario;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>DOMAIN.md 9 "Private data": S29 (<c>attach_data</c> / <c>detach_data</c>, 2.4).</summary>
public sealed class PrivateDataScenarios
{
    [Fact]
    public void S29_AttachData_NeverOverwrites_AndDetachIsIdempotent()
    {
        var pool = Given(F1()).And(Alloc(VA));

        pool.When(new AttachPrivate(1, "p")).Then(new PrivateAttached(1, 1, "p")).ThenNothingNotified();
        pool.When(new AttachPrivate(1, "q")).ThenRejected(RejectionReason.PrivateDataPresent, Errno.EBUSY);
        pool.State.Find(1)!.Private.ShouldBe("p");
        pool.When(new AttachPrivate(99, "p")).ThenRejected(RejectionReason.UnknownId, Errno.ENOENT);

        pool.When(new DetachPrivate(1)).Then(new PrivateDetached(1, 1));
        pool.State.Find(1)!.Private.ShouldBeNull();
        pool.When(new DetachPrivate(1)).ThenIgnored(RejectionReason.NoPrivateData);
        pool.When(new AttachPrivate(1, "q")).Then(new PrivateAttached(1, 1, "q"));
    }

    [Fact]
    public void S29_DetachData_OfAnUnknownId_IsIgnored()
    {
        Given(F1()).When(new DetachPrivate(99)).ThenIgnored(RejectionReason.UnknownId);
    }
}
