namespace PasidLedger.Consumers.Hosting;

/// <summary>
/// One message at a time per component, whichever queue it came from (notifications, work, control), as the kernel
/// component's own lock would: its state is only ever changed by one handler.
/// </summary>
public sealed class ComponentGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> handle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(handle);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await handle().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
