using PasidLedger.Domain.Deciding;

namespace PasidLedger.Application.Writing;

/// <summary>
/// The outcome word of a result the kernel may ignore, as the HTTP answers and the bus results spell it:
/// <c>ignored</c> when the ledger recorded why, else what happened.
/// </summary>
public static class ReplyOutcomes
{
    /// <summary><paramref name="done"/> (<c>installed</c>, <c>detached</c>, <c>unbound</c>, <c>unregistered</c>, <c>done</c>), or <c>ignored</c>.</summary>
    public static string Done(CommandResult result, string done)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Ignored ? "ignored" : done;
    }

    /// <summary>A put's outcome: <c>released</c>, <c>reclaimed</c> (the last reference went) or <c>ignored</c>.</summary>
    public static string Release(CommandResult result, RefsChanged changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return Done(result, changed.Reclaimed ? "reclaimed" : "released");
    }

    /// <summary>A free's outcome: <c>free_pending</c>, <c>reclaimed</c> or <c>ignored</c>.</summary>
    public static string Free(FreeOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Result switch
        {
            FreeResult.FreePending => "free_pending",
            FreeResult.Reclaimed => "reclaimed",
            _ => "ignored",
        };
    }
}
