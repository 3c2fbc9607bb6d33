using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Ledger;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Iommu;

// The ledger steps of a bind record: the first device's attach_spid, attach_data, get, and the teardown that undoes
// them. Each flag is saved only after its step's answer, so a step cut short by a crash is sent again, with its id.
public sealed partial class IommuComponent
{
    /// <summary>The record for <paramref name="id"/>, after finishing a teardown a crash interrupted (the driver mutex would have let it finish).</summary>
    private async Task<BindRecord?> RecordAsync(uint id, CancellationToken ct)
    {
        if (Memory.Records.TryGetValue(id, out var record) && record.UnboundBy is { } cause)
        {
            await TearDownAsync(record, cause, ct).ConfigureAwait(false);
            return null;
        }

        return record;
    }

    /// <summary>First device (4.8 guest bind, steps 2–4): <c>attach_spid</c> (BIND), <c>attach_data</c>, <c>get(NULL, H)</c>; undone if one fails.</summary>
    private async Task<ControlResult?> BindFirstDeviceAsync(BindRecord record, CancellationToken ct)
    {
        if (!record.SpidAttached)
        {
            var result = await SendAsync(new AttachSpidCommand(Pool, record.Id, record.Gpasid, record.Generation), AttachSpidCommand.MessageType,
                record.BoundBy, "attach-spid", ct).ConfigureAwait(false);
            if (!result.Succeeded())
            {
                return await UndoAsync(record, result, ct).ConfigureAwait(false);
            }

            record.SpidAttached = true;
            Changed($"attach_spid({record.Id}, {record.Gpasid}): BIND emitted");
        }

        if (!record.DataAttached)
        {
            var result = await SendAsync(new AttachPrivateCommand(Pool, record.Id, $"svm:{record.Id}", record.Generation), AttachPrivateCommand.MessageType,
                record.BoundBy, "attach-data", ct).ConfigureAwait(false);
            if (!result.Succeeded())
            {
                return await UndoAsync(record, result, ct).ConfigureAwait(false);
            }

            record.DataAttached = true;
            Changed($"attach_data({record.Id}, svm:{record.Id})");
        }

        var got = await SendAsync(new AcquireRefCommand(Pool, record.Id, Name, null, record.Generation), AcquireRefCommand.MessageType,
            record.BoundBy, "get", ct).ConfigureAwait(false);
        if (!got.Succeeded())
        {
            return await UndoAsync(record, got, ct).ConfigureAwait(false);
        }

        record.Referenced = true;
        Changed($"get(NULL, {record.Id}) → refs {got.Ioasid?.Refs}");
        return null;
    }

    private async Task<ControlResult> UndoAsync(BindRecord record, CommandResult failed, CancellationToken ct)
    {
        Changed($"bind {record.Id} refused by the ledger: {failed.CommandType} {failed.Reason} ({failed.Errno}); undoing");
        await TearDownAsync(record, record.BoundBy, ct).ConfigureAwait(false);
        return failed.Refusal();
    }

    /// <summary>
    /// Every device entry torn down and drained, then <c>detach_spid</c> (UNBIND), <c>detach_data</c>, <c>put</c> and the record
    /// dropped: R9 (drain before the reference goes) and R11 (UNBIND before the last reference, while the set's chain exists).
    /// </summary>
    private async Task TearDownAsync(BindRecord record, Guid cause, CancellationToken ct)
    {
        if (record.UnboundBy is null)
        {
            record.UnboundBy = cause;
            Changed($"tearing down the bind of {record.Id}");
        }

        var by = record.UnboundBy.Value;
        foreach (var device in record.Devices.ToList())
        {
            record.Devices.Remove(device);
            Changed($"cleanup: tore down nested PASID entry {device} → {record.Id}; drained its page requests");
        }

        if (record.SpidAttached)
        {
            var result = await SendAsync(new DetachSpidCommand(Pool, record.Id, record.Generation), DetachSpidCommand.MessageType, by, "detach-spid", ct)
                .ConfigureAwait(false);
            record.SpidAttached = false;
            Changed($"detach_spid({record.Id}) → {result.Outcome ?? result.Status}");
        }

        if (record.DataAttached)
        {
            var result = await SendAsync(new DetachPrivateCommand(Pool, record.Id, record.Generation), DetachPrivateCommand.MessageType, by, "detach-data", ct)
                .ConfigureAwait(false);
            record.DataAttached = false;
            Changed($"detach_data({record.Id}) → {result.Outcome ?? result.Status}");
        }

        if (record.Referenced)
        {
            await PutAsync(record.Id, record.Generation, by, "put", ct).ConfigureAwait(false);
            record.Referenced = false;
            Changed($"the bind of {record.Id} holds no reference any more");
        }

        Memory.Records.Remove(record.Id);
        Changed($"dropped the bind record of {record.Id}");
    }
}
