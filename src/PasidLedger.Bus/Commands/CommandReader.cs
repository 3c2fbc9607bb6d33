using System.Text.Json;
using PasidLedger.Application.Commands;
using PasidLedger.Contracts.V1;
using PasidLedger.Domain.Access;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Model;
using DomainPoolOptions = PasidLedger.Domain.Model.PoolOptions;
using WriterResult = PasidLedger.Application.Writing.CommandResult;

namespace PasidLedger.Bus.Commands;

/// <summary>
/// Reads a command message into the domain command HTTP would send for the same request, with the same field
/// checks (<see cref="CommandFields"/>), and names its result part (docs/wire-format.md §9). The acknowledgement
/// is read as an <see cref="AcknowledgementReading"/>: its domain command needs the notification looked up first.
/// </summary>
public static class CommandReader
{
    private static readonly Dictionary<string, Func<ReadOnlyMemory<byte>, Principal, CommandReading>> Readers = new()
    {
        [CreatePoolCommand.MessageType] = Of<CreatePoolCommand>((m, _) => CommandFields.Dispatch(m.Dispatch) is { } dispatch
            ? new BusCommand(m.Pool, new CreatePool(m.Pool, new DomainPoolOptions(dispatch, m.AutoDestroyWhenEmpty ?? false)), ResultParts.Capacity)
            : Invalid("'dispatch' must be perChainGlobalFirst or mergedByPriority")),
        [InstallCapacityCommand.MessageType] = Of<InstallCapacityCommand>((m, _) =>
            Checked(m.Pool, new InstallCapacity(m.Total), ResultParts.Install, CommandFields.U32(m.Total, "total"))),
        [ReserveCapacityCommand.MessageType] = Of<ReserveCapacityCommand>((m, _) =>
            Checked(m.Pool, new ReserveCapacity(m.Count), ResultParts.Reservation, CommandFields.U32(m.Count, "count"))),
        [CancelCapacityCommand.MessageType] = Of<CancelCapacityCommand>((m, _) =>
            Checked(m.Pool, new CancelCapacity(m.Count), ResultParts.Capacity, CommandFields.U32(m.Count, "count"))),
        [CreateSetCommand.MessageType] = Of<CreateSetCommand>((m, _) => CommandFields.SetTypeOf(m.Type) is { } type
            ? Checked(m.Pool, new CreateSet(type, m.Token, m.Quota), ResultParts.Set,
                CommandFields.U32(m.Quota, "quota"), CommandFields.OptionalText(m.Token, "token", CommandFields.MaxText))
            : Invalid("'type' must be \"mm\" or \"null\"")),
        [AdjustSetQuotaCommand.MessageType] = Of<AdjustSetQuotaCommand>((m, _) =>
            Checked(m.Pool, new AdjustSetQuota(m.SetId, m.Quota), ResultParts.Set, SetId(m.SetId), CommandFields.U32(m.Quota, "quota"))),
        [FreeSetCommand.MessageType] = Of<FreeSetCommand>((m, _) => Checked(m.Pool, new FreeSet(m.SetId), ResultParts.Set, SetId(m.SetId))),
        [ReleaseSetCommand.MessageType] = Of<ReleaseSetCommand>((m, _) => Checked(m.Pool, new ReleaseSet(m.SetId), ResultParts.Set, SetId(m.SetId))),
        [FreeAllInSetCommand.MessageType] = Of<FreeAllInSetCommand>((m, _) =>
            Checked(m.Pool, new FreeAllInSet(m.SetId), ResultParts.FreeAll, SetId(m.SetId))),
        [AllocateIoasidCommand.MessageType] = Of<AllocateIoasidCommand>((m, _) =>
            Checked(m.Pool, new AllocateIoasid(m.SetId, m.Min, m.Max, m.Private), ResultParts.Ioasid,
                SetId(m.SetId), CommandFields.OptionalText(m.Private, "private", CommandFields.MaxPrivate))),
        [AcquireRefCommand.MessageType] = Of<AcquireRefCommand>((m, _) =>
            Checked(m.Pool, new AcquireRef(m.Id, m.Holder, m.SetId, m.Generation), ResultParts.Ioasid, Holder(m.Holder), Handle(m.SetId, m.Generation))),
        [AcquireRefIfOwnedCommand.MessageType] = Of<AcquireRefIfOwnedCommand>((m, caller) =>
            Checked(m.Pool, new AcquireRefIfOwned(m.Id, m.Holder, caller.OwnershipCaller, m.Generation), ResultParts.Ioasid,
                Holder(m.Holder), Handle(null, m.Generation))),
        [ReleaseRefCommand.MessageType] = Of<ReleaseRefCommand>((m, _) =>
            Checked(m.Pool, new ReleaseRef(m.Id, m.Holder, m.SetId, m.Generation), ResultParts.Release, Holder(m.Holder), Handle(m.SetId, m.Generation))),
        [FreeIoasidCommand.MessageType] = Of<FreeIoasidCommand>((m, _) =>
            Checked(m.Pool, new FreeIoasid(m.Id, m.SetId, m.Generation), ResultParts.Free, Handle(m.SetId, m.Generation))),
        [AttachPrivateCommand.MessageType] = Of<AttachPrivateCommand>((m, _) =>
            Checked(m.Pool, new AttachPrivate(m.Id, m.Data, m.Generation), ResultParts.Ioasid,
                CommandFields.Text(m.Data, "data", CommandFields.MaxPrivate), Handle(null, m.Generation))),
        [DetachPrivateCommand.MessageType] = Of<DetachPrivateCommand>((m, _) =>
            Checked(m.Pool, new DetachPrivate(m.Id, m.Generation), ResultParts.Outcome("detached"), Handle(null, m.Generation))),
        [AttachSpidCommand.MessageType] = Of<AttachSpidCommand>((m, _) =>
            Checked(m.Pool, new AttachSpid(m.Id, m.Spid, m.Generation), ResultParts.Ioasid, Handle(null, m.Generation))),
        [DetachSpidCommand.MessageType] = Of<DetachSpidCommand>((m, _) =>
            Checked(m.Pool, new DetachSpid(m.Id, m.Generation), ResultParts.Outcome("unbound"), Handle(null, m.Generation))),
        [AcquireRefBySpidCommand.MessageType] = Of<AcquireRefBySpidCommand>((m, _) =>
            Checked(m.Pool, new AcquireRefBySpid(m.SetId, m.Spid, m.Holder), ResultParts.Lookup, SetId(m.SetId), Holder(m.Holder))),
        [RegisterNotifierCommand.MessageType] = Of<RegisterNotifierCommand>((m, _) => NotifierReading.Read(m)),
        [UnregisterNotifierCommand.MessageType] = Of<UnregisterNotifierCommand>((m, _) => m.Via switch
        {
            "set" => Checked(m.Pool, new UnregisterNotifier(m.NotifierId, UnregisterVia.Set), ResultParts.Outcome("unregistered"), SetId(m.NotifierId, "notifierId")),
            "mm" => Checked(m.Pool, new UnregisterNotifier(m.NotifierId, UnregisterVia.Mm), ResultParts.Outcome("unregistered"), SetId(m.NotifierId, "notifierId")),
            null => Checked(m.Pool, new UnregisterNotifier(m.NotifierId, UnregisterVia.Matching), ResultParts.Outcome("unregistered"), SetId(m.NotifierId, "notifierId")),
            _ => Invalid("'via' must be set or mm"),
        }),
        [QueueWorkCommand.MessageType] = Of<QueueWorkCommand>((m, _) =>
            Checked(m.Pool, new QueueWork(m.WorkId, m.By, m.Id), ResultParts.Work(m.WorkId), CommandFields.Text(m.WorkId, "workId"), CommandFields.Text(m.By, "by"))),
        [CompleteWorkCommand.MessageType] = Of<CompleteWorkCommand>((m, _) =>
            Checked(m.Pool, new CompleteWork(m.WorkId), ResultParts.None, CommandFields.Text(m.WorkId, "workId"))),
        [AcknowledgeNotificationCommand.MessageType] = Of<AcknowledgeNotificationCommand>((m, _) =>
            CommandFields.First([CommandFields.Pool(m.Pool), CommandFields.Text(m.Recipient, "recipient")]) is { } problem
                ? Invalid(problem)
                : new AcknowledgementReading(m.Pool, m.EventId, m.Recipient)),
    };

    /// <summary>The message types this endpoint reads: the routing keys its queue is bound with.</summary>
    public static IReadOnlyCollection<string> MessageTypes => Readers.Keys;

    /// <summary>The message of <paramref name="type"/> in <paramref name="body"/>, sent by <paramref name="caller"/>.</summary>
    public static CommandReading Read(string type, ReadOnlyMemory<byte> body, Principal caller) =>
        Readers.TryGetValue(type, out var read) ? read(body, caller) : Invalid($"'{type}' is not a command message type of the ledger");

    private static Func<ReadOnlyMemory<byte>, Principal, CommandReading> Of<T>(Func<T, Principal, CommandReading> translate) => (body, caller) =>
    {
        T? message;
        try
        {
            message = JsonSerializer.Deserialize<T>(body.Span, CommandJson.Options);
        }
        catch (JsonException bad)
        {
            return Invalid($"the body is not a {typeof(T).Name} in JSON: {bad.Message}");
        }

        if (message is null)
        {
            return Invalid("the body is null");
        }

        var reading = translate(message, caller);
        return reading is BusCommand command && CommandFields.Pool(command.Pool) is { } pool ? Invalid(pool) : reading;
    };

    /// <summary>A check of a holder's name: required, at most 200 characters.</summary>
    internal static string? Holder(string holder) => CommandFields.Text(holder, "holder");

    /// <summary>A set or notifier number: not negative, as HTTP's route values.</summary>
    internal static string? SetId(int setId, string field = "setId") => CommandFields.OptionalNonNegative(setId, field);

    /// <summary>A handle's optional set and generation: not negative when given, as HTTP's <c>RequestShape</c> checks them.</summary>
    internal static string? Handle(int? setId, int? generation) =>
        CommandFields.OptionalNonNegative(setId, "setId") ?? CommandFields.OptionalNonNegative(generation, "generation");

    internal static CommandReading Checked(string pool, PoolCommand command, Func<WriterResult, ResultPart> reply, params IEnumerable<string?> checks) =>
        CommandFields.First(checks) is { } problem ? Invalid(problem) : new BusCommand(pool, command, reply);

    internal static UnreadableCommand Invalid(string detail) => new(CommandRefusal.Invalid(detail));
}
