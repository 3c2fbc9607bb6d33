using Npgsql;
using PasidLedger.Postgres.Migrations;

namespace PasidLedger.Cli.Commands;

/// <summary>Runs a command's action and turns the failures a user can act on into one line on stderr and exit code 1.</summary>
internal static class CliRun
{
    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return 130;
        }
        catch (Exception failure) when (Describe(failure) is { } message)
        {
            await Console.Error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>The message for an expected failure, or null for a bug (which keeps its stack trace).</summary>
    private static string? Describe(Exception failure) => failure switch
    {
        CliException or MigrationChecksumMismatchException => failure.Message,
        PostgresException { SqlState: PostgresErrorCodes.UndefinedTable } missing =>
            $"{missing.MessageText}: the schema is not migrated yet; run `pasidledger migrate` first.",
        NpgsqlException npgsql =>
            $"PostgreSQL failed: {npgsql.Message}. Is the server running? `./ops/pg start` starts the private cluster.",
        InvalidOperationException or InvalidDataException or ArgumentException => failure.Message,
        _ => null,
    };
}
