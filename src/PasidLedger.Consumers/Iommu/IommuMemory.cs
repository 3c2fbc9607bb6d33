using PasidLedger.Consumers.State;

namespace PasidLedger.Consumers.Iommu;

/// <summary>The IOMMU driver's saved state: its bind records by host PASID (VT-d's <c>intel_svm</c>, found through the private data).</summary>
public sealed class IommuMemory : ComponentMemory
{
    /// <summary>Host PASID → its bind record.</summary>
    public SortedDictionary<uint, BindRecord> Records { get; init; } = [];
}
