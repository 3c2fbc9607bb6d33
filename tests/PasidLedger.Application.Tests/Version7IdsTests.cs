using PasidLedger.Application.Writing;
using Shouldly;
using Xunit;

namespace PasidLedger.Application.Tests;

/// <summary>Event and correlation ids keep the layout of <see cref="Guid.CreateVersion7(DateTimeOffset)"/>.</summary>
public sealed class Version7IdsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 12, 0, 0, 123, TimeSpan.FromHours(2));

    [Fact]
    public void EveryId_IsVersion7WithVariant10_AndItsTimestampFirst_LikeCreateVersion7()
    {
        var reference = Guid.CreateVersion7(At).ToString();

        // More ids than one fill of the random buffer, so a refill is covered too.
        foreach (var id in Enumerable.Range(0, 100).Select(_ => Version7Ids.Next(At)))
        {
            id.Version.ShouldBe(7);
            (id.Variant >> 2).ShouldBe(0b10);
            id.ToString()[..13].ShouldBe(reference[..13]); // 48-bit Unix milliseconds: "xxxxxxxx-xxxx"
        }
    }

    [Fact]
    public void IdsOfTheSameMillisecond_AreDistinct()
    {
        var ids = Enumerable.Range(0, 1_000).Select(_ => Version7Ids.Next(At)).ToHashSet();

        ids.Count.ShouldBe(1_000);
    }

    [Fact]
    public void TheRandomBits_AreNotAllTheSame()
    {
        // The 74 random bits: the text form without the timestamp, version and variant characters.
        var tails = Enumerable.Range(0, 64).Select(_ => Version7Ids.Next(At).ToString()[24..]).ToHashSet();

        tails.Count.ShouldBe(64);
    }
}
