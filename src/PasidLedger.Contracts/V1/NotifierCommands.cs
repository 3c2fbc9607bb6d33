namespace PasidLedger.Contracts.V1;

// Notifier commands (DOMAIN.md 2.5): sent by a consumer under its own name (or an operator) to the ledger
// on Exchanges.Commands, each answered with a CommandResult (its Notifier, or Outcome for an unregistration).

/// <summary><c>register_notifier(set | NULL, nb)</c> or <c>register_notifier_mm(mm, nb)</c>. Like <c>POST notifiers</c>.</summary>
/// <param name="Name">The notifier's name: the recipient name its notifications are routed to.</param>
/// <param name="Scope"><c>global</c>, <c>set</c> (with <paramref name="SetId"/>) or <c>mm</c> (with <paramref name="Token"/>).</param>
/// <param name="Priority"><c>cpu</c>, <c>iommu</c>, <c>device</c> or <c>last</c> (DOMAIN.md 4.5).</param>
/// <param name="Endpoint">Where the notifier is reached; informational.</param>
/// <param name="Reactions">What the ledger does for it at once when it is notified.</param>
public sealed record RegisterNotifierCommand(
    string Pool,
    string Name,
    string Scope,
    int? SetId,
    string? Token,
    string Priority,
    string? Endpoint,
    IReadOnlyList<Reaction> Reactions)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.register-notifier.v1";
}

/// <summary><c>unregister_notifier</c> (<paramref name="Via"/> <c>set</c>) or <c>unregister_notifier_mm</c> (<c>mm</c>); null picks the call matching the registration.</summary>
public sealed record UnregisterNotifierCommand(string Pool, int NotifierId, string? Via = null)
{
    /// <summary>The message type and routing key.</summary>
    public const string MessageType = "command.unregister-notifier.v1";
}
