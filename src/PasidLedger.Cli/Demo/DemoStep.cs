using PasidLedger.Domain.Commands;

namespace PasidLedger.Cli.Demo;

/// <summary>One line of a scripted timeline: who acts, what the kernel call is, and the command.</summary>
internal sealed record DemoStep(string Actor, string Action, PoolCommand Command);
