using PasidLedger.Application.Serialization;
using PasidLedger.Application.Writing;
using PasidLedger.Cli.Commands;
using PasidLedger.Postgres;
using PasidLedger.Postgres.History;
using PasidLedger.Postgres.Migrations;
using PasidLedger.Postgres.Pools;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Cli.Demo;

/// <summary>
/// <c>pasidledger demo</c>: plays the guest lifecycle (DOMAIN.md 5.5 steps 1–10, then 5.7) against a
/// fresh pool through the real pool writer and PostgreSQL. Every line it prints is read back from
/// the database: the events as stored, H's refs from the refcount view, the final views and the
/// recorded rejections.
/// </summary>
internal static class ServiceDemo
{
    public static async Task<int> RunAsync(TextWriter output, PostgresOptions options, string pool, CancellationToken ct)
    {
        await using var dataSource = PostgresDataSourceFactory.Create(options);
        var applied = await new Migrator(dataSource, options.SchemaName).MigrateAsync(ct).ConfigureAwait(false);
        var history = new HistoryQueries(dataSource);
        if (await history.StreamVersionAsync(pool, ct).ConfigureAwait(false) > 0)
        {
            throw new CliException($"Pool '{pool}' already has events; the demo needs a fresh pool (leave out --pool to get one).");
        }

        output.WriteLine($"pool {pool} in schema {options.SchemaName} ({applied.Count} migration(s) applied first), through the pool writer and PostgreSQL");
        output.WriteLine();
        var views = new ReadModelQueries(dataSource);
        using var store = new PostgresPoolStore(dataSource);
        await using (var writers = new PoolWriters(store, new WriterOptions(), TimeProvider.System))
        {
            var (step, version) = (0, 0L);
            foreach (var line in GuestLifecycleScript.Steps(pool))
            {
                var envelope = new CommandEnvelope(line.Command, IdempotencyKey: $"{pool}:step-{++step}", Caller: line.Actor);
                var result = await writers.SubmitAsync(pool, envelope, ct).ConfigureAwait(false);
                output.WriteLine(DemoText.Step(step, line));
                if (result.Reason is { } reason)
                {
                    output.WriteLine(DemoText.Rejection(reason, result.Errno, result.Ignored, result.Detail));
                }

                var stored = await history.EventsAsync(pool, version, (int)(result.Version - version), null, ct).ConfigureAwait(false);
                foreach (var row in stored)
                {
                    output.WriteLine(DemoText.Event(EventSerializer.Deserialize(row.Type, row.BodyJson)));
                }

                version = result.Version;
                var h = await views.IoasidsAsync(pool, GuestLifecycleScript.H, null, ct).ConfigureAwait(false);
                output.WriteLine(DemoText.Refs(h.FirstOrDefault()));
            }
        }

        await DemoViews.PrintAsync(output, views, history, pool, ct).ConfigureAwait(false);
        return 0;
    }
}
