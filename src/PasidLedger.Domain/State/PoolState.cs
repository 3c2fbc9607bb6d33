using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.State;

/// <summary>
/// The whole state of one pool: the aggregate every invariant is decided against (ARCHITECTURE.md 2).
/// </summary>
/// <remarks>
/// Deviation from STYLE.md "immutable state records", on purpose: a pool holds up to 2^20 live
/// IDs and must fold 500,000 commands/s, which persistent collections cannot do. The state is
/// therefore mutated in place, but only by <see cref="Pool.Evolve"/>; <see cref="Pool.Decide"/>
/// only reads it, and the records it hands out (<see cref="IoasidRecord"/>,
/// <see cref="NotifierRegistration"/>) are immutable. One writer owns one instance.
/// </remarks>
public sealed class PoolState
{
    private readonly Dictionary<int, IoasidSet> sets = [];
    private readonly Dictionary<string, int> mmSetsByToken = [];
    private readonly Dictionary<uint, IoasidRecord> ioasids = [];
    private readonly Dictionary<uint, int> generations = [];
    private readonly Dictionary<int, NotifierRegistration> notifiers = [];
    private readonly List<WorkItem> work = [];

    /// <summary>The stream version: how many events were folded.</summary>
    public long Version { get; internal set; }

    public string? Name { get; internal set; }

    public bool IsCreated => Name is not null;

    public PoolOptions Options { get; internal set; } = PoolOptions.Default;

    public long Capacity { get; private set; } = Ioasid.DefaultCapacity;

    /// <summary><c>capacity_avail</c>: capacity not reserved by quotas or reservations (P1).</summary>
    public long Available { get; internal set; } = Ioasid.DefaultCapacity;

    /// <summary>Whether <c>install_capacity</c> changed the default (the kernel's one-shot check).</summary>
    public bool CapacityInstalled => Capacity != Ioasid.DefaultCapacity;

    internal IdBitmap UsedIds { get; private set; } = NewBitmap(Ioasid.DefaultCapacity);

    public IReadOnlyDictionary<int, IoasidSet> Sets => sets;

    public IReadOnlyDictionary<uint, IoasidRecord> Ioasids => ioasids;

    public IReadOnlyDictionary<int, NotifierRegistration> Notifiers => notifiers;

    /// <summary>The global chain in delivery order.</summary>
    public IReadOnlyList<NotifierRegistration> GlobalChain { get; private set; } = [];

    /// <summary>The ordered work queue; the head runs first.</summary>
    public IReadOnlyList<WorkItem> Work => work;

    internal int NextNotifierId { get; set; } = 1;

    internal long NextChainOrder { get; set; } = 1;

    /// <summary>The live (not destroyed) set, or null (R13: sets are addressed by ID).</summary>
    public IoasidSet? LiveSet(int setId) =>
        sets.TryGetValue(setId, out var set) && !set.IsDestroyed ? set : null;

    /// <summary><c>find_mm_set</c>: the non-destroyed MM set of a token.</summary>
    public IoasidSet? MmSet(string token) =>
        mmSetsByToken.TryGetValue(token, out var setId) ? sets[setId] : null;

    public IoasidRecord? Find(uint id) => ioasids.GetValueOrDefault(id);

    /// <summary>The generation the next allocation of <paramref name="id"/> will carry.</summary>
    public int NextGeneration(uint id) => generations.GetValueOrDefault(id) + 1;

    /// <summary>The last generation issued for <paramref name="id"/>, 0 if never allocated.</summary>
    public int LastGeneration(uint id) => generations.GetValueOrDefault(id);

    /// <summary>Last generation issued per number, including numbers not allocated now.</summary>
    public IReadOnlyDictionary<uint, int> Generations => generations;

    public bool IsWorkQueued(string workId) => work.Exists(item => item.WorkId == workId);

    /// <summary>Registrations on the pending list (made by mm), in registration order.</summary>
    public IEnumerable<NotifierRegistration> PendingList =>
        notifiers.Values.Where(n => n.Scope == NotifierScope.Mm).OrderBy(n => n.NotifierId);

    internal void InstallCapacity(long total)
    {
        Capacity = total;
        Available = total;
        UsedIds = NewBitmap(total);
    }

    internal void PutSet(IoasidSet set)
    {
        sets[set.SetId] = set;
        if (set.Type == SetType.Mm && !set.IsDestroyed)
        {
            mmSetsByToken[set.Token!] = set.SetId;
        }
    }

    internal void ForgetMmToken(IoasidSet set)
    {
        // Only the mapping of this very set: a newer set may already own the token (snapshot restore order).
        if (set.Type == SetType.Mm && mmSetsByToken.TryGetValue(set.Token!, out var setId) && setId == set.SetId)
        {
            mmSetsByToken.Remove(set.Token!);
        }
    }

    internal void RestoreGeneration(uint id, int generation) => generations[id] = generation;

    internal void PutIoasid(IoasidRecord record) => ioasids[record.Id] = record;

    internal void AddIoasid(IoasidRecord record)
    {
        ioasids.Add(record.Id, record);
        generations[record.Id] = record.Generation;
        UsedIds.MarkUsed(record.Id);
    }

    internal void RemoveIoasid(uint id)
    {
        ioasids.Remove(id);
        UsedIds.MarkFree(id);
    }

    internal void PutNotifier(NotifierRegistration registration) => notifiers[registration.NotifierId] = registration;

    internal void RemoveNotifier(int notifierId) => notifiers.Remove(notifierId);

    internal void SetGlobalChain(IReadOnlyList<NotifierRegistration> chain) => GlobalChain = chain;

    internal void Enqueue(WorkItem item) => work.Add(item);

    internal void Dequeue(string workId) => work.RemoveAll(item => item.WorkId == workId);

    private static IdBitmap NewBitmap(long capacity)
    {
        var bitmap = new IdBitmap(capacity);
        bitmap.MarkUsed(0); // PASID 0 is reserved (RID_PASID), never allocated (DOMAIN.md 1.1).
        return bitmap;
    }
}
