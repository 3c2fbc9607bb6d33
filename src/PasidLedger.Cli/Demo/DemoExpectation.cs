using PasidLedger.Consumers.Scenarios;

namespace PasidLedger.Cli.Demo;

/// <summary>
/// What DOMAIN.md gives for one scenario of the demo: the refs sequence of H (null where it gives none), the notification
/// kinds in order, and whether KVM must hear nothing once the VM is torn down. Every scenario must also end with H
/// reclaimed once and held by no consumer.
/// </summary>
internal sealed record DemoExpectation(IReadOnlyList<int>? Refs, IReadOnlyList<string> Notifications, bool KvmQuietAfterTeardown = false)
{
    private static readonly Dictionary<GuestScenario, DemoExpectation> OfScenario = new()
    {
        // S49: two devices share H; no FREE, because nobody else holds H at REQUEST_FREE.
        [GuestScenarios.NormalFlow] = new([1, 2, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 2, 1, 0], ["ALLOC", "BIND", "UNBIND"]),
        // 5.7 a–d after 5.5 step 10 (refs 4): FREE parks H, the IOMMU's W1 detaches the SPID (UNBIND), every holder puts.
        [GuestScenarios.FreeBeforeUnbind] = new([1, 2, 3, 4, 3, 4, 3, 4, 3, 2, 1, 0], ["ALLOC", "BIND", "FREE", "UNBIND"]),
        // 5.8 QEMU killed: /dev/ioasid release takes the FREE path of 5.7; KVM, torn down first, is notified of nothing after.
        [GuestScenarios.VmKilled] = new(null, ["ALLOC", "BIND", "FREE", "UNBIND"], KvmQuietAfterTeardown: true),
    };

    public static DemoExpectation For(GuestScenario scenario) =>
        OfScenario.TryGetValue(scenario, out var expectation) ? expectation : throw new ArgumentException($"The demo has no expectation for scenario '{scenario.Name}'.", nameof(scenario));
}
