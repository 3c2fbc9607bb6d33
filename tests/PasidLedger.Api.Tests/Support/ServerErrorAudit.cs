namespace PasidLedger.Api.Tests.Support;

/// <summary>
/// The suite-wide check that no response was a 5xx: after the last test it fails the run if
/// <see cref="ResponseGuard"/> saw one, whichever test met it and however that test ended.
/// </summary>
public sealed class ServerErrorAudit : IAsyncLifetime
{
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        if (ResponseGuard.ServerErrors.Count > 0)
        {
            throw new InvalidOperationException(
                $"{ResponseGuard.ServerErrors.Count} of {ResponseGuard.ResponseCount} responses were server errors:\n"
                + string.Join("\n", ResponseGuard.ServerErrors));
        }

        return ValueTask.CompletedTask;
    }
}
