using PasidLedger.Application.Writing;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;

namespace PasidLedger.Benchmarks.Writing;

/// <summary>
/// One caller of <see cref="GroupCommitBenchmark"/>, like the store load's client: an IOASID
/// lifecycle in its own set (alloc, attach_spid, get, put, detach_spid, free), one command per batch.
/// The writer answers each with its typed reply and rows, as for the API; the grant is read from the reply.
/// </summary>
internal sealed class BatchClient(int setId, string holder, bool keyed)
{
    private uint spid;
    private int step;
    private long sent;
    private IoasidGranted? held;

    public PendingCommand Next()
    {
        PoolCommand command;
        if (held is not { } h)
        {
            command = Lifecycle.Allocate(setId);
            step = 0;
        }
        else
        {
            command = Lifecycle.After(h, step++, setId, holder, ref spid);
            held = command is FreeIoasid ? null : held;
        }

        var key = keyed ? $"{holder}-{sent++}" : null;
        return new PendingCommand(new CommandEnvelope(command, key, holder));
    }

    /// <summary>Takes the answer to the command <see cref="Next"/> gave last.</summary>
    public void Answered(CommandResult result) => held = result.Reply as IoasidGranted ?? held;
}
