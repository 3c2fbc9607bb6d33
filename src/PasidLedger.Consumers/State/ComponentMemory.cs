using PasidLedger.Consumers.Control;

namespace PasidLedger.Consumers.State;

/// <summary>What every component keeps and saves: its notifier, the deliveries it finished, its step counter and the references it released.</summary>
public class ComponentMemory
{
    /// <summary>How many finished deliveries are remembered to drop repeats; RabbitMQ repeats recent ones only.</summary>
    public const int HandledKept = 4096;

    /// <summary>Its notifier registration, once registered.</summary>
    public int? NotifierId { get; set; }

    /// <summary>
    /// The cause of its current registration's command id, saved before the command is sent, so a consumer killed before
    /// it saved <see cref="NotifierId"/> sends the same id again and gets the first answer; cleared when it unregisters.
    /// </summary>
    public Guid? RegisteredBy { get; set; }

    /// <summary>The message ids of the deliveries it finished, oldest first.</summary>
    public List<Guid> Handled { get; init; } = [];

    /// <summary>Counts its changes; orders its DMA runs and releases.</summary>
    public long Step { get; set; }

    /// <summary>
    /// References whose table entry is already gone and whose put was not answered yet: saved with the removal, so a
    /// component killed between the two still puts them (with the same command id) when it runs again.
    /// </summary>
    public List<OwedPut> Owed { get; init; } = [];

    /// <summary>Every reference it released, in order.</summary>
    public List<ReleasedRef> Releases { get; init; } = [];
}
