namespace PasidLedger.Domain.Model;

/// <summary>Token type of a set (DOMAIN.md 1.3); values are the kernel's.</summary>
public enum SetType
{
    /// <summary><c>IOASID_SET_TYPE_NULL</c>: kernel-internal, token must be null.</summary>
    Null = 1,

    /// <summary><c>IOASID_SET_TYPE_MM</c>: token is a process address space, unique among MM sets.</summary>
    Mm = 2,
}
