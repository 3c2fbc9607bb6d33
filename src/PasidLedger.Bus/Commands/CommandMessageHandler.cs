namespace PasidLedger.Bus.Commands;

/// <summary>The one Wolverine handler of the ledger: a command message to <see cref="CommandEndpoint"/>, its result to <c>reply_to</c>.</summary>
public static class CommandMessageHandler
{
    public static async Task HandleAsync(IncomingCommand message, CommandEndpoint endpoint, ResultPublisher results, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(results);
        var result = await endpoint.HandleAsync(message, ct).ConfigureAwait(false);
        if (message.ReplyTo is { Length: > 0 } replyTo)
        {
            await results.PublishAsync(replyTo, result, ct).ConfigureAwait(false);
        }
    }
}
