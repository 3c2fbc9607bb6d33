namespace PasidLedger.Postgres.Events;

/// <summary>
/// An append expected the stream at one version but found it at another: another writer
/// appended first. Nothing of the failed append was written; reload the stream and decide again.
/// </summary>
public sealed class WrongExpectedVersionException : Exception
{
    public WrongExpectedVersionException()
        : this("The stream is not at the expected version.")
    {
    }

    public WrongExpectedVersionException(string message)
        : base(message)
    {
    }

    public WrongExpectedVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WrongExpectedVersionException(
        string streamId, long expectedVersion, long? actualVersion, Exception? innerException = null)
        : base(
            $"Stream '{streamId}' was expected at version {expectedVersion} but is at "
            + (actualVersion is { } actual ? $"version {actual}." : "a version written by a concurrent writer."),
            innerException)
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The stream appended to.</summary>
    public string? StreamId { get; }

    /// <summary>The version the writer expected.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version found, or <see langword="null"/> when a concurrent writer's row got in the way.</summary>
    public long? ActualVersion { get; }
}
