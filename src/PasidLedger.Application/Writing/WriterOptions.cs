namespace PasidLedger.Application.Writing;

/// <summary>Tuning of the pool writers.</summary>
public sealed record WriterOptions
{
    /// <summary>At most this many queued commands are decided and appended in one transaction.</summary>
    public int MaxBatch { get; init; } = 256;

    /// <summary>A snapshot is written whenever the stream crosses a multiple of this many events.</summary>
    public int SnapshotEvery { get; init; } = 1000;
}
