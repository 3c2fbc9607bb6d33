using Shouldly;

namespace PasidLedger.Testing;

/// <summary>
/// Waits for something a test cannot await directly (a backend waiting for a lock, a writer
/// retiring, a restarted container answering), so it does not guess a delay. Fails after
/// <c>patience</c> (30 s unless given): a bound on liveness, not a timing claim.
/// </summary>
public static class Poll
{
    private static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<Task<bool>> condition, string because, CancellationToken ct, TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (patience ?? DefaultPatience);
        while (!await condition().ConfigureAwait(false))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, because);
            await Task.Delay(20, ct).ConfigureAwait(false);
        }
    }
}
