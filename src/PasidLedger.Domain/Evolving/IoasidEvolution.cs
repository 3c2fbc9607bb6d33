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
                state.AddIoasid(new IoasidRecord(e.Id, e.Generation, e.SetId, Holders.Allocation, false, Ioasid.Invalid, e.Private));
                state.Sets[e.SetId].AddMember(e.Id);
                break;
            case RefAcquired e:
                var acquiring = state.Ioasids[e.Id];
                state.PutIoasid(acquiring with { Holders = acquiring.Holders.Add(e.Holder) });
                break;
            case RefReleased e:
                var releasing = state.Ioasids[e.Id];
                state.PutIoasid(releasing with { Holders = releasing.Holders.Remove(e.Holder) });
                break;
            case FreeRequested e:
                Update(state, e.Id, r => r with
                {
                    FreeRequested = true,
                    Holders = r.Holders.CountOf(Ioasid.CoreHolder) > 0 ? r.Holders.Remove(Ioasid.CoreHolder) : r.Holders,
                });
                break;
            case IoasidReclaimed e:
                Reclaim(state, e);
                break;
            case PrivateAttached e:
                Update(state, e.Id, r => r with { Private = e.Data });
                break;
            case PrivateDetached e:
                Update(state, e.Id, r => r with { Private = null });
                break;
            case SpidAttached e:
                Update(state, e.Id, r => r with { Spid = e.Spid });
                state.Sets[e.SetId].BindSpid(e.Spid, e.Id);
                break;
            case SpidDetached e:
                Update(state, e.Id, r => r with { Spid = Ioasid.Invalid });
                state.Sets[e.SetId].UnbindSpid(e.Spid);
                break;
            default:
                throw new UnreachableException($"{@event.GetType().Name} is not an IOASID event.");
        }
    }

    private static void Update(PoolState state, uint id, Func<IoasidRecord, IoasidRecord> change) =>
        state.PutIoasid(change(state.Ioasids[id]));

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
