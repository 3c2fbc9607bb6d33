using System.Reflection;
using PasidLedger.Contracts.V1;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Events;
using Shouldly;
using Xunit;

namespace PasidLedger.Contracts.Tests;

/// <summary>Every ledger command has a command message carrying its fields and the pool (docs/wire-format.md, "Commands").</summary>
public sealed class CommandCoverageTests
{
    /// <summary>Domain fields a message does not carry, and the fields it carries instead (the table of the document).</summary>
    private static readonly Dictionary<string, (string[] Dropped, string[] Instead)> Differences = new()
    {
        [nameof(CreatePool)] = (["options"], ["dispatch", "autoDestroyWhenEmpty"]),
        [nameof(AcquireRefIfOwned)] = (["caller"], []),
        [nameof(AcknowledgeNotification)] = (["notificationEventId", "notificationVersion", "kind", "id", "generation"], ["eventId"]),
    };

    private static readonly Assembly Contracts = typeof(CommandResult).Assembly;

    public static TheoryData<string> DomainCommands =>
    [
        .. typeof(PoolCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PoolCommand)) && !t.IsAbstract).Select(t => t.Name).Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(DomainCommands))]
    public void EveryPoolCommand_HasACommandMessage_WithThePoolAndItsFields(string command)
    {
        var domain = typeof(PoolCommand).Assembly.GetTypes().Single(t => t.Name == command);
        var message = Contracts.GetType($"PasidLedger.Contracts.V1.{command}Command").ShouldNotBeNull();
        var (dropped, instead) = Differences.GetValueOrDefault(command, ([], []));

        WireJson.PropertyNames(message).ShouldBe(
            WireJson.PropertyNames(domain).Except(dropped).Concat(instead).Append("pool").Distinct(),
            ignoreOrder: true);
        MessageTypeOf(message).ShouldBe($"command.{Kebab(command)}.v1");
    }

    [Fact]
    public void EveryCommandMessage_IsAPoolCommand()
    {
        var domainNames = DomainCommands.Select(row => row.Data).ToHashSet();
        var messages = Contracts.GetTypes().Where(t => t.Name.EndsWith("Command", StringComparison.Ordinal)).Select(t => t.Name[..^"Command".Length]);

        messages.Where(name => !domainNames.Contains(name)).ShouldBeEmpty();
    }

    [Fact]
    public void MessageTypes_AreUnique_AndNoneIsAnEventName()
    {
        var types = Contracts.GetTypes().Select(t => t.GetField("MessageType")).OfType<FieldInfo>().Select(f => (string)f.GetRawConstantValue()!).ToList();

        types.Count.ShouldBe(DomainCommands.Count + 3, "a command each, the result, Notification and RunWork");
        types.ShouldBeUnique();
        types.ShouldAllBe(type => EventNames.TypeOf(type) == null);
    }

    private static string MessageTypeOf(Type message) => (string)message.GetField("MessageType")!.GetRawConstantValue()!;

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));
}
