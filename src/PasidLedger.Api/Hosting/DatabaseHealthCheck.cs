using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace PasidLedger.Api.Hosting;

/// <summary>
/// Healthy when the ledger's database answers a query; what <c>GET /health</c> reports. A failure goes to
/// <see cref="RepeatedFailureLog"/>, since anyone can probe <c>/health</c> as often as they like (R7).
/// </summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource, RepeatedFailureLog failures) : IHealthCheck
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
            // The reason goes to the log, counted; the answer only says that the database does not answer.
            failures.Record("DatabaseUnhealthy", ex.Message);
            return HealthCheckResult.Unhealthy("the database does not answer");
        }
    }
}
