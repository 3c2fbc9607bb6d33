using Npgsql;
using PasidLedger.Postgres.Errors;
using PasidLedger.Postgres.Events;

namespace PasidLedger.Postgres.Pools;

/// <summary>
/// The writes of one group commit whose answers the writer does not need before committing:
/// the event append, idempotency keys and rejections. They travel as one <see cref="NpgsqlBatch"/>
/// right before <c>COMMIT</c>, so a group commit pays one round trip for them, not one each.
/// </summary>
/// <remarks>
/// The append keeps its expected-version check: it inserts only through the stream row it moved
/// from the expected version, and fewer rows than events (or a unique violation on
/// <c>uq_events_stream_version</c>) is a <see cref="WrongExpectedVersionException"/>, thrown
/// before <c>COMMIT</c> is sent, so the transaction rolls back with everything in it.
/// </remarks>
internal sealed class DeferredWrites(NpgsqlConnection conn, NpgsqlTransaction tx, string streamId) : IAsyncDisposable
{
    private readonly NpgsqlBatch batch = new(conn, tx);
    private (NpgsqlBatchCommand Command, long ExpectedVersion, int Count)? append;

    public void Add(NpgsqlBatchCommand command) => batch.BatchCommands.Add(command);

    /// <summary>Defers an append built by <see cref="EventAppendCommand"/>, moving its parameters over.</summary>
    public void AddAppend(NpgsqlCommand command, long expectedVersion, int count)
    {
        var deferred = new NpgsqlBatchCommand(command.CommandText);
        var parameters = command.Parameters.ToArray();
        command.Parameters.Clear();
        deferred.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(deferred);
        append = (deferred, expectedVersion, count);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (batch.BatchCommands.Count == 0)
        {
            return;
        }

        try
        {
            await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (
            StoreErrorClassifier.Classify(ex) == StoreErrorKind.ConcurrencyConflict && ex.ConstraintName == "uq_events_stream_version")
        {
            throw new WrongExpectedVersionException(streamId, append?.ExpectedVersion ?? 0, actualVersion: null, ex);
        }

        if (append is { } a && a.Command.RecordsAffected != a.Count)
        {
            throw new WrongExpectedVersionException(streamId, a.ExpectedVersion, actualVersion: null);
        }
    }

    public ValueTask DisposeAsync() => batch.DisposeAsync();
}
