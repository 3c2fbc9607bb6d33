namespace PasidLedger.Consumers.Safety;

/// <summary>
/// One breach of the reclaim safety rule: consumer <paramref name="Component"/> still names, or ran DMA on, host IOASID
/// <paramref name="Id"/> of <paramref name="Generation"/> after the ledger reclaimed it.
/// </summary>
/// <param name="Table">The consumer's table (<c>work-queues</c>, <c>pasid-translation</c>, …) or <c>dma</c>.</param>
/// <param name="Entry">The entry in it, as the consumer shows it.</param>
/// <param name="What">A sentence saying what is wrong.</param>
public sealed record SafetyViolation(string Component, string Table, string Entry, uint Id, int Generation, string What)
{
    public override string ToString() => $"{Component} {Table}[{Entry}] on IOASID {Id} generation {Generation}: {What}";
}
