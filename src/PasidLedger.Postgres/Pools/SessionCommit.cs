using JasperFx.Events;
using Marten;
using Npgsql;
using PasidLedger.Application.Ports;
using PasidLedger.Postgres.Errors;

namespace PasidLedger.Postgres.Pools;

/// <summary>
/// Writes a <see cref="PoolCommit"/> through one Marten session (<see cref="DeferredWrites"/>) and says
/// what went wrong in the ledger's terms: a moved stream or a refused value, told apart by Marten's
/// version exception and the SQLSTATE under Marten's wrapping, never by message text.
/// </summary>
internal static class SessionCommit
{
    public static async Task SaveAsync(IDocumentSession session, DeferredWrites writes, string pool, long expectedVersion, CancellationToken ct)
    {
        writes.QueueInto(session);
        try
        {
            await session.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (EventStreamUnexpectedMaxEventIdException moved)
        {
            throw Moved(pool, expectedVersion, moved);
        }
        catch (Exception failure) when (PostgresErrorIn(failure) is { } error && StoreErrorClassifier.Classify(error) == StoreErrorKind.ConcurrencyConflict)
        {
            throw Moved(pool, expectedVersion, error);
        }
        catch (Exception failure) when (PostgresErrorIn(failure) is { } error && StoreErrorClassifier.Classify(error) == StoreErrorKind.DataRefused)
        {
            throw writes.Refused(error);
        }
    }

    private static StreamMovedException Moved(string pool, long expectedVersion, Exception cause) =>
        new($"Pool {pool} moved past version {expectedVersion} before its batch committed.", cause);

    /// <summary>The server's error under Marten's wrapping exceptions, if the server answered with one.</summary>
    private static PostgresException? PostgresErrorIn(Exception failure)
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            if (current is PostgresException error)
            {
                return error;
            }
        }

        return null;
    }
}
