namespace PasidLedger.Postgres.Projections;

/// <summary>
/// Compares the live rows of one read-model table with the rows of a fresh fold, keyed the way
/// the table's primary key is, and words every difference for a person:
/// <c>refcount_view host-a id 7: refs live=3 folded=2</c>.
/// </summary>
internal sealed class ReadModelDiff(string pool)
{
    private readonly List<string> differences = [];

    public IReadOnlyList<string> Differences => differences;

    /// <param name="table">The table's name, the first word of each difference.</param>
    /// <param name="live">The rows in the table.</param>
    /// <param name="folded">The rows the fold produces.</param>
    /// <param name="key">The row's key within the pool.</param>
    /// <param name="label">How a key reads after the pool name, e.g. <c> id 7</c>.</param>
    /// <param name="fields">The compared columns as (name, text), in a fixed order.</param>
    public void Compare<TKey, TRow>(
        string table,
        IEnumerable<TRow> live,
        IEnumerable<TRow> folded,
        Func<TRow, TKey> key,
        Func<TKey, string> label,
        Func<TRow, (string Field, string Value)[]> fields)
        where TKey : notnull
    {
        var liveRows = live.ToDictionary(key);
        var foldedRows = folded.ToDictionary(key);
        foreach (var k in liveRows.Keys.Union(foldedRows.Keys).Order())
        {
            var where = $"{table} {pool}{label(k)}";
            if (!liveRows.TryGetValue(k, out var liveRow))
            {
                differences.Add($"{where}: missing from the live table (folded: {Describe(fields(foldedRows[k]))})");
            }
            else if (!foldedRows.TryGetValue(k, out var foldedRow))
            {
                differences.Add($"{where}: extra row in the live table, the fold has none (live: {Describe(fields(liveRow))})");
            }
            else
            {
                var (liveFields, foldedFields) = (fields(liveRow), fields(foldedRow));
                for (var i = 0; i < liveFields.Length; i++)
                {
                    if (!string.Equals(liveFields[i].Value, foldedFields[i].Value, StringComparison.Ordinal))
                    {
                        differences.Add($"{where}: {liveFields[i].Field} live={liveFields[i].Value} folded={foldedFields[i].Value}");
                    }
                }
            }
        }
    }

    private static string Describe((string Field, string Value)[] fields) =>
        string.Join(' ', fields.Select(f => $"{f.Field}={f.Value}"));
}
