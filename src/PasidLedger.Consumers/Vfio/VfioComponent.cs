using Microsoft.Extensions.Logging;
using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Hosting;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Consumers.State;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Vfio;

/// <summary>
/// VFIO for one VM (DOMAIN.md 4.8, V4): pure transport for the guest's bind and unbind. Each call checks ownership with
/// <c>get_if_owned</c> (5.5 steps 5, 9, 12, 13), passes the call to the IOMMU driver, then puts its reference (step 8, 15),
/// so it holds references only while a call runs. It registers no notifier and receives no notifications.
/// </summary>
public sealed class VfioComponent(ILedgerCommands ledger, StateFile<VfioMemory> file, ComponentOptions options, IIommuDriver iommu, ILogger<VfioComponent> log)
    : LedgerComponent<VfioMemory>(ledger, file, log), IControlHandler<BindGuestPasid>, IControlHandler<UnbindGuestPasid>
{
    public override string Kind => "vfio";

    /// <summary>Registers nothing; a reference left by a call a crash cut short is put with that call's own id (a repeat of it changes nothing).</summary>
    public override async Task StartAsync(CancellationToken ct)
    {
        options.RequireMm();
        foreach (var (requestId, call) in Memory.InFlight.ToList())
        {
            await FinishAsync(requestId, call, "interrupted by a restart", ct).ConfigureAwait(false);
        }
    }

    /// <summary><c>BIND_PGTBL(H, G, dev)</c>.</summary>
    public Task<ControlResult> HandleAsync(BindGuestPasid request, Guid requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync("bind", request.Id, request.Device, requestId, generation => new BindDevice(request.Id, generation, request.Gpasid, request.Device), ct);
    }

    /// <summary>Guest unbind; once H is FREE_PENDING (-EBUSY) or reclaimed (-ENOENT) it stops at <c>get_if_owned</c> (5.7 e): no double put.</summary>
    public Task<ControlResult> HandleAsync(UnbindGuestPasid request, Guid requestId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync("unbind", request.Id, request.Device, requestId, generation => new UnbindDevice(request.Id, generation, request.Device), ct);
    }

    protected override IReadOnlyList<HeldId> Holds() =>
        [.. Memory.InFlight.Values.Select(call => new HeldId(call.Id, call.Generation, "vfio-calls", $"{call.Call}({call.Id}, {call.Device})"))];

    protected override IReadOnlyList<string> Lines() =>
        [.. Holds().Select(held => $"in flight: {held.Entry}"), .. Memory.Answers];

    private async Task<ControlResult> CallAsync<T>(string name, uint id, string device, Guid requestId, Func<int, T> request, CancellationToken ct) where T : class
    {
        var owned = await SendAsync(new AcquireRefIfOwnedCommand(Pool, id, Name), AcquireRefIfOwnedCommand.MessageType, requestId, "get-if-owned", ct)
            .ConfigureAwait(false);
        if (!owned.Succeeded() || owned.Ioasid is not { } ioasid)
        {
            Answered($"{name}({id}, {device}): get_if_owned refused, {owned.Reason} ({owned.Errno})");
            return owned.Refusal();
        }

        var call = new VfioCall(name, id, ioasid.Generation, device);
        Memory.InFlight[requestId] = call;
        Changed($"{name}({id}, {device}): get_if_owned → refs {ioasid.Refs}; calling {options.Iommu}");
        var outcome = "failed: the IOMMU call did not complete";
        try
        {
            var answer = await iommu.CallAsync(request(ioasid.Generation), ct).ConfigureAwait(false);
            outcome = answer.Ok ? "ok" : $"{answer.Reason} ({answer.Errno})";
            return answer;
        }
        finally
        {
            await FinishAsync(requestId, call, outcome, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Puts the call's reference, whatever the IOMMU answered (5.5 steps 8, 15).</summary>
    private async Task FinishAsync(Guid requestId, VfioCall call, string outcome, CancellationToken ct)
    {
        await PutAsync(call.Id, call.Generation, requestId, "put", ct).ConfigureAwait(false);
        Memory.InFlight.Remove(requestId);
        Answered($"{call.Call}({call.Id}, {call.Device}): {outcome}");
    }

    private void Answered(string line)
    {
        Memory.Answers.Add(line);
        if (Memory.Answers.Count > VfioMemory.AnswersKept)
        {
            Memory.Answers.RemoveAt(0);
        }

        Changed(line);
    }
}
