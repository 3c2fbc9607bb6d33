namespace PasidLedger.Postgres.Tests;

/// <summary>
/// Waits for something a test cannot await directly (a backend waiting for a lock, a writer
/// retiring), so it does not guess a delay. Fails after 30 s: a bound on liveness, not a timing claim.
/// </summary>
internal static class Poll
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<Task<bool>> condition, string because, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, because);
            await Task.Delay(20, ct);
        }
    }
}
