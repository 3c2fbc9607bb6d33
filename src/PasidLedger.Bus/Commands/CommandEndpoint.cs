using System.Diagnostics;
using PasidLedger.Application.Commands;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Access;
using PasidLedger.Domain.Errors;
using ContractResult = PasidLedger.Contracts.V1.CommandResult;

namespace PasidLedger.Bus.Commands;

/// <summary>
/// The bus command endpoint's handler: authenticates the sender's token as HTTP does, checks the message id (the
/// idempotency key) and the fields, sends the domain command to its pool writer with the principal, and answers a
/// <see cref="ContractResult"/>. A repeated message id gets the writer's stored first result and appends nothing.
/// A <c>Forbidden</c> is audited like HTTP's, with method <c>BUS</c> and the message type as the route.
/// </summary>
public sealed class CommandEndpoint(PoolWriters writers, IBearerTokens tokens, IRefusalAudit audit)
{
    public const string AuditMethod = "BUS";

    private const string Bearer = "Bearer ";

    public async Task<ContractResult> HandleAsync(IncomingCommand message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var key = message.MessageId ?? string.Empty;
        var caller = message.Authorization is { } header && header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            ? await tokens.AuthenticateAsync(header[Bearer.Length..].Trim()).ConfigureAwait(false)
            : null;
        if (caller is null)
        {
            return Refused(message, null, CommandRefusal.Unauthenticated(message.Authorization is null
                ? "a bearer token is required: header authorization: Bearer <token> (pasidledger token issue)"
                : "the bearer token is not valid for this service"));
        }

        if (!CommandFields.IsIdempotencyKey(key))
        {
            return Refused(message, null, CommandRefusal.Invalid($"message_id must be 1 to {CommandFields.MaxText} printable ASCII characters without spaces"));
        }

        return CommandReader.Read(message.Type, message.Body, caller) switch
        {
            BusCommand command => await SubmitAsync(message, key, caller, command, ct).ConfigureAwait(false),
            UnreadableCommand unreadable => Refused(message, null, unreadable.Refusal),
            var other => throw new UnreachableException($"A command reading {other.GetType().Name}."),
        };
    }

    private async Task<ContractResult> SubmitAsync(IncomingCommand message, string key, Principal caller, BusCommand command, CancellationToken ct)
    {
        var envelope = new CommandEnvelope(command.Command, key, caller.Name, message.CorrelationId, message.CausationId, caller);
        var result = await writers.SubmitAsync(command.Pool, envelope, ct).ConfigureAwait(false);
        switch (result.Reason)
        {
            case RejectionReason.PoolNotCreated:
                return Refused(message, command.Pool, CommandRefusal.UnknownPool(command.Pool));
            case RejectionReason.Forbidden:
                audit.Record(caller, AuditMethod, message.Type, command.Pool, $"{command.Pool}/{message.Type}", result.Detail ?? string.Empty);
                return Refused(message, command.Pool, CommandRefusal.Forbidden(result.Detail ?? string.Empty));
        }

        var answer = new ContractResult(key, message.Type, command.Pool, Status(result), result.Reason?.ToString(), result.Errno.Negated(),
            result.Detail, result.Version, result.Replayed);
        return result.Failed ? answer : command.Reply(result).FillIn(answer);
    }

    private static string Status(CommandResult result) => result.Failed ? "failed" : result.Ignored ? "ignored" : "ok";

    /// <summary>A result the endpoint answers itself: failed, version 0 (nothing was read or appended).</summary>
    private static ContractResult Refused(IncomingCommand message, string? pool, CommandRefusal refusal) =>
        new(message.MessageId ?? string.Empty, message.Type, pool ?? string.Empty, "failed", refusal.Reason, refusal.Errno.Negated(), refusal.Detail, 0, false);
}
