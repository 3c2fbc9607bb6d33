namespace PasidLedger.Domain.Access;

/// <summary>
/// An authenticated caller: its name (recorded on every event and rejection), its role, and for a
/// component acting in one VM's process context (VFIO, KVM or VDCM of that VM) that VM's mm.
/// </summary>
/// <param name="Name">The principal, e.g. <c>operator:alice</c>, <c>mm:vmA</c>, <c>kvm:vmA</c>, <c>iommu:host0</c>.</param>
/// <param name="ActsFor">For a component, the mm token of the VM it acts for, if it is bound to one.</param>
public sealed record Principal(string Name, Role Role, string? ActsFor = null)
{
    /// <summary>
    /// The VM whose set alone this principal acts on, or null when it is not confined to one: a
    /// <see cref="Role.Vm"/> is its own mm; a component is bound when its token names a VM.
    /// </summary>
    public string? Mm => Role == Role.Vm ? Name : ActsFor;

    /// <summary>The calling process of <c>get_if_owned</c> (DOMAIN.md 2.3): the mm it acts in, else itself.</summary>
    public string OwnershipCaller => Mm ?? Name;
}

/// <summary>What a principal is (README, "Who may do what").</summary>
public enum Role
{
    /// <summary>Runs pools, capacity and quotas; may do anything.</summary>
    Operator,

    /// <summary>Reads everything, changes nothing.</summary>
    Auditor,

    /// <summary>A VM's side (principal <c>mm:&lt;vm&gt;</c>): acts on the MM set whose token is its principal.</summary>
    Vm,

    /// <summary>A kernel component (<c>kvm:&lt;vm&gt;</c>, <c>iommu:&lt;host&gt;</c>, …): holds references and registers notifiers under its own name.</summary>
    Component,
}
