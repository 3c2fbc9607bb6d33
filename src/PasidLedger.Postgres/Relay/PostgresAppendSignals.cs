using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Npgsql;
using PasidLedger.Application.Ports;

namespace PasidLedger.Postgres.Relay;

/// <summary>
/// Every group commit with events notifies <see cref="Channel"/> with its pool's name in its own
/// transaction, so the signal arrives when the events are visible. This listens on a connection of its
/// own; after that connection was lost it reconnects and yields <see cref="IAppendSignals.Everything"/>,
/// since appends in between were not signalled.
/// </summary>
public sealed class PostgresAppendSignals(NpgsqlDataSource dataSource) : IAppendSignals
{
    /// <summary>The notification channel of appends; the payload is the pool name.</summary>
    public const string Channel = "pasidledger_appends";

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    public async IAsyncEnumerable<string> AppendedAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var signals = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var listening = ListenAsync(signals.Writer, ct);
        await foreach (var pool in signals.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            yield return pool;
        }

        await listening.ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task ListenAsync(ChannelWriter<string> signals, CancellationToken ct)
    {
        var first = true;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var conn = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                conn.Notification += (_, notice) => signals.TryWrite(notice.Payload);
                await using (var listen = new NpgsqlCommand($"listen {Channel}", conn))
                {
                    await listen.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                if (!first)
                {
                    signals.TryWrite(IAppendSignals.Everything);
                }

                first = false;
                while (true)
                {
                    await conn.WaitAsync(ct).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (NpgsqlException)
            {
                first = false;
                await Task.Delay(Reconnect, ct).ConfigureAwait(false);
            }
        }

        signals.TryComplete();
    }
}
