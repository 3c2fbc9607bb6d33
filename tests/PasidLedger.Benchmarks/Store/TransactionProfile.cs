namespace PasidLedger.Benchmarks.Store;

/// <summary>Totals over a phase: transactions, appended events, milliseconds spent per part of a transaction, and the longest parts.</summary>
internal sealed record TransactionProfile(long Transactions, long Events, double BeginMs, double WorkMs, double CommitMs,
    double LongestWorkMs, double LongestCommitMs)
{
    public string Describe(long commands) => Transactions == 0 ? "no transactions" : string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Transactions} transactions, {(double)commands / Transactions:F1} commands and {(double)Events / Transactions:F1} events each; "
        + $"per transaction {BeginMs / Transactions:F2} ms begin+lock+version, {WorkMs / Transactions:F2} ms catch-up+decide+write, "
        + $"{CommitMs / Transactions:F2} ms commit; longest catch-up+decide+write {LongestWorkMs:F1} ms, longest commit {LongestCommitMs:F1} ms");
}
