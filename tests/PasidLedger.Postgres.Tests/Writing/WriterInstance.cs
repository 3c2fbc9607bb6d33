using Npgsql;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Postgres.Pools;

namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>
/// What one service process has: its own data source, pool store and writers, so its cached
/// pool states are its own. Two of these on one schema are two service instances (ARCHITECTURE.md 2).
/// </summary>
internal sealed class WriterInstance : IAsyncDisposable
{
    private WriterInstance(NpgsqlDataSource dataSource, WriterOptions options)
    {
        DataSource = dataSource;
        Store = new RecordingPoolStore(new PostgresPoolStore(dataSource));
        Writers = new PoolWriters(Store, options, TimeProvider.System);
    }

    public NpgsqlDataSource DataSource { get; }

    public RecordingPoolStore Store { get; }

    public PoolWriters Writers { get; }

    public static WriterInstance Start(PostgresServer server, TestSchema schema, WriterOptions? options = null) =>
        new(PostgresDataSourceFactory.Create(new PostgresOptions { ConnectionString = server.ConnectionString, SchemaName = schema.Name }),
            options ?? new WriterOptions());

    public Task<CommandResult> SubmitAsync(string pool, PoolCommand command, string? key = null) =>
        Writers.SubmitAsync(pool, new CommandEnvelope(command, key, Caller: "test"));

    /// <summary>Creates the pool with a capacity and one NULL-type set per quota; returns the set IDs.</summary>
    public async Task<int[]> CreatePoolAsync(string pool, long capacity, params long[] quotas)
    {
        (await SubmitAsync(pool, new CreatePool(pool))).Failed.ShouldBeFalse();
        (await SubmitAsync(pool, new InstallCapacity(capacity))).Failed.ShouldBeFalse();
        var sets = new int[quotas.Length];
        for (var i = 0; i < quotas.Length; i++)
        {
            var created = await SubmitAsync(pool, new CreateSet(Domain.Model.SetType.Null, null, quotas[i]));
            sets[i] = Replies.Of<SetAllocated>(created).SetId;
        }

        return sets;
    }

    public async ValueTask DisposeAsync()
    {
        await Writers.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}
