using PasidLedger.Consumers.State;

namespace PasidLedger.Consumers.Tests.Support;

/// <summary>A component's state file in a directory of its own, deleted with it; open it again to play a restart.</summary>
public sealed class TempStateFile<T> : IDisposable where T : class, new()
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pasidledger-consumers-").FullName;

    public StateFile<T> Open() => new(Path.Combine(_directory, "state.json"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
