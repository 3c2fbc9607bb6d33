using PasidLedger.Domain.Commands;

namespace PasidLedger.Domain.Deciding;

/// <summary>
/// Text in commands must be <see cref="StorableText"/>: an unpaired surrogate would be stored as
/// U+FFFD, so the replayed stream would differ from what was decided, and U+0000 cannot be stored
/// at all (PostgreSQL text; the kernel's strings end there).
/// </summary>
internal static class CommandText
{
    /// <summary>The name of the first field holding malformed text, or null.</summary>
    public static string? FirstMalformed(PoolCommand command) =>
        Fields(command).FirstOrDefault(field => field.Text is not null && !StorableText.IsStorable(field.Text)).Name;

    private static IEnumerable<(string Name, string? Text)> Fields(PoolCommand command) => command switch
    {
        CreatePool c => [("pool", c.Pool)],
        CreateSet c => [("token", c.Token)],
        AllocateIoasid c => [("private", c.Private)],
        AcquireRef c => [("holder", c.Holder)],
        AcquireRefIfOwned c => [("holder", c.Holder), ("caller", c.Caller)],
        ReleaseRef c => [("holder", c.Holder)],
        AttachPrivate c => [("data", c.Data)],
        AcquireRefBySpid c => [("holder", c.Holder)],
        RegisterNotifier c => [("name", c.Name), ("token", c.Token), ("endpoint", c.Endpoint), .. c.Reactions.Select(r => ("holder", r.Holder))],
        QueueWork c => [("workId", c.WorkId), ("by", c.By)],
        CompleteWork c => [("workId", c.WorkId)],
        AcknowledgeNotification c => [("recipient", c.Recipient)],
        _ => [],
    };
}
