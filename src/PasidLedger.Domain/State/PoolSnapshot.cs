using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.State;

/// <summary>
/// A serializable copy of <see cref="PoolState"/> so start-up need not fold the whole stream
/// (ARCHITECTURE.md 2, step 5). Generations of numbers not currently allocated are kept too:
/// they are what rejects stale handles after a reclaim (R18).
/// </summary>
public sealed record PoolSnapshot(
    long Version,
    string Name,
    PoolOptions Options,
    long Capacity,
    long Available,
    IReadOnlyList<SetSnapshot> Sets,
    IReadOnlyList<IoasidSnapshot> Ioasids,
    IReadOnlyDictionary<uint, int> Generations,
    IReadOnlyList<NotifierRegistration> Notifiers,
    IReadOnlyList<WorkItem> Work,
    int NextNotifierId,
    long NextChainOrder);

/// <summary>One set in a snapshot; members and SPIDs are rebuilt from the IOASIDs.</summary>
public sealed record SetSnapshot(int SetId, SetType Type, string? Token, long Quota, SetLifecycle Lifecycle);

/// <summary>One IOASID record in a snapshot.</summary>
public sealed record IoasidSnapshot(uint Id, int Generation, int SetId, IReadOnlyDictionary<string, int> Holders, bool FreeRequested, uint Spid, string? Private);
