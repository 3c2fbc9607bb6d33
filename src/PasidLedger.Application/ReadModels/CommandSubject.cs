using PasidLedger.Domain.Commands;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.ReadModels;

/// <summary>
/// The IOASID, generation and set a command names, so a refusal of it shows in the history of that ID
/// or set (<c>GET …/ioasids/{id}/history</c>). Null where the command does not name one.
/// </summary>
public sealed record CommandSubject(long? Ioasid, int? Generation, int? SetId)
{
    private static readonly CommandSubject None = new(null, null, null);

    public static CommandSubject Of(PoolCommand command) => command switch
    {
        AllocateIoasid c => new(null, null, c.SetId),
        AcquireRef c => new(c.Id, c.Generation, c.SetId),
        AcquireRefIfOwned c => new(c.Id, c.Generation, null),
        ReleaseRef c => new(c.Id, c.Generation, c.SetId),
        FreeIoasid c => new(c.Id, c.Generation, c.SetId),
        AttachPrivate c => new(c.Id, c.Generation, null),
        DetachPrivate c => new(c.Id, c.Generation, null),
        AttachSpid c => new(c.Id, c.Generation, null),
        DetachSpid c => new(c.Id, c.Generation, null),
        AcquireRefBySpid c => new(null, null, c.SetId),
        AdjustSetQuota c => new(null, null, c.SetId),
        FreeSet c => new(null, null, c.SetId),
        ReleaseSet c => new(null, null, c.SetId),
        FreeAllInSet c => new(null, null, c.SetId),
        QueueWork { Id: { } id } => new(id, null, null),
        AcknowledgeNotification c => new(c.Id, c.Generation, null),
        _ => None,
    };

    /// <summary>
    /// The subject with the generation filled from <paramref name="state"/> when the command named the ID
    /// but no generation: the generation it acted on, so its refusal shows under that generation's history.
    /// </summary>
    public CommandSubject In(PoolState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Ioasid is { } id && Generation is null && id <= uint.MaxValue && state.Ioasids.TryGetValue((uint)id, out var record)
            ? this with { Generation = record.Generation }
            : this;
    }
}
