using PasidLedger.Consumers.State;

namespace PasidLedger.Consumers.Tests.Iommu;

/// <summary>A temporary directory for a component's state file, deleted with the test.</summary>
public sealed class TempStateDir : IDisposable
{
    private readonly string _path = Directory.CreateTempSubdirectory("pasidledger-consumers-").FullName;

    public StateFile<T> File<T>() where T : class, new() => new(Path.Combine(_path, "state.json"));

    public void Dispose() => Directory.Delete(_path, recursive: true);
}
