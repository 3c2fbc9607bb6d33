using PasidLedger.Consumers.Control;
using PasidLedger.Consumers.Vfio;

namespace PasidLedger.Consumers.Tests.Vfio;

/// <summary>The IOMMU driver as VFIO sees it in a test: records each request and answers <see cref="Answer"/>, or passes it to <see cref="Forward"/>.</summary>
public sealed class RecordingIommuDriver : IIommuDriver
{
    public List<object> Requests { get; } = [];

    public ControlResult Answer { get; set; } = ControlResult.Done();

    public Func<object, Task<ControlResult>>? Forward { get; set; }

    public Task<ControlResult> CallAsync<T>(T request, CancellationToken ct) where T : class
    {
        Requests.Add(request);
        return Forward?.Invoke(request) ?? Task.FromResult(Answer);
    }
}
