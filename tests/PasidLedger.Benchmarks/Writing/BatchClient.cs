using PasidLedger.Application.Writing;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.State;

namespace PasidLedger.Benchmarks.Writing;

/// <summary>
/// One caller of <see cref="GroupCommitBenchmark"/>, like the store load's client: an IOASID
/// lifecycle in its own set (alloc, attach_spid, get, put, detach_spid, free), one command per batch,
/// each with a reply shape as the API gives every command. The grant is caught by the shape, so
/// the benchmark does not parse reply JSON.
/// </summary>
internal sealed class BatchClient
{
    private readonly int setId;
    private readonly string holder;
    private readonly bool keyed;
    private uint spid;
    private int step;
    private long sent;
    private IoasidGranted? held;
    private readonly Func<PoolState, Decision, object?> granted;
    private static readonly Func<PoolState, Decision, object?> Reply = static (_, decision) => decision.Reply;

    public BatchClient(int setId, string holder, bool keyed)
    {
        (this.setId, this.holder, this.keyed) = (setId, holder, keyed);
        granted = (_, decision) => held = (IoasidGranted)decision.Reply!;
    }

    public PendingCommand Next()
    {
        PoolCommand command;
        var shape = Reply;
        if (held is not { } h)
        {
            command = Lifecycle.Allocate(setId);
            step = 0;
            shape = granted;
        }
        else
        {
            command = Lifecycle.After(h, step++, setId, holder, ref spid);
            held = command is FreeIoasid ? null : held;
        }

        var key = keyed ? $"{holder}-{sent++}" : null;
        return new PendingCommand(new CommandEnvelope(command, key, holder, Shape: shape));
    }
}
