using System.Reflection;
using System.Runtime.CompilerServices;
using PasidLedger.Application.ReadModels;
using PasidLedger.Application.Serialization;
using PasidLedger.Application.Writing;
using PasidLedger.Domain;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.State;
using Shouldly;
using Xunit;

namespace PasidLedger.Application.Tests.Writing;

/// <summary>
/// The writer answers data (issue 9, "Replies are data"): the domain's reply, the rejection and the rows
/// the reply carries, taken right after the fold, from an envelope that holds no code of its caller.
/// </summary>
public sealed class TypedResultTests
{
    private const string Pool = "p";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_allocation_then_a_get_answer_their_replies_and_the_IOASID_row_after_each_command()
    {
        await using var writer = new PoolWriter(Pool, new ScriptedPoolStore(Pool), new WriterOptions(), TimeProvider.System);

        var allocated = await writer.SubmitAsync(new CommandEnvelope(new AllocateIoasid(0, 1, 10, "pdata")), Ct);
        var got = await writer.SubmitAsync(new CommandEnvelope(new AcquireRef(1, "kvm", 0)), Ct);

        allocated.Reply.ShouldBe(new IoasidGranted(1, 1));
        allocated.Rows.ShouldBe(new ReplyRows(null, new RefcountView(Pool, 1, 1, 0, "idle", 1, Holders(("core", 1)), null, "pdata"), null, []));
        got.Reply.ShouldBe(new RefsChanged(1, 2, false));
        got.Rows.Ioasid.ShouldBe(new RefcountView(Pool, 1, 1, 0, "active", 2, Holders(("core", 1), ("kvm", 1)), null, "pdata"));
        got.Rows.Ioasid!.Holders.Keys.ShouldBe(["core", "kvm"]);
    }

    [Fact]
    public async Task A_set_call_answers_the_set_row_with_its_members_in_ascending_order_and_a_capacity_call_the_capacity()
    {
        await using var writer = new PoolWriter(Pool, new ScriptedPoolStore(Pool), new WriterOptions(), TimeProvider.System);
        foreach (var min in new uint[] { 5, 2 })
        {
            (await writer.SubmitAsync(new CommandEnvelope(new AllocateIoasid(0, min, 10, null)), Ct)).Failed.ShouldBeFalse();
        }

        var adjusted = await writer.SubmitAsync(new CommandEnvelope(new AdjustSetQuota(0, 6)), Ct);
        var reserved = await writer.SubmitAsync(new CommandEnvelope(new ReserveCapacity(1)), Ct);

        adjusted.Rows.Set.ShouldBe(new SetView(Pool, 0, "null", null, 6, 2, "live"));
        adjusted.Rows.Members.Select(m => m.Id).ShouldBe([2u, 5u]);
        adjusted.Rows.Ioasid.ShouldBeNull();
        reserved.Reply.ShouldBeOfType<CapacityChanged>().Count.ShouldBe(1);
        reserved.Rows.Capacity.ShouldNotBeNull().Available.ShouldBe(((CapacityChanged)reserved.Reply!).Available);
    }

    [Fact]
    public async Task A_command_refused_with_an_error_answers_its_rejection_and_no_rows()
    {
        await using var writer = new PoolWriter(Pool, new ScriptedPoolStore(Pool), new WriterOptions(), TimeProvider.System);

        var refused = await writer.SubmitAsync(new CommandEnvelope(new AcquireRef(9, "kvm", 0)), Ct);

        refused.Failed.ShouldBeTrue();
        (refused.Reason, refused.Errno).ShouldBe((RejectionReason.UnknownId, Errno.EINVAL));
        refused.Rows.ShouldBe(ReplyRows.None);
    }

    [Fact]
    public async Task A_keyed_retry_in_a_later_batch_answers_the_first_result_as_the_store_gave_it_back()
    {
        var store = new ScriptedPoolStore(Pool);
        await using var writer = new PoolWriter(Pool, store, new WriterOptions(), TimeProvider.System);
        var allocate = new CommandEnvelope(new AllocateIoasid(0, 1, 10, null), IdempotencyKey: "alloc-1");

        var first = await writer.SubmitAsync(allocate, Ct);
        await writer.SubmitAsync(new CommandEnvelope(new AcquireRef(1, "kvm", 0)), Ct);
        var retry = await writer.SubmitAsync(allocate, Ct);
        var reused = await writer.SubmitAsync(allocate with { Command = new AllocateIoasid(0, 2, 10, null) }, Ct);

        store.Results["alloc-1"].ShouldBe(Jsonb.Stored(ResultSerializer.Serialize(first)));
        retry.Replayed.ShouldBeTrue();
        retry.ShouldBe(first with { Replayed = true });
        retry.Rows.Ioasid.ShouldNotBeNull().Refs.ShouldBe(1, "the first answer, not the state now");
        (reused.Reason, reused.Errno, reused.Rows).ShouldBe((RejectionReason.IdempotencyKeyReused, Errno.EEXIST, ReplyRows.None));
    }

    [Fact]
    public void Every_command_type_has_the_rows_of_its_reply_defined()
    {
        var state = Domain.Pool.Replay(Domain.Pool.Decide(new PoolState(), new CreatePool(Pool)).Events);
        var done = new Decision([], Acknowledged.Instance, null, []);
        var commandTypes = typeof(PoolCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PoolCommand)) && !t.IsAbstract).ToList();

        commandTypes.Count.ShouldBeGreaterThan(20);
        foreach (var type in commandTypes)
        {
            var command = (PoolCommand)RuntimeHelpers.GetUninitializedObject(type);
            Should.NotThrow(() => ReplyRows.Of(state, command, done), type.Name);
        }
    }

    [Fact]
    public void The_envelope_and_the_result_hold_data_only_so_no_code_of_the_caller_runs_in_the_writer()
    {
        foreach (var type in Reachable(typeof(CommandEnvelope)).Concat(Reachable(typeof(CommandResult))))
        {
            type.IsSubclassOf(typeof(Delegate)).ShouldBeFalse(type.FullName);
        }
    }

    private static Dictionary<string, int> Holders(params (string Holder, int Count)[] holders) =>
        holders.ToDictionary(h => h.Holder, h => h.Count);

    /// <summary>
    /// The types a value of <paramref name="root"/> can hold, transitively: its properties' types, their type
    /// arguments and, for the ledger's own types, their subtypes (every command, every reply).
    /// </summary>
    private static HashSet<Type> Reachable(Type root)
    {
        var seen = new HashSet<Type>();
        var next = new Stack<Type>([root]);
        while (next.TryPop(out var type))
        {
            var ledger = type.Namespace?.StartsWith("PasidLedger", StringComparison.Ordinal) == true;
            if (!seen.Add(type) || !ledger && !type.IsGenericType)
            {
                continue;
            }

            var inner = type.GetGenericArguments().AsEnumerable();
            if (ledger)
            {
                inner = inner.Concat(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.PropertyType))
                    .Concat(type.Assembly.GetTypes().Where(t => t.IsSubclassOf(type)));
            }

            foreach (var held in inner)
            {
                next.Push(held);
            }
        }

        return seen;
    }
}
