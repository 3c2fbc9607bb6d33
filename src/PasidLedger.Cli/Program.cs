using System.CommandLine;
using PasidLedger.Cli.Commands;

var root = new RootCommand("pasidledger: an event-sourced PASID (IOASID) lifecycle ledger on PostgreSQL")
{
    ServeCommand.Create(),
    MigrateCommand.Create(),
    ProjectionsCommand.Create(),
    DemoCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
