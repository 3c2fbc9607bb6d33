using PasidLedger.Cli;

return await CliRoot.Create().Parse(args).InvokeAsync();
