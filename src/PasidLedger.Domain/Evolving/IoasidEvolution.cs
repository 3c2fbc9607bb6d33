using System.Diagnostics;
using PasidLedger.Domain.Events;
using PasidLedger.Domain.State;

namespace PasidLedger.Domain;

/// <summary>IOASID events folded into the pool: records, members, SPID namespace, free-ID index.</summary>
internal static class IoasidEvolution
{
    public static void Apply(PoolState state, PoolEvent @event)
    {
        switch (@event)
        {
            case IoasidAllocated e:
                state.AddIoasid(IoasidRecord.Allocated(e.Id, e.Generation, e.SetId, e.Private));
                state.Sets[e.SetId].AddMember(e.Id);
                break;
            case RefAcquired e:
                state.PutIoasid(state.Ioasids[e.Id].Acquired(e.Holder));
                break;
            case RefReleased e:
                state.PutIoasid(state.Ioasids[e.Id].Released(e.Holder));
                break;
            case FreeRequested e:
                state.PutIoasid(state.Ioasids[e.Id].Parked());
                break;
            case IoasidReclaimed e:
                Reclaim(state, e);
                break;
            case PrivateAttached e:
                state.PutIoasid(state.Ioasids[e.Id].WithPrivate(e.Data));
                break;
            case PrivateDetached e:
                state.PutIoasid(state.Ioasids[e.Id].WithPrivate(null));
                break;
            case SpidAttached e:
                state.PutIoasid(state.Ioasids[e.Id].Bound(e.Spid));
                state.Sets[e.SetId].BindSpid(e.Spid, e.Id);
                break;
            case SpidDetached e:
                state.PutIoasid(state.Ioasids[e.Id].Unbound());
                state.Sets[e.SetId].UnbindSpid(e.Spid);
                break;
            default:
                throw new UnreachableException($"{@event.GetType().Name} is not an IOASID event.");
        }
    }

    private static void Reclaim(PoolState state, IoasidReclaimed e)
    {
        var record = state.Ioasids[e.Id];
        var set = state.Sets[e.SetId];
        if (record.HasSpid)
        {
            set.UnbindSpid(record.Spid);
        }

        set.RemoveMember(e.Id);
        state.RemoveIoasid(e.Id);
    }
}
