using PasidLedger.Domain.Access;

namespace PasidLedger.Api.Auth;

/// <summary>
/// The roles a principal acts in (ARCHITECTURE.md "Every caller is authenticated"): <c>operator</c> runs
/// pools, capacity and quotas; <c>auditor</c> reads everything; <c>vm</c> (principal <c>mm:&lt;vm&gt;</c>) is a
/// VM's side; <c>component</c> (<c>kvm:&lt;vm&gt;</c>, <c>iommu:&lt;host&gt;</c>, …) a kernel component.
/// </summary>
public static class LedgerRoles
{
    public const string Operator = "operator";
    public const string Auditor = "auditor";
    public const string Vm = "vm";
    public const string Component = "component";

    public static IReadOnlyList<string> All { get; } = [Operator, Auditor, Vm, Component];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>The token's word for <paramref name="role"/>.</summary>
    public static string Of(Role role) => role switch
    {
        Role.Operator => Operator,
        Role.Auditor => Auditor,
        Role.Vm => Vm,
        Role.Component => Component,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a ledger role."),
    };
}
