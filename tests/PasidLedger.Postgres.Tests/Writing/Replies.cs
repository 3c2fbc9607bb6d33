using PasidLedger.Application.Writing;
using PasidLedger.Domain.Deciding;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>Reads the kernel-style reply of a result (the allocated ID, the refs, ...).</summary>
internal static class Replies
{
    public static T Of<T>(CommandResult result)
        where T : CommandReply
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Failed.ShouldBeFalse($"the command was refused: {result.Reason} {result.Detail}");
        return result.Reply.ShouldBeOfType<T>();
    }

    /// <summary>The allocated ID handle, or null when the allocation was refused.</summary>
    public static IoasidGranted? Granted(CommandResult result) =>
        result.Failed ? null : Of<IoasidGranted>(result);
}
