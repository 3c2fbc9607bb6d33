namespace PasidLedger.Domain.Commands;

/// <summary><c>queue_work(work)</c> on the ordered queue; false when already queued.</summary>
public sealed record QueueWork(string WorkId, string By, uint? Id = null) : PoolCommand;

/// <summary>The head work item finished.</summary>
public sealed record CompleteWork(string WorkId) : PoolCommand;
