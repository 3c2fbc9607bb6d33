using PasidLedger.Testing;

namespace PasidLedger.Api.Tests.Support;

/// <summary>
/// The PostgreSQL server of this run: <c>PASIDLEDGER_TEST_PG</c> when set (./ops/test sets it), else a private
/// cluster from <c>ops/pg start --port 55442 --dir .data/pg-test-api</c> (<see cref="TestPostgres"/>). If
/// neither works every test fails with instructions; nothing is skipped.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync() =>
        ConnectionString = await TestPostgres.ConnectAsync("API tests", 55442, ".data/pg-test-api");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
