using Npgsql;
using PasidLedger.Application.Ports;

namespace PasidLedger.Postgres.Relay;

/// <summary>
/// A pool's relay lease is a session-level advisory lock held on one connection of this instance
/// (keyed <c>relay:&lt;pool&gt;</c>, apart from the writers' transaction-level pool lock). PostgreSQL releases
/// every lock of a session when its connection ends, so the leases of an instance that dies are free
/// as soon as the server sees its connection close (at once after a crash; keepalives bound the rest).
/// Disposing gives them up at once: a pooled connection keeps its session (and its locks) until reused.
/// </summary>
public sealed class PostgresRelayLeases(NpgsqlDataSource dataSource) : IRelayLeases
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly HashSet<string> held = [];
    private NpgsqlConnection? session;

    public async Task<bool> TryTakeAsync(string pool, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (held.Contains(pool))
            {
                return true;
            }

            session ??= await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock(hashtextextended('relay:' || @pool, 0))", session);
            command.Parameters.AddWithValue("pool", pool);
            var taken = await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is true;
            if (taken)
            {
                held.Add(pool);
            }

            return taken;
        }
        catch (NpgsqlException lost)
        {
            await DropSessionAsync().ConfigureAwait(false);
            throw new RelayLeasesLostException("The relay's lease connection to PostgreSQL was lost; every lease of this instance is gone.", lost);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (session is not null && held.Count > 0)
        {
            try
            {
                await using var unlock = new NpgsqlCommand("select pg_advisory_unlock_all()", session);
                await unlock.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The connection is gone, and its locks with it.
            }
        }

        await DropSessionAsync().ConfigureAwait(false);
        gate.Dispose();
    }

    private async Task DropSessionAsync()
    {
        held.Clear();
        if (session is not null)
        {
            await session.DisposeAsync().ConfigureAwait(false);
            session = null;
        }
    }
}
