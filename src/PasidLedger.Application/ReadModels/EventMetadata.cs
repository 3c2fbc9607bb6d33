using PasidLedger.Domain.Events;

namespace PasidLedger.Application.ReadModels;

/// <summary>The indexed columns of an event row and the read-model rows it touches.</summary>
public sealed record EventMetadata(long? Ioasid, int? Generation, int? SetId, string? Token, int? NotifierId)
{
    private static readonly EventMetadata None = new(null, null, null, null, null);

    public static EventMetadata Of(PoolEvent @event) => @event switch
    {
        SetCreated e => new(null, null, e.SetId, e.Token, null),
        SetQuotaAdjusted e => new(null, null, e.SetId, null, null),
        SetClosing e => new(null, null, e.SetId, null, null),
        SetDestroyed e => new(null, null, e.SetId, null, null),
        IoasidAllocated e => new(e.Id, e.Generation, e.SetId, null, null),
        RefAcquired e => new(e.Id, e.Generation, null, null, null),
        RefReleased e => new(e.Id, e.Generation, null, null, null),
        FreeRequested e => new(e.Id, e.Generation, e.SetId, null, null),
        IoasidReclaimed e => new(e.Id, e.Generation, e.SetId, null, null),
        PrivateAttached e => new(e.Id, e.Generation, null, null, null),
        PrivateDetached e => new(e.Id, e.Generation, null, null, null),
        SpidAttached e => new(e.Id, e.Generation, e.SetId, null, null),
        SpidDetached e => new(e.Id, e.Generation, e.SetId, null, null),
        NotificationPublished e => new(e.Id, e.Generation, e.SetId, null, null),
        NotificationAcknowledged e => new(e.Id, e.Generation, null, null, null),
        NotifierRegistered e => new(null, null, e.SetId, e.Token, e.NotifierId),
        NotifierActivated e => new(null, null, e.SetId, null, e.NotifierId),
        NotifierDeactivated e => new(null, null, e.SetId, null, e.NotifierId),
        NotifierUnregistered e => new(null, null, null, null, e.NotifierId),
        WorkQueued e => new(e.Id, null, null, null, null),
        _ => None,
    };
}
