using FsCheck;
using FsCheck.Fluent;
using PasidLedger.Domain.State;
using Shouldly;
using Xunit;

namespace PasidLedger.Domain.Tests.Properties;

/// <summary><see cref="IdBitmap.FindFirstFree"/> against a naive scan, over random mark/free sequences near word and page edges.</summary>
public sealed class IdBitmapProperties
{
    private const uint Page = 65_536;

    private static readonly long[] Capacities = [100, 4096, Page, Page + 100, (3 * Page) + 5];

    /// <summary>One operation: mark or free one number, or a run of <c>Length</c> numbers from <c>At</c>.</summary>
    public sealed record Operation(bool Mark, uint At, uint Length);

    [Fact]
    public void FindFirstFree_AgreesWithANaiveScan_OverRandomMarkAndFreeSequences()
    {
        var cases =
            from capacity in Gen.Elements(Capacities)
            from count in Gen.Choose(1, 50)
            from operations in Gen.ArrayOf(Operations(capacity), count)
            from queries in Gen.ArrayOf(Position(capacity).Zip(Gen.Choose(0, 70_000)), 16)
            select (capacity, operations, queries);

        Prop.ForAll(Arb.From(cases), input =>
            {
                var bitmap = new IdBitmap(input.capacity);
                var used = new bool[input.capacity];
                foreach (var operation in input.operations)
                {
                    for (var id = operation.At; id < operation.At + operation.Length && id < input.capacity; id++)
                    {
                        used[id] = operation.Mark;
                        if (operation.Mark)
                        {
                            bitmap.MarkUsed(id);
                        }
                        else
                        {
                            bitmap.MarkFree(id);
                        }
                    }

                    bitmap.IsUsed(operation.At).ShouldBe(used[operation.At]);
                }

                foreach (var (start, span) in input.queries)
                {
                    var end = (uint)Math.Min(uint.MaxValue, (long)start + span);
                    bitmap.FindFirstFree(start, end).ShouldBe(Naive(used, input.capacity, start, end), $"[{start}, {end}] of {input.capacity}");
                }
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(100).WithQuietOnSuccess(true));
    }

    private static long Naive(bool[] used, long capacity, uint from, uint to)
    {
        for (long id = from; id <= to && id < capacity; id++)
        {
            if (!used[id])
            {
                return id;
            }
        }

        return -1;
    }

    /// <summary>Mostly within 70 of a word, summary-word or page edge, sometimes anywhere below capacity.</summary>
    private static Gen<uint> Position(long capacity)
    {
        uint[] edges = [0, 64, 4096, Page - 1, Page, Page + 1, 2 * Page, (uint)capacity - 1];
        var near = from edge in Gen.Elements(edges)
                   from offset in Gen.Choose(-70, 70)
                   select (uint)Math.Clamp(edge + offset, 0L, capacity - 1);
        return Gen.Frequency((4, near), (1, Gen.Choose(0, (int)capacity - 1).Select(id => (uint)id)));
    }

    /// <summary>Single numbers and short runs near edges, and sometimes a whole aligned page (full-page summaries).</summary>
    private static Gen<Operation> Operations(long capacity)
    {
        var nearEdges =
            from mark in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
            from at in Position(capacity)
            from length in Gen.Frequency((6, Gen.Constant(1u)), (3, Gen.Elements(63u, 64u, 65u, 1000u)))
            select new Operation(mark, at, length);
        var wholePage =
            from page in Gen.Choose(0, (int)((capacity - 1) / Page))
            select new Operation(true, (uint)page * Page, Page);
        return Gen.Frequency((12, nearEdges), (1, wholePage));
    }
}
