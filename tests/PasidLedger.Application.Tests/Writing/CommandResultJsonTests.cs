using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Serialization;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Model;
using Shouldly;
using Xunit;

namespace PasidLedger.Application.Tests.Writing;

/// <summary>
/// What an idempotency key stores (<see cref="ResultSerializer"/>): the typed result, its reply under a
/// persisted name, read back equal in whatever key order jsonb gives it, and no HTTP body inside.
/// </summary>
public sealed class CommandResultJsonTests
{
    private static readonly CommandReply[] Examples =
    [
        Acknowledged.Instance,
        new CapacityChanged(10, 990),
        new SetAllocated(3),
        new SetReleased(3, SetLifecycle.Closing, 2, 1),
        new SetFreedAll(3, 2, 1),
        new IoasidGranted(42, 7),
        new RefsChanged(42, 2, false),
        new FreeOutcome(FreeResult.FreePending),
        new NotifierAdded(5, true),
        new SpidResolved(null),
        new SpidResolved(42),
        new WorkAccepted(true),
    ];

    public static TheoryData<CommandReply> Replies => [.. Examples];

    [Fact]
    public void EveryReplyType_HasOnePersistedName_AndAnExampleHere()
    {
        var derived = typeof(CommandReply).GetCustomAttributes<JsonDerivedTypeAttribute>().ToList();
        var replyTypes = typeof(CommandReply).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CommandReply)) && !t.IsAbstract);

        derived.Select(d => d.DerivedType).ShouldBe(replyTypes, ignoreOrder: true);
        derived.Select(d => d.TypeDiscriminator).ShouldBeUnique();
        derived.Select(d => d.TypeDiscriminator as string).ShouldAllBe(name => name != null && name.EndsWith(".v1", StringComparison.Ordinal));
        Examples.Select(e => e.GetType()).Distinct().ShouldBe(replyTypes, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void EveryReply_RoundTripsThroughTheStoredResult_UnderItsPersistedName_InAnyKeyOrder(CommandReply reply)
    {
        var result = new CommandResult(reply, null, Errno.None, false, null, ReplyRows.None, 12, Fingerprint: "AcquireRef:00");

        var json = ResultSerializer.Serialize(result);
        var back = ResultSerializer.Deserialize(Jsonb.Stored(json));

        JsonNode.Parse(json)!["reply"]!["type"]!.GetValue<string>().ShouldBe(NameOf(reply.GetType()));
        back.ShouldBe(result);
        back.Reply.ShouldBeOfType(reply.GetType());
        ResultSerializer.Serialize(back).ShouldBe(json);
    }

    [Fact]
    public void TheRowsAndTheRejection_RoundTrip_WithTheHoldersInTheirFirstOrder_ThoughJsonbSortsKeys()
    {
        var holders = new Dictionary<string, int> { ["core"] = 1, ["vfio"] = 2, ["kvm"] = 1 };
        var ioasid = new RefcountView("p", 42, 7, 3, "active", 4, holders, 9, "data");
        var idle = new RefcountView("p", 43, 1, 3, "idle", 1, new Dictionary<string, int> { ["core"] = 1 }, null, null);
        var rows = new ReplyRows(new CapacityView("p", 1000, 990, true, 12), ioasid, new SetView("p", 3, "mm", "A", 8, 2, "live"), [ioasid, idle]);
        var result = new CommandResult(new FreeOutcome(FreeResult.Ignored), RejectionReason.UnknownId, Errno.ENOENT, true, "IOASID 5 is not allocated",
            rows, 12, Fingerprint: "FreeIoasid:00");

        var json = ResultSerializer.Serialize(result);
        var back = ResultSerializer.Deserialize(Jsonb.Stored(json));

        back.ShouldBe(result);
        back.Rows.Ioasid!.Holders.Keys.ShouldBe(["core", "vfio", "kvm"]);
        back.Rows.Members[0].Holders.Keys.ShouldBe(["core", "vfio", "kvm"]);
        ResultSerializer.Serialize(back).ShouldBe(json);
    }

    [Fact]
    public void TheStoredResult_HoldsTheReplyAndTheRowsAsObjects_AndNoJsonInsideAString()
    {
        var ioasid = new RefcountView("p", 42, 7, 3, "idle", 1, new Dictionary<string, int> { ["core"] = 1 }, null, null);
        var result = new CommandResult(new IoasidGranted(42, 7), null, Errno.None, false, null, new ReplyRows(null, ioasid, null, []), 12);

        var stored = JsonNode.Parse(ResultSerializer.Serialize(result))!.AsObject();

        stored.Select(p => p.Key).ShouldBe(["reply", "reason", "errno", "ignored", "detail", "rows", "version", "replayed", "fingerprint"]);
        stored["reply"].ShouldBeOfType<JsonObject>();
        stored["rows"]!["ioasid"]!["holders"].ShouldBeOfType<JsonArray>();
        Strings(stored).ShouldAllBe(text => !text.StartsWith('{') && !text.StartsWith('['));
    }

    private static string NameOf(Type replyType) =>
        (string)typeof(CommandReply).GetCustomAttributes<JsonDerivedTypeAttribute>().Single(d => d.DerivedType == replyType).TypeDiscriminator!;

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };
}
