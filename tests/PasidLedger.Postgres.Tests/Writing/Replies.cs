using System.Text.Json;
using PasidLedger.Application.Serialization;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Deciding;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>Reads the reply body that <see cref="WriterInstance.ReplyShape"/> stored in a result.</summary>
internal static class Replies
{
    public static T Of<T>(CommandResult result)
        where T : CommandReply
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Failed.ShouldBeFalse($"the command was refused: {result.Reason} {result.Detail}");
        return JsonSerializer.Deserialize<T>(result.BodyJson.ShouldNotBeNull(), LedgerJson.Options).ShouldNotBeNull();
    }

    /// <summary>The allocated ID handle, or null when the allocation was refused.</summary>
    public static IoasidGranted? Granted(CommandResult result) =>
        result.Failed ? null : Of<IoasidGranted>(result);
}
