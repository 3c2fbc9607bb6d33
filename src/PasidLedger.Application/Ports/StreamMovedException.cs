namespace PasidLedger.Application.Ports;

/// <summary>
/// An optimistic group commit (<see cref="IPoolStore.BeginOptimistic"/>) found, under the pool
/// lock, that the stream is no longer at the version it was decided against, or that a key it
/// stores was stored meanwhile: another instance wrote. Nothing of the batch was kept; the writer
/// discards its cached state, catches up and decides the batch again.
/// </summary>
public sealed class StreamMovedException : Exception
{
    public StreamMovedException()
        : this("The pool stream moved since the batch was decided.")
    {
    }

    public StreamMovedException(string message)
        : base(message)
    {
    }

    public StreamMovedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
