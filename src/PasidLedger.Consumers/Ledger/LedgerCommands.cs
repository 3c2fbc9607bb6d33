using System.Net.Mime;
using MassTransit;
using Microsoft.Extensions.Logging;
using PasidLedger.Contracts.V1;

namespace PasidLedger.Consumers.Ledger;

/// <summary>
/// Sends ledger commands as docs/wire-format.md §9 says (plain JSON to <see cref="Exchanges.Commands"/>, routing key and
/// <c>type</c> = the message type, the token in <c>authorization</c>, <c>reply_to</c> = this consumer's results queue)
/// and waits for the result. An unanswered command is sent again with the same message id, which the ledger answers
/// with the first result, so waiting never causes a command twice.
/// </summary>
public sealed partial class LedgerCommands(IBus bus, PendingResults pending, LedgerLink link, ILogger<LedgerCommands> log) : ILedgerCommands
{
    private static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(5);
    private static readonly Uri CommandsExchange = new($"exchange:{Exchanges.Commands}?type=direct&durable=true");
    private static readonly ContentType PlainJson = new("application/json");

    public string Pool => link.Pool;

    public string Name => link.Name;

    public async Task<CommandResult> SendAsync<T>(T command, string messageType, Guid commandId, Guid? causation, CancellationToken ct)
        where T : class
    {
        var id = commandId.ToString("D");
        var endpoint = await bus.GetSendEndpoint(CommandsExchange).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var answer = pending.Expect(id);
                await endpoint.Send(command, context => Describe(context, messageType, commandId, causation), ct).ConfigureAwait(false);
                if (await Task.WhenAny(answer, Task.Delay(AnswerWait, ct)).ConfigureAwait(false) == answer)
                {
                    var result = await answer.ConfigureAwait(false);
                    LogResult(log, messageType, result.Status, result.Reason, result.Version);
                    return result;
                }

                ct.ThrowIfCancellationRequested();
                LogUnanswered(log, messageType, id, AnswerWait);
            }
        }
        finally
        {
            pending.Forget(id); // a no-op once answered; stops waiting when cancelled
        }
    }

    private void Describe(SendContext context, string messageType, Guid commandId, Guid? causation)
    {
        context.Serializer = context.Serialization.GetMessageSerializer(PlainJson);
        context.MessageId = commandId;
        context.Headers.Set(HeaderNames.Authorization, $"Bearer {link.Token}");
        context.Headers.Set(HeaderNames.Type, messageType);
        context.Headers.Set(HeaderNames.Pool, link.Pool);
        if (causation is { } cause)
        {
            context.Headers.Set(HeaderNames.CausationId, cause.ToString("D"));
        }

        var rabbit = context.GetPayload<RabbitMqSendContext>();
        rabbit.RoutingKey = messageType;
        rabbit.BasicProperties.Type = messageType;
        rabbit.BasicProperties.ReplyTo = link.ResultsQueue;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Type}: {Status} {Reason} (pool version {Version})")]
    private static partial void LogResult(ILogger logger, string type, string status, string? reason, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Type} {CommandId} unanswered after {Wait}; sending it again with the same id")]
    private static partial void LogUnanswered(ILogger logger, string type, string commandId, TimeSpan wait);
}
