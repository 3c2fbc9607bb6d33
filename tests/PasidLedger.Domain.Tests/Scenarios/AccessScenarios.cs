using PasidLedger.Domain.Access;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;
using PasidLedger.Domain.State;
using PasidLedger.Domain.Tests.Support;

using Shouldly;

using Xunit;

namespace PasidLedger.Domain.Tests.Scenarios;

/// <summary>
/// <see cref="CommandAccess"/> on what the HTTP matrix cannot reach: the work queue, commands the table
/// does not know, sets and IDs that do not exist or no longer do, NULL sets.
/// </summary>
public sealed class AccessScenarios
{
    private static readonly Principal VmA = new("mm:A", Role.Vm);
    private static readonly Principal KvmForA = new("kvm:A", Role.Component, "mm:A");
    private static readonly Principal Iommu = new("iommu:host", Role.Component);

    /// <summary>Set 0 is A's (MM, token mm:A) holding IOASID 1; set 1 is a NULL set holding IOASID 2.</summary>
    private static PoolState Pool(params PoolCommand[] more) => Scenario.Given([
        new CreatePool("host-a"),
        new CreateSet(SetType.Mm, "mm:A", 8),
        new CreateSet(SetType.Null, null, 8),
        new AllocateIoasid(0, 1, 100, null),
        new AllocateIoasid(1, 1, 100, null),
        .. more]).State;

    [Fact]
    public void Work_is_queued_and_completed_only_by_the_principal_that_queues_it()
    {
        var state = Pool(new QueueWork("w1", "iommu:host", 2));

        CommandAccess.Refusal(state, Iommu, new QueueWork("w2", "iommu:host", 2)).ShouldBeNull();
        CommandAccess.Refusal(state, Iommu, new QueueWork("w2", "kvm:A", 2)).ShouldNotBeNull();
        CommandAccess.Refusal(state, Iommu, new CompleteWork("w1")).ShouldBeNull();
        CommandAccess.Refusal(state, KvmForA, new CompleteWork("w1")).ShouldNotBeNull();
        CommandAccess.Refusal(state, KvmForA, new QueueWork("w3", "kvm:A", 2)).ShouldNotBeNull("IOASID 2 is in a NULL set, no VM's");
        CommandAccess.Refusal(state, KvmForA, new QueueWork("w3", "kvm:A", 1)).ShouldBeNull();
    }

    [Fact]
    public void A_null_set_is_no_vms_own()
    {
        var state = Pool();

        CommandAccess.Owns(state, "mm:A", 0).ShouldBeTrue();
        CommandAccess.Owns(state, "mm:A", 1).ShouldBeFalse();
        CommandAccess.Refusal(state, VmA, new FreeIoasid(2, 1)).ShouldNotBeNull();
        CommandAccess.Refusal(state, Iommu, new FreeIoasid(2, 1)).ShouldBeNull("a component bound to no VM acts on any set");
    }

    [Fact]
    public void What_does_not_exist_is_left_to_the_pool_to_answer()
    {
        var state = Pool();

        CommandAccess.Refusal(state, VmA, new FreeIoasid(99, 7)).ShouldBeNull();
        CommandAccess.Refusal(state, VmA, new AllocateIoasid(7, 1, 10, null)).ShouldBeNull();
        CommandAccess.Refusal(state, VmA, new UnregisterNotifier(42, UnregisterVia.Matching)).ShouldBeNull();
        CommandAccess.Refusal(state, VmA, new CompleteWork("nothing")).ShouldBeNull();
    }

    [Fact]
    public void A_destroyed_set_stays_its_vms_until_its_id_is_reused()
    {
        var state = Pool(new FreeIoasid(1, 0), new FreeSet(0));

        CommandAccess.Refusal(state, VmA, new FreeSet(0)).ShouldBeNull();
        CommandAccess.Refusal(state, new Principal("mm:B", Role.Vm), new FreeSet(0)).ShouldNotBeNull();
    }

    [Fact]
    public void Pools_capacity_quotas_and_commands_the_table_does_not_know_are_the_operators()
    {
        var state = Pool();
        PoolCommand[] administrative = [new CreatePool("host-a"), new InstallCapacity(4096), new ReserveCapacity(1), new CancelCapacity(1),
            new AdjustSetQuota(0, 9), new UnknownCommand()];

        foreach (var command in administrative)
        {
            CommandAccess.Refusal(state, Iommu, command).ShouldNotBeNull(command.ToString());
            CommandAccess.Refusal(state, new Principal("operator:o", Role.Operator), command).ShouldBeNull(command.ToString());
        }
    }

    [Fact]
    public void An_auditor_sends_no_command_at_all()
    {
        CommandAccess.Refusal(Pool(), new Principal("auditor:a", Role.Auditor), new AcquireRef(1, "auditor:a", 0)).ShouldNotBeNull();
    }

    private sealed record UnknownCommand : PoolCommand;
}
