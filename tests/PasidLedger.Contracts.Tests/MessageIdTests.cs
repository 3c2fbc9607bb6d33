using PasidLedger.Contracts.V1;
using Shouldly;
using Xunit;

namespace PasidLedger.Contracts.Tests;

/// <summary>The message-id rule of docs/wire-format.md ("Message ids").</summary>
public sealed class MessageIdTests
{
    private static readonly Guid EventId = new("01923f6e-7c4a-7b1e-9a3d-5f2b8c1d0e4a");

    /// <summary>The vectors of the document, computed with Python's uuid.uuid5, an implementation independent of ours.</summary>
    [Theory]
    [InlineData("iommu", "8517cbc4-8e73-5828-bfdb-15f24633aee4")]
    [InlineData("kvm-vm1", "24ee424c-d186-5a4d-99b3-dbbd0859b5b3")]
    [InlineData("vdcm-dsa0", "bcb2ab0d-a104-59a0-b333-2649dfef8f49")]
    public void DeliveryId_MatchesTheDocumentedVector(string recipient, string expected) =>
        MessageIds.ForDelivery(EventId, recipient).ShouldBe(new Guid(expected));

    [Fact]
    public void DeliveryId_IsTheSameEachTime_AndDiffersPerRecipientAndPerEvent()
    {
        var other = new Guid("01923f6e-7c4a-7b1e-9a3d-5f2b8c1d0e4b");

        MessageIds.ForDelivery(EventId, "iommu").ShouldBe(MessageIds.ForDelivery(EventId, "iommu"));
        MessageIds.ForDelivery(EventId, "iommu").ShouldNotBe(MessageIds.ForDelivery(EventId, "kvm-vm1"));
        MessageIds.ForDelivery(EventId, "iommu").ShouldNotBe(MessageIds.ForDelivery(other, "iommu"));
    }

    [Fact]
    public void DeliveryId_IsAVersion5Uuid_OfTheRfcVariant()
    {
        var text = MessageIds.ForDelivery(EventId, "iommu").ToString("D");

        text[14].ShouldBe('5');
        text[19].ShouldBeOneOf('8', '9', 'a', 'b');
    }

    [Fact]
    public void PublicEventId_IsTheEventId() => MessageIds.ForPublicEvent(EventId).ShouldBe(EventId);
}
