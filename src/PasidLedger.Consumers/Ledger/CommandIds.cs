using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Ledger;

/// <summary>
/// The message id (the ledger's idempotency key) of a command a consumer sends because of something it received:
/// name-based on the cause and the step, so the same step done again after a crash or a repeated delivery sends the
/// same id, and the ledger answers the first result instead of, say, releasing a reference twice.
/// </summary>
public static class CommandIds
{
    /// <summary>The id of step <paramref name="step"/> that <paramref name="name"/> takes because of <paramref name="cause"/> (a delivery's or a request's message id).</summary>
    public static Guid For(Guid cause, string name, string step) => MessageIds.ForDelivery(cause, $"{name}/{step}");
}
