using PasidLedger.Testing;

namespace PasidLedger.Postgres.Tests;

/// <summary>
/// The PostgreSQL server of this test run: <c>PASIDLEDGER_TEST_PG</c> when set, otherwise a
/// private cluster started by <c>ops/pg start --port 55441 --dir .data/pg-test-local</c>
/// (<see cref="TestPostgres"/>). When neither works every test fails with instructions: never a skip.
/// </summary>
/// <remarks>
/// The private cluster is left running after the run, so the next run starts in
/// milliseconds; stop it with <c>ops/pg stop --port 55441 --dir .data/pg-test-local</c>.
/// </remarks>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync() =>
        ConnectionString = await TestPostgres.ConnectAsync("PostgreSQL integration tests", 55441, ".data/pg-test-local");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
