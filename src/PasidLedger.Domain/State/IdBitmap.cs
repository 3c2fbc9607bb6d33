using System.Numerics;

namespace PasidLedger.Domain.State;

/// <summary>
/// Which numbers are in use, with a lowest-free search that never scans linearly:
/// pages of 65,536 IDs are allocated lazily, each page keeps a "word is full" summary,
/// and the pool keeps a "page is full" summary (DOMAIN.md 1.1: lowest free first).
/// </summary>
internal sealed class IdBitmap
{
    private const int PageShift = 16;
    private const int WordsPerPage = 1 << (PageShift - 6);
    private const int SummaryWords = WordsPerPage / 64;

    private readonly ulong[]?[] words;
    private readonly ulong[]?[] fullWords;
    private readonly ulong[] fullPages;

    public IdBitmap(long capacity)
    {
        Capacity = capacity;
        var pages = (int)((capacity + (1L << PageShift) - 1) >> PageShift);
        words = new ulong[pages][];
        fullWords = new ulong[pages][];
        fullPages = new ulong[(pages + 63) / 64];
    }

    public long Capacity { get; }

    public bool IsUsed(uint id)
    {
        var page = words[id >> PageShift];
        return page is not null && (page[(id >> 6) & (WordsPerPage - 1)] & (1UL << (int)(id & 63))) != 0;
    }

    public void MarkUsed(uint id)
    {
        var p = (int)(id >> PageShift);
        var page = words[p] ??= new ulong[WordsPerPage];
        var summary = fullWords[p] ??= new ulong[SummaryWords];
        var w = (int)((id >> 6) & (WordsPerPage - 1));
        page[w] |= 1UL << (int)(id & 63);
        if (page[w] != ulong.MaxValue)
        {
            return;
        }

        summary[w >> 6] |= 1UL << (w & 63);
        if (Array.TrueForAll(summary, s => s == ulong.MaxValue))
        {
            fullPages[p >> 6] |= 1UL << (p & 63);
        }
    }

    public void MarkFree(uint id)
    {
        var p = (int)(id >> PageShift);
        var page = words[p];
        if (page is null)
        {
            return;
        }

        var w = (int)((id >> 6) & (WordsPerPage - 1));
        page[w] &= ~(1UL << (int)(id & 63));
        fullWords[p]![w >> 6] &= ~(1UL << (w & 63));
        fullPages[p >> 6] &= ~(1UL << (p & 63));
    }

    /// <summary>The lowest unused number in <c>[from, to]</c>, or -1.</summary>
    public long FindFirstFree(uint from, uint to)
    {
        long candidate = from;
        while (candidate <= to && candidate < Capacity)
        {
            var p = (int)(candidate >> PageShift);
            if (IsPageFull(p))
            {
                candidate = NextNonFullPage(p + 1) << PageShift;
                continue;
            }

            var found = FindInPage(p, (int)(candidate & ((1 << PageShift) - 1)));
            if (found >= 0)
            {
                var id = ((long)p << PageShift) + found;
                return id <= to && id < Capacity ? id : -1;
            }

            candidate = (long)(p + 1) << PageShift;
        }

        return -1;
    }

    private bool IsPageFull(int p) => (fullPages[p >> 6] & (1UL << (p & 63))) != 0;

    private long NextNonFullPage(int p)
    {
        var pages = words.Length;
        while (p < pages)
        {
            var free = ~fullPages[p >> 6] & (ulong.MaxValue << (p & 63));
            if (free != 0)
            {
                return ((long)(p >> 6) << 6) + BitOperations.TrailingZeroCount(free);
            }

            p = ((p >> 6) + 1) << 6;
        }

        return pages;
    }

    private int FindInPage(int p, int offset)
    {
        var page = words[p];
        if (page is null)
        {
            return offset;
        }

        var w = offset >> 6;
        var free = ~page[w] & (ulong.MaxValue << (offset & 63));
        if (free != 0)
        {
            return (w << 6) + BitOperations.TrailingZeroCount(free);
        }

        var next = NextNonFullWord(fullWords[p]!, w + 1);
        return next < 0 ? -1 : (next << 6) + BitOperations.TrailingZeroCount(~page[next]);
    }

    private static int NextNonFullWord(ulong[] summary, int w)
    {
        while (w < WordsPerPage)
        {
            var free = ~summary[w >> 6] & (ulong.MaxValue << (w & 63));
            if (free != 0)
            {
                return ((w >> 6) << 6) + BitOperations.TrailingZeroCount(free);
            }

            w = ((w >> 6) + 1) << 6;
        }

        return -1;
    }
}
