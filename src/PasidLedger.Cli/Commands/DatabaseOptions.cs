using System.CommandLine;
using PasidLedger.Postgres;

namespace PasidLedger.Cli.Commands;

/// <summary><c>--connection</c> and <c>--schema</c>, shared by every command that talks to PostgreSQL.</summary>
internal static class DatabaseOptions
{
    public const string EnvironmentVariable = "PASIDLEDGER_PG";

    public static readonly string Missing =
        $"No PostgreSQL connection string: pass --connection or set {EnvironmentVariable}. "
        + "`./ops/pg start` starts a private PostgreSQL cluster and prints one, e.g. "
        + $"export {EnvironmentVariable}=\"$(./ops/pg start)\"";

    /// <summary>Adds fresh <c>--connection</c> and <c>--schema</c> options to <paramref name="command"/>.</summary>
    public static void AddTo(Command command)
    {
        command.Options.Add(new Option<string?>("--connection")
        {
            Description = $"Npgsql connection string (default: ${EnvironmentVariable})",
        });
        command.Options.Add(new Option<string>("--schema")
        {
            Description = "Schema holding the ledger's tables",
            DefaultValueFactory = _ => "public",
        });
    }

    /// <summary>The configured database, or null when no connection string is given anywhere.</summary>
    public static PostgresOptions? TryResolve(ParseResult parse)
    {
        var connection = parse.GetValue<string?>("--connection");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = Environment.GetEnvironmentVariable(EnvironmentVariable);
        }

        return string.IsNullOrWhiteSpace(connection) ? null : new PostgresOptions
        {
            ConnectionString = connection,
            SchemaName = parse.GetValue<string>("--schema") ?? "public",
        };
    }

    /// <summary>The configured database; a missing connection string is the user's to fix.</summary>
    public static PostgresOptions Resolve(ParseResult parse) => TryResolve(parse) ?? throw new CliException(Missing);
}
