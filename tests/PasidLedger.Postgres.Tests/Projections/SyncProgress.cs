namespace PasidLedger.Postgres.Tests.Projections;

/// <summary>Reports progress on the caller's thread (unlike <see cref="Progress{T}"/>, which posts), so a test sees every report in order.</summary>
internal sealed class SyncProgress(Action<(long Done, long Total)> report) : IProgress<(long Done, long Total)>
{
    public void Report((long Done, long Total) value) => report(value);
}
