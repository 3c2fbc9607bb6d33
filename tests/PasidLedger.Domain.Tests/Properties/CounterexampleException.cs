namespace PasidLedger.Domain.Tests.Properties;

/// <summary>A property failed; the message holds the shrunk command sequence that reproduces it.</summary>
public sealed class CounterexampleException : Exception
{
    public CounterexampleException()
    {
    }

    public CounterexampleException(string message)
        : base(message)
    {
    }

    public CounterexampleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
