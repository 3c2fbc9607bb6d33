using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace PasidLedger.Api.Hosting;

/// <summary>Healthy when the ledger's database answers a query; what <c>GET /health</c> reports.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException ex)
        {
            // The reason stays in the log; the answer only says that the database does not answer.
            return HealthCheckResult.Unhealthy("the database does not answer", ex);
        }
    }
}
