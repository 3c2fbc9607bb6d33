using PasidLedger.Consumers.Control;

namespace PasidLedger.Consumers.Vfio;

/// <summary>The IOMMU driver as VFIO calls it (<c>iommu_uapi_sva_bind_gpasid</c> and its unbind): a control request answered with a <see cref="ControlResult"/>.</summary>
public interface IIommuDriver
{
    /// <summary>Sends <paramref name="request"/> (<see cref="BindDevice"/> or <see cref="UnbindDevice"/>) and waits for the driver's answer.</summary>
    Task<ControlResult> CallAsync<T>(T request, CancellationToken ct) where T : class;
}
