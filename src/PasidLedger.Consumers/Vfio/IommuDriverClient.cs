using MassTransit;
using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Hosting;
using PasidLedger.Consumers.Ledger;

namespace PasidLedger.Consumers.Vfio;

/// <summary>Reaches the IOMMU consumer named by <see cref="ComponentOptions.Iommu"/> on its control queue (MassTransit request/response).</summary>
public sealed class IommuDriverClient(IBus bus, LedgerLink link, ComponentOptions options) : IIommuDriver
{
    private const int Etimedout = -110;
    private static readonly RequestTimeout Wait = RequestTimeout.After(s: 30);

    public async Task<ControlResult> CallAsync<T>(T request, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var queue = LedgerLink.ControlQueueOf(link.Pool, options.Iommu);
        var client = bus.CreateRequestClient<T>(new Uri($"queue:{queue}"), Wait);
        try
        {
            var response = await client.GetResponse<ControlResult>(request, ct).ConfigureAwait(false);
            return response.Message;
        }
        catch (RequestTimeoutException)
        {
            return ControlResult.Refused("Timeout", Etimedout, $"{options.Iommu} did not answer {typeof(T).Name} within {Wait.Value}");
        }
    }
}
