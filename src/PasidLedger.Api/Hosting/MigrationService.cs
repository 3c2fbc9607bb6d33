using Npgsql;
using PasidLedger.Postgres;
using PasidLedger.Postgres.Migrations;

namespace PasidLedger.Api.Hosting;

/// <summary>Applies pending migrations at start unless <c>Ledger:Migrate</c> is false.</summary>
internal sealed class MigrationService(NpgsqlDataSource dataSource, PostgresOptions options, IConfiguration configuration, ILogger<MigrationService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Ledger:Migrate", true))
        {
            return;
        }

        var applied = await new Migrator(dataSource, options.SchemaName).MigrateAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Applied {Count} migrations to schema {Schema}", applied.Count, options.SchemaName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
