namespace PasidLedger.Domain.Model;

/// <summary><c>ioasid_notifier_prios</c> with the header values (DOMAIN.md 4.5, D10); higher runs first.</summary>
public enum Priority
{
    Last = 0,
    Device = 1,
    Iommu = 2,
    Cpu = 3,
}
