using PasidLedger.Api.Hosting;

var app = LedgerApiHost.Build(args);
await app.RunAsync();

/// <summary>The API host's entry point (also the anchor for <c>WebApplicationFactory</c>).</summary>
public partial class Program;
