namespace PasidLedger.Postgres.Tests.Writing;

/// <summary>The failure <see cref="RecordingPoolStore"/> throws in place of a commit.</summary>
public sealed class InjectedCommitFailureException : Exception
{
    public InjectedCommitFailureException()
        : base("Injected: the commit of this group failed.")
    {
    }

    public InjectedCommitFailureException(string message)
        : base(message)
    {
    }

    public InjectedCommitFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
