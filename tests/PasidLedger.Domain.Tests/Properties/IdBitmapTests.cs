using PasidLedger.Domain.State;
using Shouldly;
using Xunit;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary>The lowest-free index behind allocation (DOMAIN.md 1.1): words of 64, pages of 65,536.</summary>
public sealed class IdBitmapTests
{
    private const uint Page = 65_536;

    [Fact]
    public void EmptyBitmap_ReturnsTheStartOfTheRange()
    {
        var bitmap = new IdBitmap(Ioasid.DefaultCapacity);

        bitmap.FindFirstFree(0, 10).ShouldBe(0);
        bitmap.FindFirstFree(5, 10).ShouldBe(5);
        bitmap.FindFirstFree(Page + 3, uint.MaxValue).ShouldBe(Page + 3);
    }

    [Fact]
    public void UsedNumbers_AreSkipped_AcrossWordBoundaries()
    {
        var bitmap = Marked(Ioasid.DefaultCapacity, 0, 64);
        bitmap.FindFirstFree(0, 1000).ShouldBe(64);

        bitmap.MarkUsed(65);
        bitmap.FindFirstFree(0, 1000).ShouldBe(64);
        bitmap.MarkUsed(64);
        bitmap.FindFirstFree(0, 1000).ShouldBe(66);
        bitmap.FindFirstFree(60, 65).ShouldBe(-1);
    }

    [Fact]
    public void FullRange_OrEmptyRange_ReturnsMinusOne()
    {
        var bitmap = Marked(Ioasid.DefaultCapacity, 5, 3);

        bitmap.FindFirstFree(5, 7).ShouldBe(-1);
        bitmap.FindFirstFree(9, 8).ShouldBe(-1);
    }

    [Fact]
    public void PageBoundary_65535_65536_65537()
    {
        var bitmap = Marked(Ioasid.DefaultCapacity, 0, Page);

        bitmap.IsUsed(Page - 1).ShouldBeTrue();
        bitmap.IsUsed(Page).ShouldBeFalse();
        bitmap.FindFirstFree(0, uint.MaxValue).ShouldBe(Page);
        bitmap.FindFirstFree(Page - 1, Page + 1).ShouldBe(Page);

        bitmap.MarkUsed(Page);
        bitmap.FindFirstFree(Page - 1, Page + 1).ShouldBe(Page + 1);
        bitmap.MarkUsed(Page + 1);
        bitmap.FindFirstFree(Page - 1, Page + 1).ShouldBe(-1);
        bitmap.FindFirstFree(0, Page - 1).ShouldBe(-1);
    }

    [Fact]
    public void FullPages_AreJumpedOver_AndMarkFreeMakesAFullPageNonFull()
    {
        var bitmap = Marked(Ioasid.DefaultCapacity, 0, 3 * Page);
        bitmap.FindFirstFree(0, uint.MaxValue).ShouldBe(3 * Page);

        bitmap.MarkFree(70_000);
        bitmap.FindFirstFree(0, uint.MaxValue).ShouldBe(70_000);
        bitmap.FindFirstFree(70_001, uint.MaxValue).ShouldBe(3 * Page);

        bitmap.MarkFree(3);
        bitmap.FindFirstFree(0, uint.MaxValue).ShouldBe(3);
        bitmap.MarkUsed(3);
        bitmap.MarkUsed(70_000);
        bitmap.FindFirstFree(0, uint.MaxValue).ShouldBe(3 * Page);
    }

    [Fact]
    public void CapacityNotAMultipleOfThePageSize_BoundsTheLastPage()
    {
        const long capacity = Page + 100;
        var bitmap = Marked(capacity, 0, (uint)capacity);

        bitmap.FindFirstFree(0, uint.MaxValue).ShouldBe(-1);
        bitmap.MarkFree(Page + 99);
        bitmap.FindFirstFree(0, uint.MaxValue).ShouldBe(Page + 99);
        bitmap.FindFirstFree(Page + 100, uint.MaxValue).ShouldBe(-1);
    }

    [Fact]
    public void SmallCapacity_NeverReturnsANumberAtOrAboveCapacity()
    {
        var bitmap = new IdBitmap(100);

        bitmap.FindFirstFree(99, 200).ShouldBe(99);
        bitmap.FindFirstFree(100, 200).ShouldBe(-1);
        bitmap.MarkUsed(99);
        bitmap.FindFirstFree(90, 200).ShouldBe(90);
        bitmap.FindFirstFree(99, uint.MaxValue).ShouldBe(-1);
    }

    [Fact]
    public void ThirtyOneBitCapacity_HandlesTheHighestNumbers()
    {
        var bitmap = new IdBitmap(Ioasid.MaxCapacity);
        const uint last = (uint)(Ioasid.MaxCapacity - 1);

        bitmap.MarkUsed(last);
        bitmap.FindFirstFree(last, uint.MaxValue).ShouldBe(-1);
        bitmap.FindFirstFree(last - 1, uint.MaxValue).ShouldBe(last - 1);
    }

    [Fact]
    public void MarkFree_OnAnUntouchedPage_IsANoOp()
    {
        var bitmap = new IdBitmap(Ioasid.DefaultCapacity);

        bitmap.MarkFree(200_000);

        bitmap.IsUsed(200_000).ShouldBeFalse();
        bitmap.FindFirstFree(200_000, 200_000).ShouldBe(200_000);
    }

    private static IdBitmap Marked(long capacity, uint from, uint count)
    {
        var bitmap = new IdBitmap(capacity);
        for (var id = from; id < from + count; id++)
        {
            bitmap.MarkUsed(id);
        }

        return bitmap;
    }
}
