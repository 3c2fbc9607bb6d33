using Xunit;

namespace PasidLedger.Ops.Tests;

/// <summary>Tests whose scripts run <c>dotnet build</c> or <c>publish</c>: one at a time, never two builds racing.</summary>
[CollectionDefinition(nameof(ScriptsThatBuild))]
public sealed class ScriptsThatBuild;
