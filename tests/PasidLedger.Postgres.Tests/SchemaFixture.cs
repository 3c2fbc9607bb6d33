using PasidLedger.Postgres.Checkpoints;
using PasidLedger.Postgres.Snapshots;

namespace PasidLedger.Postgres.Tests;

/// <summary>One migrated schema per test class, with the stores on it; dropped after the class.</summary>
public sealed class SchemaFixture(PostgresServer server) : IAsyncLifetime
{
    private TestSchema? _schema;

    public TestSchema Schema => _schema ?? throw new InvalidOperationException("The fixture is not initialized.");

    public PostgresSnapshotStore Snapshots { get; private set; } = null!;

    public PostgresCheckpointStore Checkpoints { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _schema = TestSchema.Create(server);
        await _schema.Migrator().MigrateAsync(TestContext.Current.CancellationToken);
        Snapshots = new PostgresSnapshotStore(_schema.DataSource);
        Checkpoints = new PostgresCheckpointStore(_schema.DataSource);
    }

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }
}
