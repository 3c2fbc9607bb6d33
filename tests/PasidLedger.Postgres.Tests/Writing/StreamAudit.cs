using PasidLedger.Domain;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>
/// Folds a stored stream event by event and checks after every one what two writers must never
/// break: versions 1..N without gaps, no number handed out while it is allocated (DOMAIN.md P2),
/// set quotas (P4) and the capacity (P1). The live IDs and set counts are tracked here from the
/// events themselves, independently of <see cref="PoolState"/>, and compared with it.
/// </summary>
internal sealed class StreamAudit
{
    private readonly Dictionary<uint, int> live = [];
    private readonly Dictionary<uint, int> lastGeneration = [];
    private readonly Dictionary<int, int> members = [];
    private readonly Dictionary<int, long> quotas = [];

    public PoolState State { get; } = new();

    public int Allocations { get; private set; }

    public int Reclaims { get; private set; }

    public static StreamAudit Of(IReadOnlyList<(long Version, PoolEvent Event)> events)
    {
        var audit = new StreamAudit();
        foreach (var (version, @event) in events)
        {
            version.ShouldBe(audit.State.Version + 1, "stream versions must be contiguous from 1");
            audit.Apply(version, @event);
        }

        return audit;
    }

    private void Apply(long version, PoolEvent @event)
    {
        switch (@event)
        {
            case IoasidAllocated e:
                live.ContainsKey(e.Id).ShouldBeFalse($"v{version}: IOASID {e.Id} was handed out again while allocated");
                e.Generation.ShouldBe(lastGeneration.GetValueOrDefault(e.Id) + 1, $"v{version}: generation of IOASID {e.Id}");
                e.Id.ShouldBeInRange(Math.Max(e.Min, 1u), e.Max, $"v{version}: IOASID outside the requested range");
                (live[e.Id], lastGeneration[e.Id]) = (e.SetId, e.Generation);
                members[e.SetId] = members.GetValueOrDefault(e.SetId) + 1;
                Allocations++;
                break;
            case IoasidReclaimed e:
                live.Remove(e.Id, out var setId).ShouldBeTrue($"v{version}: IOASID {e.Id} reclaimed while not allocated");
                setId.ShouldBe(e.SetId);
                members[e.SetId]--;
                Reclaims++;
                break;
            case SetCreated e:
                quotas[e.SetId] = e.Quota;
                break;
            case SetQuotaAdjusted e:
                quotas[e.SetId] = e.Quota;
                break;
        }

        Pool.Evolve(State, @event);
        Check(version);
    }

    private void Check(long version)
    {
        State.Ioasids.Count.ShouldBe(live.Count, $"v{version}: the fold disagrees on the allocated IDs");
        ((long)live.Count).ShouldBeLessThan(State.Capacity, $"v{version}: more IDs than the capacity (P1; ID 0 is reserved)");
        State.Available.ShouldBeGreaterThanOrEqualTo(0, $"v{version}: capacity_avail below zero (P1)");
        foreach (var (setId, count) in members)
        {
            State.Sets[setId].Count.ShouldBe(count, $"v{version}: the fold disagrees on the members of set {setId}");
            if (quotas[setId] > 0)
            {
                ((long)count).ShouldBeLessThanOrEqualTo(quotas[setId], $"v{version}: set {setId} exceeds its quota (P4)");
            }
        }
    }
}
