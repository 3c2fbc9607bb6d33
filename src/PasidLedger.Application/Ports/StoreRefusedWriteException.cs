namespace PasidLedger.Application.Ports;

/// <summary>
/// The store refused a group commit's data: not a conflict and not a lost connection, so the same
/// batch would fail again. Nothing of it was kept. The writer then commits the batch's commands one
/// by one, so only the command whose writes the store refuses fails.
/// </summary>
public sealed class StoreRefusedWriteException : Exception
{
    public StoreRefusedWriteException()
        : this("The store refused the batch's data.")
    {
    }

    public StoreRefusedWriteException(string message)
        : base(message)
    {
    }

    public StoreRefusedWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
