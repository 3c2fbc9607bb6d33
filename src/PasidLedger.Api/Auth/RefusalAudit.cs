using Npgsql;
using PasidLedger.Api.Hosting;
using PasidLedger.Bus.Commands;
using PasidLedger.Domain.Access;
using PasidLedger.Postgres.Audit;

namespace PasidLedger.Api.Auth;

/// <summary>
/// Audits refused authorizations without letting a client flood the store: each 403 is added to an
/// in-memory tally per hour, principal, method and route, and the tallies are written every
/// <see cref="FlushEvery"/> (and at shutdown) as one batch. A store that does not answer keeps the
/// tallies for the next round and is counted by <see cref="RepeatedFailureLog"/>.
/// </summary>
public sealed class RefusalAudit(AccessRefusals store, TimeProvider clock, RepeatedFailureLog failures) : BackgroundService, IRefusalAudit
{
    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private Dictionary<(DateTimeOffset Hour, string Principal, string Method, string Route), AccessRefusal> tallies = [];

    /// <summary>Counts the refusal of <paramref name="http"/>'s request for <paramref name="detail"/>.</summary>
    public void Record(HttpContext http, string detail)
    {
        ArgumentNullException.ThrowIfNull(http);
        var principal = http.User.FindFirst(LedgerTokens.PrincipalClaim)?.Value ?? "";
        var role = http.User.FindFirst(LedgerTokens.RoleClaim)?.Value ?? "";
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        Record(principal, role, http.Request.Method, route, http.GetRouteValue("pool") as string, http.Request.Path.Value ?? "", detail);
    }

    /// <summary>Counts a refusal of a command that did not come over HTTP (the bus: method <c>BUS</c>, the message type as route).</summary>
    public void Record(Principal principal, string method, string route, string? pool, string path, string detail)
    {
        ArgumentNullException.ThrowIfNull(principal);
        Record(principal.Name, LedgerRoles.Of(principal.Role), method, route, pool, path, detail);
    }

    private void Record(string principal, string role, string method, string route, string? pool, string path, string detail)
    {
        var now = clock.GetUtcNow();
        var refusal = new AccessRefusal(Hour(now), principal, role, method, route, 1, now, now, pool, path, detail);
        lock (gate)
        {
            Add(refusal);
        }
    }

    /// <summary>Writes the tallies gathered so far; tests call it to see them without waiting for the timer.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        List<AccessRefusal> taken;
        lock (gate)
        {
            taken = [.. tallies.Values];
            tallies = [];
        }

        try
        {
            await store.AddAsync(taken, ct).ConfigureAwait(false);
        }
        catch (Exception failed)
        {
            lock (gate)
            {
                taken.ForEach(Add); // kept for the next round, or for the flush at shutdown
            }

            if (failed is not NpgsqlException)
            {
                throw;
            }

            failures.Record("RefusalAuditFailed", failed.Message);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await FlushAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private static DateTimeOffset Hour(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);

    private void Add(AccessRefusal refusal)
    {
        var key = (refusal.Hour, refusal.Principal, refusal.Method, refusal.Route);
        tallies[key] = tallies.TryGetValue(key, out var tally)
            ? refusal with { Count = tally.Count + refusal.Count, FirstAt = tally.FirstAt < refusal.FirstAt ? tally.FirstAt : refusal.FirstAt }
            : refusal;
    }
}
