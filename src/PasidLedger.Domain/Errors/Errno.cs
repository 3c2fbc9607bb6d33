namespace PasidLedger.Domain.Errors;

/// <summary>
/// Linux errno values used by the IOASID core (DOMAIN.md 0.3). Stored positive; the kernel
/// and the service surface them negated (<see cref="ErrnoExtensions.Negated"/>).
/// </summary>
public enum Errno
{
    None = 0,
    EPERM = 1,
    ENOENT = 2,
    ESRCH = 3,
    EIO = 5,
    ENXIO = 6,
    EAGAIN = 11,
    ENOMEM = 12,
    EACCES = 13,
    EFAULT = 14,
    EBUSY = 16,
    EEXIST = 17,
    ENODEV = 19,
    EINVAL = 22,
    ENOSPC = 28,
    EDEADLK = 35,
    EOVERFLOW = 75,
    EOPNOTSUPP = 95,
    ESTALE = 116,
    ENOTSUPP = 524,
}
