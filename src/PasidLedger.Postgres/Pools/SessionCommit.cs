using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;
using PasidLedger.Postgres.Errors;

namespace PasidLedger.Postgres.Pools;

/// <summary>
/// Writes a group commit's <see cref="DeferredWrites"/> through one Marten session on the caller's
/// transaction, then commits it; says what went wrong in the ledger's terms: a moved stream or a refused
/// value, told apart by Marten's version exception and the SQLSTATE under Marten's wrapping, never by
/// message text. On a failure nothing is committed: disposing the transaction rolls all of it back.
/// </summary>
internal static class SessionCommit
{
    public static async Task CommitAsync(IDocumentStore store, NpgsqlTransaction tx, DeferredWrites writes, CancellationToken ct)
    {
        await using (var session = store.LightweightSession(SessionOptions.ForTransaction(tx)))
        {
            writes.QueueInto(session);
            try
            {
                await session.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            catch (EventStreamUnexpectedMaxEventIdException moved)
            {
                throw writes.Moved(moved);
            }
            catch (Exception failure) when (PostgresErrorIn(failure) is { } error && StoreErrorClassifier.Classify(error) == StoreErrorKind.ConcurrencyConflict)
            {
                throw writes.Moved(error);
            }
            catch (Exception failure) when (PostgresErrorIn(failure) is { } error && StoreErrorClassifier.Classify(error) == StoreErrorKind.DataRefused)
            {
                throw writes.Refused(error);
            }
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

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
