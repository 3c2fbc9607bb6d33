namespace PasidLedger.Domain;

/// <summary>Constants of the IOASID value space (DOMAIN.md 1.1).</summary>
public static class Ioasid
{
    /// <summary><c>INVALID_IOASID</c>: all 32 bits set.</summary>
    public const uint Invalid = 0xFFFF_FFFF;

    /// <summary><c>PCI_PASID_MAX</c>: the 20-bit default capacity.</summary>
    public const long DefaultCapacity = 1L << 20;

    /// <summary>Largest capacity accepted by <c>install_capacity</c> (the 31 bits /dev/ioasid advertises).</summary>
    public const long MaxCapacity = 1L << 31;

    /// <summary>Holder name of the allocation ("core") reference taken by <c>alloc</c>.</summary>
    public const string CoreHolder = "core";
}
