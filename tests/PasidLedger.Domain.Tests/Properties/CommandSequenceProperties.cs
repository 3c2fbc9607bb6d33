using FsCheck;
using FsCheck.Fluent;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Events;
using Shouldly;
using Xunit;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>
/// Random command sequences over many sets, tokens, holders and notifiers: after every event and
/// every command the invariants P1–P4 and I1–I6 hold, and the events replay to the same state.
/// A failure reports the shrunk command sequence (see <see cref="Counterexample"/>).
/// </summary>
public sealed class CommandSequenceProperties
{
    private static readonly Type[] CommandTypes =
        [.. typeof(PoolCommand).Assembly.GetTypes().Where(type => type.IsSubclassOf(typeof(PoolCommand)) && !type.IsAbstract)];

    private static readonly string[] ExpectedRejections =
    [
        "QuotaExceeded", "NoFreeId", "StaleHandle", "FreePending", "SpidCollision", "SpidPresent", "NotOwner", "SetClosing",
        "SetBusy", "SetNotEmpty", "NotifierDuplicate", "CapacityExhausted", "WorkNotAtHead", "reaction:ChainedNotification",
    ];

    [Fact]
    public void FiftyRandomRunsOf300Commands_KeepEveryInvariant_AndReplayToTheSameState()
    {
        var coverage = new CoverageLog();

        Prop.ForAll(PlanGenerators.Runs(300), plan => { LedgerRun.Of(plan, coverage); })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(50).WithQuietOnSuccess(true));

        coverage.Steps.ShouldBeGreaterThanOrEqualTo(50 * 301);
        coverage.AcceptedCommands.ShouldBe(CommandTypes, ignoreOrder: true, "every command type must succeed at least once");
        coverage.Events.ShouldBe(EventNames.Types, ignoreOrder: true, "every event type must be produced at least once");
        ExpectedRejections.ShouldBeSubsetOf(coverage.Rejections, "the generator must reach these error paths");
    }

    [Fact]
    public void OneLongRunOf6000Commands_KeepsEveryInvariant_WhileNumbersAreReusedAcrossGenerations()
    {
        var coverage = new CoverageLog();
        var highestGeneration = 0;

        Prop.ForAll(PlanGenerators.Runs(6000), plan =>
            {
                var run = LedgerRun.Of(plan, coverage);
                highestGeneration = run.Events.OfType<IoasidAllocated>().Max(e => e.Generation);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1).WithQuietOnSuccess(true));

        coverage.Steps.ShouldBeGreaterThanOrEqualTo(6000);
        highestGeneration.ShouldBeGreaterThan(5, "lowest-free allocation hands the same numbers out again and again (R18)");
    }
}
