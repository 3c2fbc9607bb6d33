using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Exceptions;
using Npgsql;
using PasidLedger.Application.Writing;
using PasidLedger.Domain;
using PasidLedger.Domain.State;
using PasidLedger.Postgres.EventStore;

namespace PasidLedger.Benchmarks.Store.Naive;

/// <summary>
/// The ledger's commands as a Marten user would first build them: one session per command,
/// <c>FetchForWriting</c> of the pool aggregate (an inline snapshot document), decide, append, save;
/// on a concurrency conflict, start over. The peer the ledger's group commit is measured against.
/// </summary>
internal sealed class NaiveMartenPeer(IDocumentStore store) : IDisposable
{
    private long conflicts;

    /// <summary>Conflicts retried so far.</summary>
    public long Conflicts => Interlocked.Read(ref conflicts);

    /// <summary>A store in its own schema that Marten creates itself, with the ledger's event names and JSON.</summary>
    public static NaiveMartenPeer Create(NpgsqlDataSource dataSource, string schema)
    {
        var options = LedgerEventStore.Options(dataSource, schema);
        options.AutoCreateSchemaObjects = AutoCreate.All;
        options.Projections.Add(new NaivePoolProjection(), ProjectionLifecycle.Inline);
        return new NaiveMartenPeer(new DocumentStore(options));
    }

    public async Task<CommandResult> SubmitAsync(string pool, CommandEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        while (true)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<NaivePool>($"naive-{pool}");
            // Decided on a copy: Marten folds the appended events into the document itself when it saves.
            var state = stream.Aggregate?.Snapshot is { } snapshot ? PoolSnapshots.Restore(snapshot) : new PoolState();
            var decision = Pool.Decide(state, envelope.Command);
            foreach (var @event in decision.Events)
            {
                Pool.Evolve(state, @event);
            }

            stream.AppendMany(decision.Events.Cast<object>().ToArray());
            try
            {
                await session.SaveChangesAsync();
                return CommandResult.Of(decision, ReplyRows.None, state.Version);
            }
            catch (Exception conflict) when (conflict is ConcurrencyException or EventStreamUnexpectedMaxEventIdException
                or MartenCommandException { InnerException: PostgresException { SqlState: "23505" } })
            {
                Interlocked.Increment(ref conflicts);
            }
        }
    }

    public void Dispose() => store.Dispose();
}
