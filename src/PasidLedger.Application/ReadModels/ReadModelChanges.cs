namespace PasidLedger.Application.ReadModels;

/// <summary>The rows one group commit changes; the SPID index follows the refcount rows.</summary>
public sealed record ReadModelChanges(
    CapacityView Capacity,
    IReadOnlyList<RefcountView> Ioasids,
    IReadOnlyList<uint> RemovedIoasids,
    IReadOnlyList<SetView> Sets,
    IReadOnlyList<NotifierView> Notifiers,
    IReadOnlyList<int> RemovedNotifiers);
