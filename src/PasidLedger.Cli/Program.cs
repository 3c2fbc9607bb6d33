using System.CommandLine;
using PasidLedger.Cli.Demo;

var root = new RootCommand("pasidledger: an event-sourced PASID (IOASID) lifecycle ledger");

var poolOption = new Option<string>("--pool") { Description = "Pool name", DefaultValueFactory = _ => "demo-host" };
var demo = new Command("demo", "Play the guest-SVA free-before-unbind timeline (DOMAIN.md 5.5/5.7) and print it");
demo.Options.Add(poolOption);
demo.SetAction(parse => DomainDemo.Run(Console.Out, parse.GetValue(poolOption)!));
root.Subcommands.Add(demo);

return root.Parse(args).Invoke();
