using System.Text.Json;

namespace PasidLedger.Consumers.State;

/// <summary>
/// A consumer's local state on disk, written whole after every change (to a temporary file, then renamed over the old
/// one), so a consumer killed in the middle of its work starts again from its last finished step.
/// </summary>
public sealed class StateFile<T>(string path) where T : class, new()
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Path => path;

    public T Load() =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? new T() : new T();

    public void Save(T state)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var written = path + ".tmp";
        File.WriteAllText(written, JsonSerializer.Serialize(state, Json));
        File.Move(written, path, overwrite: true);
    }
}
