namespace PasidLedger.Domain.Model;

/// <summary>
/// What a registration does inside the publishing call (ARCHITECTURE.md 3, DOMAIN.md 4.6).
/// Only <see cref="Get"/>, <see cref="Put"/> and <see cref="QueueWork"/> are legal in an atomic
/// handler; the others notify or sleep and are rejected as <c>ChainedNotification</c>.
/// </summary>
public enum ReactionAction
{
    Get,
    Put,
    QueueWork,
    DetachSpid,
    DetachData,
    Free,
}
