using System.Text.Json;
using PasidLedger.Application.Ports;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Serialization;
using PasidLedger.Domain;
using PasidLedger.Domain.Access;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.State;

namespace PasidLedger.Application.Writing;

/// <summary>
/// One batch of the pool writer: decide every command against the state in order (folding each
/// one's events before the next is decided), then gather what it writes (events, read models,
/// idempotency keys, rejections and maybe a snapshot) into one <see cref="PoolCommit"/>.
/// </summary>
internal sealed class GroupCommit(string pool, PoolState state, TimeProvider clock, ReadModelProjector projector)
{
    private readonly long startVersion = state.Version;
    private readonly List<RecordedEvent> events = [];
    private readonly List<RejectionRecord> rejections = [];
    private readonly List<(string Key, string ResultJson)> keyed = [];
    private readonly Dictionary<string, CommandResult> decidedKeys = [];

    public CommandResult[] Results { get; private set; } = [];

    /// <summary>Decides <paramref name="batch"/> against <paramref name="state"/> (folding it in) and commits it through <paramref name="tx"/>.</summary>
    public static async Task<CommandResult[]> CommitAsync(string pool, PoolState state, TimeProvider clock, IPoolTransaction tx,
        List<PendingCommand> batch, int snapshotEvery, CancellationToken ct)
    {
        var group = await DecideAsync(pool, state, clock, tx, batch, ct).ConfigureAwait(false);
        await tx.CommitAsync(group.TakeCommit(snapshotEvery), ct).ConfigureAwait(false);
        return group.Results;
    }

    /// <summary>Decides <paramref name="batch"/> against <paramref name="state"/>, folding it in; nothing is written yet.</summary>
    public static async Task<GroupCommit> DecideAsync(string pool, PoolState state, TimeProvider clock, IPoolTransaction tx,
        List<PendingCommand> batch, CancellationToken ct)
    {
        var group = new GroupCommit(pool, state, clock, new ReadModelProjector());
        await group.DecideAsync(tx, batch, ct).ConfigureAwait(false);
        return group;
    }

    private async Task DecideAsync(IPoolTransaction tx, List<PendingCommand> batch, CancellationToken ct)
    {
        var keys = batch.Select(p => p.Envelope.IdempotencyKey).OfType<string>().Distinct().ToArray();
        var stored = keys.Length > 0 ? await tx.FindResultsAsync(keys, ct).ConfigureAwait(false) : new Dictionary<string, string>();
        Results = new CommandResult[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var envelope = batch[i].Envelope;
            Results[i] = envelope.Access is { } who && CommandAccess.Refusal(state, who, envelope.Command) is { } refusal
                ? Refused(refusal)
                : envelope.IdempotencyKey is { } key && stored.TryGetValue(key, out var json)
                ? Replay(envelope, key, ResultSerializer.Deserialize(json))
                : envelope.IdempotencyKey is { } seen && decidedKeys.TryGetValue(seen, out var earlier)
                    ? Replay(envelope, seen, earlier)
                    : Decide(envelope);
        }
    }

    /// <summary>What the decided batch writes (call once: it takes the read-model changes); a snapshot when it crossed a multiple of <paramref name="snapshotEvery"/> events.</summary>
    public PoolCommit TakeCommit(int snapshotEvery) => new(
        startVersion,
        events,
        events.Count > 0 ? projector.TakeChanges(state) : null,
        keyed,
        rejections,
        state.Version / snapshotEvery > startVersion / snapshotEvery ? PoolSnapshots.Take(state) : null);

    /// <summary>A command its principal may not send: nothing of it is recorded in the pool (the API audits the refusal).</summary>
    private CommandResult Refused(string refusal) =>
        new(null, RejectionReason.Forbidden, Errno.EPERM, false, refusal, ReplyRows.None, state.Version);

    /// <summary>A retry gets the first result; the same key with another command is refused and changes nothing.</summary>
    private CommandResult Replay(CommandEnvelope envelope, string key, CommandResult first) =>
        first.Fingerprint is { } fingerprint && fingerprint != CommandFingerprint.Of(envelope.Command)
            ? new CommandResult(null, RejectionReason.IdempotencyKeyReused, Errno.EEXIST, false,
                $"Idempotency-Key {key} was first used for a different command ({fingerprint.Split(':')[0]})", ReplyRows.None, state.Version)
            : first with { Replayed = true };

    private CommandResult Decide(CommandEnvelope envelope)
    {
        var decision = Pool.Decide(state, envelope.Command);
        var now = clock.GetUtcNow();
        var correlation = envelope.CorrelationId ?? Version7Ids.Next(now);
        var commandId = Version7Ids.Next(now);
        foreach (var @event in decision.Events)
        {
            Pool.Evolve(state, @event);
            projector.Touch(@event);
            events.Add(new RecordedEvent(Version7Ids.Next(now), state.Version, @event, now, correlation, envelope.CausationId,
                commandId, envelope.Caller, envelope.IdempotencyKey));
        }

        var result = CommandResult.Of(decision, ReplyRows.Of(state, envelope.Command, decision), state.Version);
        if (!state.IsCreated)
        {
            return result; // An unknown pool stores nothing: no rejection row, no idempotency key.
        }

        Audit(envelope, decision, now, correlation);
        if (envelope.IdempotencyKey is { } key)
        {
            result = result with { Fingerprint = CommandFingerprint.Of(envelope.Command) };
            keyed.Add((key, ResultSerializer.Serialize(result)));
            decidedKeys[key] = result;
        }

        return result;
    }

    private void Audit(CommandEnvelope envelope, Decision decision, DateTimeOffset now, Guid correlation)
    {
        if (decision.Rejection is null && decision.ReactionRejections.Count == 0)
        {
            return; // Nothing to record: skip serializing the command, which most commands would pay for nothing.
        }

        var command = envelope.Command;
        var json = JsonSerializer.Serialize(command, command.GetType(), LedgerJson.AuditOptions);
        var subject = CommandSubject.Of(command).In(state);
        if (decision.Rejection is { } rejection)
        {
            rejections.Add(new RejectionRecord(pool, rejection.Reason, rejection.Errno, rejection.Ignored, rejection.Detail,
                envelope.Caller, command.GetType().Name, json, now, correlation, state.Version, subject));
        }

        foreach (var refused in decision.ReactionRejections)
        {
            var r = refused.Rejection;
            rejections.Add(new RejectionRecord(pool, r.Reason, r.Errno, r.Ignored, r.Detail, refused.Notifier,
                $"Reaction:{refused.Action}", json, now, correlation, state.Version, subject));
        }
    }
}
