namespace PasidLedger.Domain.State;

/// <summary>
/// Per-holder reference counts of one IOASID (DOMAIN.md 1.4, Model addition); their sum is
/// <c>refs</c>. Immutable: a handful of entries in a small array, ordered by first acquisition.
/// </summary>
public sealed class Holders : IEquatable<Holders>
{
    private readonly (string Holder, int Count)[] entries;

    private Holders((string Holder, int Count)[] entries)
    {
        this.entries = entries;
        foreach (var entry in entries)
        {
            Total += entry.Count;
        }
    }

    /// <summary>Only the allocation reference.</summary>
    public static Holders Allocation { get; } = new([(Ioasid.CoreHolder, 1)]);

    /// <summary>No references.</summary>
    public static Holders None { get; } = new([]);

    /// <summary>The sum of all counts: the IOASID's <c>refs</c>.</summary>
    public int Total { get; }

    /// <summary>Holders with a non-zero count, in order of first acquisition.</summary>
    public IReadOnlyList<(string Holder, int Count)> Entries => entries;

    /// <summary>How many references <paramref name="holder"/> holds.</summary>
    public int CountOf(string holder)
    {
        foreach (var entry in entries)
        {
            if (entry.Holder == holder)
            {
                return entry.Count;
            }
        }

        return 0;
    }

    /// <summary>A copy with one more reference for <paramref name="holder"/>.</summary>
    public Holders Add(string holder)
    {
        var index = IndexOf(holder);
        if (index < 0)
        {
            return new([.. entries, (holder, 1)]);
        }

        var copy = ((string Holder, int Count)[])entries.Clone();
        copy[index] = (holder, copy[index].Count + 1);
        return new(copy);
    }

    /// <summary>A copy with one reference of <paramref name="holder"/> dropped; the caller checked it holds one.</summary>
    public Holders Remove(string holder)
    {
        var index = IndexOf(holder);
        if (entries[index].Count > 1)
        {
            var copy = ((string Holder, int Count)[])entries.Clone();
            copy[index] = (holder, copy[index].Count - 1);
            return new(copy);
        }

        return new([.. entries[..index], .. entries[(index + 1)..]]);
    }

    private int IndexOf(string holder)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].Holder == holder)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Rebuilds holders from counts (snapshots).</summary>
    public static Holders From(IEnumerable<(string Holder, int Count)> counts) =>
        new(counts.Where(entry => entry.Count > 0).ToArray());

    /// <inheritdoc />
    public bool Equals(Holders? other) => other is not null && entries.SequenceEqual(other.entries);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Holders);

    /// <inheritdoc />
    public override int GetHashCode() => entries.Length;
}
