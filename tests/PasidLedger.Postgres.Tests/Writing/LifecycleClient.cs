using PasidLedger.Application.Writing;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>
/// One caller running IOASID lifecycles (alloc, get, attach_spid, then detach/put/free in either
/// order) against one service instance, and now and then taking a foreign reference on a random
/// number as another driver would. Refusals caused by other callers (quota, range, SPID collision,
/// unknown or FREE_PENDING numbers) are expected; any other refusal of its own handles is noted.
/// </summary>
internal sealed class LifecycleClient(WriterInstance instance, string pool, int[] sets, string name, int seed)
{
    public const uint MaxId = 10;
    private const int MaxSpid = 6;
    private readonly Random random = new(seed);

    public int Commands { get; private set; }

    public int Allocations { get; private set; }

    public int Refused { get; private set; }

    public List<string> Unexpected { get; } = [];

    public async Task RunAsync(int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            if (random.Next(3) == 0)
            {
                await BorrowAsync((uint)random.Next(1, (int)MaxId + 1));
            }

            var set = sets[random.Next(sets.Length)];
            var granted = Replies.Granted(await SubmitAsync(new AllocateIoasid(set, 1, MaxId, null), "alloc", RejectionReason.QuotaExceeded, RejectionReason.NoFreeId));
            if (granted is null)
            {
                Refused++;
                continue;
            }

            Allocations++;
            var (id, generation) = (granted.Id, granted.Generation);
            await SubmitAsync(new AcquireRef(id, name, set, generation), "get");
            await SubmitAsync(new AttachSpid(id, (uint)random.Next(1, MaxSpid + 1), generation), "attach_spid", RejectionReason.SpidCollision);
            if (random.Next(2) == 0)
            {
                await SubmitAsync(new DetachSpid(id, generation), "detach_spid");
                await SubmitAsync(new ReleaseRef(id, name, set, generation), "put");
                await SubmitAsync(new FreeIoasid(id, set, generation), "free");
            }
            else
            {
                await SubmitAsync(new FreeIoasid(id, set, generation), "free");
                await SubmitAsync(new DetachSpid(id, generation), "detach_spid");
                await SubmitAsync(new ReleaseRef(id, name, set, generation), "put");
            }
        }
    }

    /// <summary>get/put by a second holder without a set or generation (the kernel-internal form).</summary>
    private async Task BorrowAsync(uint id)
    {
        var holder = $"{name}-borrower";
        var got = await SubmitAsync(new AcquireRef(id, holder, null), "borrow get", RejectionReason.UnknownId, RejectionReason.FreePending);
        if (!got.Failed)
        {
            await SubmitAsync(new ReleaseRef(id, holder, null), "borrow put");
        }
    }

    private async Task<CommandResult> SubmitAsync(PoolCommand command, string what, params RejectionReason[] expected)
    {
        Commands++;
        var result = await instance.SubmitAsync(pool, command);
        if (result.Failed && !expected.Contains(result.Reason!.Value))
        {
            Unexpected.Add($"{name} {what}: {result.Reason} {result.Detail}");
        }

        return result;
    }
}
