using System.Diagnostics;
using PasidLedger.Application.Commands;
using PasidLedger.Application.Ports;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Access;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Errors;
using ContractResult = PasidLedger.Contracts.V1.CommandResult;

namespace PasidLedger.Bus.Commands;

/// <summary>
/// The bus command endpoint's handler: authenticates the sender's token as HTTP does, checks the message id (the
/// idempotency key) and the fields, sends the domain command to its pool writer with the principal, and answers a
/// <see cref="ContractResult"/>. A repeated message id gets the writer's stored first result and appends nothing.
/// A <c>Forbidden</c> is audited like HTTP's, with method <c>BUS</c> and the message type as the route. An acknowledgement
/// is sent once its notification was found (<see cref="INotificationLookup"/>), keyed by notification and recipient.
/// </summary>
public sealed class CommandEndpoint(PoolWriters writers, IBearerTokens tokens, IRefusalAudit audit, INotificationLookup notifications)
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
            AcknowledgementReading acknowledgement => await AcknowledgeAsync(message, caller, acknowledgement, ct).ConfigureAwait(false),
            UnreadableCommand unreadable => Refused(message, null, unreadable.Refusal),
            var other => throw new UnreachableException($"A command reading {other.GetType().Name}."),
        };
    }

    /// <summary>The notification's recipient answers it: refused without a pool when there is no such notification or recipient.</summary>
    private async Task<ContractResult> AcknowledgeAsync(IncomingCommand message, Principal caller, AcknowledgementReading acknowledgement, CancellationToken ct)
    {
        var (pool, eventId, recipient) = (acknowledgement.Pool, acknowledgement.EventId, acknowledgement.Recipient);
        if (await notifications.FindAsync(pool, eventId, ct).ConfigureAwait(false) is not { Notification: var notification } found)
        {
            return Refused(message, pool, CommandRefusal.UnknownNotification(pool, eventId));
        }

        if (!notification.Recipients.Contains(recipient))
        {
            return Refused(message, pool, CommandRefusal.Invalid(
                $"{recipient} is not a recipient of notification {eventId:D}"));
        }

        var command = new AcknowledgeNotification(eventId, found.Version, recipient, notification.Kind, notification.Id, notification.Generation);
        return await SubmitAsync(message, acknowledgement.IdempotencyKey, caller, new BusCommand(pool, command, ResultParts.None), ct).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="command"/> to its pool's writer under <paramref name="key"/>; the result names the message's own id.</summary>
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

        var answer = new ContractResult(message.MessageId ?? string.Empty, message.Type, command.Pool, Status(result), result.Reason?.ToString(), result.Errno.Negated(),
            result.Detail, result.Version, result.Replayed);
        return result.Failed ? answer : command.Reply(result).FillIn(answer);
    }

    private static string Status(CommandResult result) => result.Failed ? "failed" : result.Ignored ? "ignored" : "ok";

    /// <summary>A result the endpoint answers itself: failed, version 0 (nothing was read or appended).</summary>
    private static ContractResult Refused(IncomingCommand message, string? pool, CommandRefusal refusal) =>
        new(message.MessageId ?? string.Empty, message.Type, pool ?? string.Empty, "failed", refusal.Reason, refusal.Errno.Negated(), refusal.Detail, 0, false);
}
