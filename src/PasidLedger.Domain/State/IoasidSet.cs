using PasidLedger.Domain.Model;

namespace PasidLedger.Domain.State;

/// <summary>
/// An <c>ioasid_set</c> (DOMAIN.md 1.3): token, quota, members (FREE_PENDING ones included),
/// the SPID namespace and the set chain. Mutated only by <see cref="Pool.Evolve"/>.
/// </summary>
public sealed class IoasidSet
{
    private readonly HashSet<uint> members = [];
    private readonly Dictionary<uint, uint> idsBySpid = [];

    internal IoasidSet(int setId, SetType type, string? token, long quota)
    {
        SetId = setId;
        Type = type;
        Token = token;
        Quota = quota;
    }

    public int SetId { get; }

    public SetType Type { get; }

    public string? Token { get; }

    /// <summary>Maximum members at once; 0 means unlimited and unreserved (D2).</summary>
    public long Quota { get; internal set; }

    public SetLifecycle Lifecycle { get; internal set; } = SetLifecycle.Live;

    /// <summary><c>nr_ioasids</c>: current members, FREE_PENDING included (P4).</summary>
    public int Count => members.Count;

    /// <summary>Members in ascending ID order (the xarray order of <c>set_for_each_ioasid</c>); sorted on read, kept hashed for O(1) updates.</summary>
    public IReadOnlyList<uint> Members => [.. members.Order()];

    /// <summary>Whether <paramref name="id"/> is a member.</summary>
    public bool Contains(uint id) => members.Contains(id);

    /// <summary>SPID → host ID within this set (I4).</summary>
    public IReadOnlyDictionary<uint, uint> IdsBySpid => idsBySpid;

    /// <summary>The set chain, already in delivery order.</summary>
    public IReadOnlyList<NotifierRegistration> Chain { get; internal set; } = [];

    public bool IsLive => Lifecycle == SetLifecycle.Live;

    public bool IsDestroyed => Lifecycle == SetLifecycle.Destroyed;

    internal void AddMember(uint id) => members.Add(id);

    internal void RemoveMember(uint id) => members.Remove(id);

    internal void BindSpid(uint spid, uint id) => idsBySpid[spid] = id;

    internal void UnbindSpid(uint spid) => idsBySpid.Remove(spid);
}
