namespace PasidLedger.Application.Writing;

/// <summary>Whether commands may join a batch while it waits for the lock, and a next transaction be opened behind it.</summary>
internal enum Batching
{
    /// <summary>The usual batch: late commands join it; a locked one opens the next batch's transaction.</summary>
    Group,

    /// <summary>One command of a refused batch, committed as it is (<see cref="PoolWriter"/>).</summary>
    Alone,
}
