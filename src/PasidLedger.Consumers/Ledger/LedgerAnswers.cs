using PasidLedger.Consumers.Control;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Ledger;

/// <summary>Reads a <see cref="CommandResult"/> as a component needs it: did the step happen, and if not, the refusal to answer with.</summary>
public static class LedgerAnswers
{
    /// <summary>The command did what it asked (<c>ok</c>); <c>ignored</c> and <c>failed</c> did not.</summary>
    public static bool Succeeded(this CommandResult result) => result?.Status == "ok";

    /// <summary>The ledger's reason, errno and sentence, passed on to whoever asked the component.</summary>
    public static ControlResult Refusal(this CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ControlResult.Refused(result.Reason ?? result.Status, result.Errno, result.Detail ?? $"{result.CommandType}: {result.Status}");
    }
}
