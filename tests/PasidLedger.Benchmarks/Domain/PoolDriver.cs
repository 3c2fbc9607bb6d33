using PasidLedger.Domain;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.State;

namespace PasidLedger.Benchmarks.Domain;

/// <summary>
/// The write path of one command without storage: <see cref="Pool.Decide"/>, then
/// <see cref="Pool.EvolveAll"/> over the decision's events. A rejection is a broken
/// benchmark, not a measurement, so it throws.
/// </summary>
internal static class PoolDriver
{
    public static Decision Apply(PoolState state, PoolCommand command)
    {
        var decision = Pool.Decide(state, command);
        if (decision.IsRejected)
        {
            throw new InvalidOperationException($"{command} was rejected: {decision.Rejection}");
        }

        Pool.EvolveAll(state, decision.Events);
        return decision;
    }

    public static IoasidGranted Allocate(PoolState state, int setId, uint min, uint max) =>
        (IoasidGranted)Apply(state, new AllocateIoasid(setId, min, max, null)).Reply!;

    public static int CreateSet(PoolState state, CreateSet command) =>
        ((SetAllocated)Apply(state, command).Reply!).SetId;
}
