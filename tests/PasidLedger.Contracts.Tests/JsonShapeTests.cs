using System.Text.Json.Nodes;
using PasidLedger.Contracts.V1;
using Shouldly;
using Xunit;

namespace PasidLedger.Contracts.Tests;

/// <summary>Messages written with web defaults carry exactly the field names of docs/wire-format.md and read back the same.</summary>
public sealed class JsonShapeTests
{
    private static readonly Guid EventId = new("01923f6e-7c4a-7b1e-9a3d-5f2b8c1d0e4a");

    [Fact]
    public void Notification_HasTheDocumentedFields_AndRoundTrips()
    {
        var notification = new Notification("free", "host-a", 41, EventId, Guid.NewGuid(), DateTimeOffset.UnixEpoch, 42, 1, 7, 3, "vtd-bind:42",
            "iommu", 1, 1);

        Names(WireJson.ToObject(notification)).ShouldBe(
            ["kind", "pool", "version", "eventId", "correlationId", "time", "id", "generation", "spid", "setId", "private", "recipient", "position", "chainLength"]);
        WireJson.FromObject(WireJson.ToObject(notification), typeof(Notification)).ShouldBe(notification);
    }

    [Fact]
    public void RunWork_HasTheDocumentedFields_AndRoundTrips()
    {
        var run = new RunWork("host-a", "vtd-teardown-42", 42, "free", "iommu", EventId, 43);

        Names(WireJson.ToObject(run)).ShouldBe(["pool", "workId", "id", "cause", "by", "readyEventId", "readyVersion"]);
        WireJson.FromObject(WireJson.ToObject(run), typeof(RunWork)).ShouldBe(run);
    }

    [Fact]
    public void CommandResult_HasTheCommonFieldsAndEveryReplyPart_AndRoundTrips()
    {
        var result = new CommandResult(Guid.NewGuid().ToString("D"), AcquireRefCommand.MessageType, "host-a", "ok", null, 0, null, 44, Replayed: false)
        {
            Ioasid = new IoasidReply(42, 1, 3, "active", 2, new Dictionary<string, int> { ["core"] = 1, ["kvm-vm1"] = 1 }, 7, null),
        };

        var json = WireJson.ToObject(result);

        Names(json).ShouldBe(
            ["commandId", "commandType", "pool", "status", "reason", "errno", "detail", "version", "replayed",
             "outcome", "capacity", "reservation", "set", "ioasid", "release", "freeAll", "lookup", "notifier", "work"],
            ignoreOrder: true);
        Names(json["ioasid"]!.AsObject()).ShouldBe(["id", "generation", "setId", "state", "refs", "holders", "spid", "private"]);
        RoundTrip(result).ShouldBe(json.ToJsonString());
    }

    [Fact]
    public void RegisterNotifierCommand_CarriesItsReactions_AndRoundTrips()
    {
        var register = new RegisterNotifierCommand("host-a", "kvm-vm1", "mm", null, "vm1", "cpu", null, [new Reaction("bind", "get", null)]);

        var json = WireJson.ToObject(register);

        Names(json).ShouldBe(["pool", "name", "scope", "setId", "token", "priority", "endpoint", "reactions"]);
        Names(json["reactions"]![0]!.AsObject()).ShouldBe(["on", "action", "holder"]);
        RoundTrip(register).ShouldBe(json.ToJsonString());
    }

    private static string[] Names(JsonObject json) => [.. json.Select(property => property.Key)];

    private static string RoundTrip(object message) =>
        WireJson.ToObject(WireJson.FromObject(WireJson.ToObject(message), message.GetType())).ToJsonString();
}
