using System.Reflection;
using System.Text.RegularExpressions;
using PasidLedger.Contracts.V1;
using PasidLedger.Testing;
using Shouldly;
using Xunit;
using EventNames = PasidLedger.Domain.Events.EventNames;

namespace PasidLedger.Contracts.Tests;

/// <summary>docs/wire-format.md says what the contracts are: its examples, names and vectors are checked against them.</summary>
public sealed partial class WireFormatDocumentTests
{
    private static readonly Lazy<string> Document = new(() => File.ReadAllText(RepositoryRoot.Combine("docs/wire-format.md")));

    private static readonly Assembly Contracts = typeof(CommandResult).Assembly;

    public static TheoryData<int, string> Examples =>
    [
        .. ExampleBlock().Matches(Document.Value).Select((match, index) => (index, match.Groups["type"].Value)),
    ];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_ReadsIntoItsRecord_AndIsWrittenBackTheSame(int index, string typeName)
    {
        var example = System.Text.Json.Nodes.JsonNode.Parse(ExampleBlock().Matches(Document.Value)[index].Groups["json"].Value)!.AsObject();
        var type = Contracts.GetType($"PasidLedger.Contracts.V1.{typeName}").ShouldNotBeNull();

        var written = WireJson.ToObject(WireJson.FromObject(example, type));

        System.Text.Json.Nodes.JsonNode.DeepEquals(written, example).ShouldBeTrue($"the example of {typeName} is written as {written.ToJsonString()}");
    }

    [Fact]
    public void EveryMessageType_IsDocumented()
    {
        var types = Contracts.GetTypes().Select(t => t.GetField("MessageType")).OfType<FieldInfo>().Select(f => (string)f.GetRawConstantValue()!);

        types.ShouldAllBe(type => Document.Value.Contains($"`{type}`", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryEventName_IsDocumented() =>
        EventNames.Types.Select(EventNames.NameOf).ShouldAllBe(name => Document.Value.Contains($"`{name}`", StringComparison.Ordinal));

    [Fact]
    public void DocumentedNames_AreTheContractConstants()
    {
        string[] names =
        [
            Exchanges.Events, Exchanges.Notifications, Exchanges.Work, Exchanges.Commands, ContentTypes.Json, MessageIds.Namespace.ToString(),
            HeaderNames.Type, HeaderNames.Pool, HeaderNames.Version, HeaderNames.Authorization, HeaderNames.CorrelationId, HeaderNames.CausationId,
        ];

        names.ShouldAllBe(name => Document.Value.Contains($"`{name}`", StringComparison.Ordinal));
    }

    [Fact]
    public void DocumentedVectors_AreWhatMessageIdsComputes()
    {
        var eventId = new Guid(VectorEvent().Match(Document.Value).Groups["id"].Value);
        var vectors = VectorRow().Matches(Document.Value);

        vectors.Count.ShouldBe(3);
        vectors.ShouldAllBe(row => MessageIds.ForDelivery(eventId, row.Groups["recipient"].Value) == new Guid(row.Groups["id"].Value));
    }

    [GeneratedRegex(@"<!-- message: (?<type>\w+) -->\s*```json\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    [GeneratedRegex(@"Vectors, event id `(?<id>[0-9a-f-]{36})`")]
    private static partial Regex VectorEvent();

    [GeneratedRegex(@"^\s*\| `(?<recipient>[^`]+)` \| `(?<id>[0-9a-f-]{36})` \|", RegexOptions.Multiline)]
    private static partial Regex VectorRow();
}
