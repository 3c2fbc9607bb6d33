using Npgsql;

namespace PasidLedger.Postgres;

/// <summary>Checks that a caller-owned transaction belongs to the connection passed with it.</summary>
internal static class TransactionGuard
{
    public static void EnsureOpen(NpgsqlConnection conn, NpgsqlTransaction tx)
    {
        ArgumentNullException.ThrowIfNull(conn);
        ArgumentNullException.ThrowIfNull(tx);
        if (!ReferenceEquals(tx.Connection, conn))
        {
            throw new ArgumentException("The transaction is completed or belongs to another connection.", nameof(tx));
        }
    }
}
