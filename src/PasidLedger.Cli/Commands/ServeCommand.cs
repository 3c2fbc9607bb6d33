using System.CommandLine;
using PasidLedger.Api.Hosting;

namespace PasidLedger.Cli.Commands;

/// <summary>
/// <c>pasidledger serve</c>: hosts the HTTP API through <see cref="LedgerApiHost"/>. Every option the
/// CLI does not know (<c>--urls</c>, <c>--Logging:LogLevel:Default=Debug</c>, …) goes to the host's
/// configuration unchanged; the connection string comes from configuration or <c>PASIDLEDGER_PG</c>.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var noMigrate = new Option<bool>("--no-migrate") { Description = "Do not apply pending migrations at start (Ledger:Migrate=false)" };
        var connection = new Option<string?>("--connection") { Description = $"Npgsql connection string (default: ${DatabaseOptions.EnvironmentVariable})" };
        var schema = new Option<string?>("--schema") { Description = "Schema holding the ledger's tables (default: public)" };
        var command = new Command("serve", "Host the HTTP API; ASP.NET Core options such as --urls http://127.0.0.1:5080 pass through")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(noMigrate);
        command.Options.Add(connection);
        command.Options.Add(schema);
        command.SetAction((parse, ct) => CliRun.GuardAsync(async () =>
        {
            var args = new List<string>(parse.UnmatchedTokens);
            if (parse.GetValue(noMigrate))
            {
                args.Add("--Ledger:Migrate=false");
            }

            if (parse.GetValue(connection) is { Length: > 0 } connectionString)
            {
                args.Add($"--Postgres:ConnectionString={connectionString}");
            }

            if (parse.GetValue(schema) is { Length: > 0 } schemaName)
            {
                args.Add($"--Postgres:SchemaName={schemaName}");
            }

            await using var app = LedgerApiHost.Build([.. args]);
            await app.RunAsync(ct).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
