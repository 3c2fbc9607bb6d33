using System.CommandLine;
using PasidLedger.Cli.Commands;

namespace PasidLedger.Cli;

/// <summary>The <c>pasidledger</c> command tree: <c>Program</c> runs it, the CLI tests invoke it in-process.</summary>
public static class CliRoot
{
    public static RootCommand Create() => new("pasidledger: an event-sourced PASID (IOASID) lifecycle ledger on PostgreSQL")
    {
        ServeCommand.Create(),
        MigrateCommand.Create(),
        ProjectionsCommand.Create(),
        ShowCommand.Create(),
        HistoryCommand.Create(),
        TokenCommand.Create(),
        DemoCommand.Create(),
        ConsumerCommand.Create(),
    };
}
