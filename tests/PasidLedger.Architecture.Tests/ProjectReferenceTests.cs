using System.Reflection;
using Shouldly;
using Xunit;

namespace PasidLedger.Architecture.Tests;

/// <summary>ARCHITECTURE.md section 6: references point inward.</summary>
public sealed class ProjectReferenceTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["PasidLedger.Domain"] = [],
        ["PasidLedger.Contracts"] = [],
        ["PasidLedger.Application"] = ["PasidLedger.Domain"],
        ["PasidLedger.Postgres"] = ["PasidLedger.Application", "PasidLedger.Domain"],
        ["PasidLedger.Bus"] = ["PasidLedger.Application", "PasidLedger.Domain", "PasidLedger.Contracts"],
        ["PasidLedger.Consumers"] = ["PasidLedger.Contracts"],
    };

    public static TheoryData<string> Projects => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(Projects))]
    public void ReferencesOnlyInnerProjects(string project)
    {
        var assembly = Assembly.Load(project);
        var ledgerReferences = assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("PasidLedger.", StringComparison.Ordinal));

        ledgerReferences.ShouldBeSubsetOf(Allowed[project]);
    }

    [Fact]
    public void DomainAndContractsReferenceNoPackages()
    {
        foreach (var project in new[] { "PasidLedger.Domain", "PasidLedger.Contracts" })
        {
            var references = Assembly.Load(project).GetReferencedAssemblies().Select(reference => reference.Name!);
            references.ShouldAllBe(name => name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard");
        }
    }
}
