using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using PasidLedger.Api.Auth;
using PasidLedger.Api.Hosting;
using PasidLedger.Api.OpenApi;
using PasidLedger.Api.Requests;
using PasidLedger.Api.Responses;
using PasidLedger.Application.Commands;
using PasidLedger.Domain.Commands;
using PasidLedger.Domain.Deciding;
using PasidLedger.Domain.Errors;
using PasidLedger.Domain.Model;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Api.Endpoints;

/// <summary>Notifier registrations (DOMAIN.md 2.5).</summary>
internal static class NotifierEndpoints
{
    public static void Map(RouteGroupBuilder pool)
    {
        var notifiers = pool.MapGroup(string.Empty).WithTags("Notifiers").ProducesProblem(StatusCodes.Status404NotFound);
        notifiers.MapPost("/notifiers", RegisterAsync)
            .WithName("RegisterNotifier").WithSummary("Register a notifier on the global chain, a set's chain, or for an mm token")
            .Produces<NotifierAddedBody>(StatusCodes.Status201Created);
        notifiers.MapDelete("/notifiers/{notifierId}", (HttpContext http, string pool, int notifierId,
            [AllowedValues("set", "mm"), Description("The call to unregister with; without it, the one matching the registration.")] string? via) =>
        {
            // Without 'via', the pool picks the call matching the registration (unregister_notifier_mm for mm ones).
            UnregisterVia? how = via switch { "set" => UnregisterVia.Set, "mm" => UnregisterVia.Mm, null => UnregisterVia.Matching, _ => null };
            return how is null
                ? Task.FromResult(ApiProblems.Invalid("'via' must be set or mm"))
                : CommandDispatch.SendAsync(http, pool, new UnregisterNotifier(notifierId, how.Value), r => ReplyBodies.Outcome(r, "unregistered"));
        })
            .WithName("UnregisterNotifier").WithSummary("Unregister a notifier; ignored when there is no such registration").Produces<OutcomeBody>();
        notifiers.MapGet("/notifiers", async (HttpContext http, string pool, ReadModelQueries queries, CancellationToken ct) =>
            AsOf.Requested(http)
                ? await AsOf.ViewAsync(http, pool, past => (PastViews.Notifiers(past.State).Select(RowBodies.Notifier).ToList(), null)).ConfigureAwait(false)
            : await queries.CapacityAsync(pool, ct).ConfigureAwait(false) is null
                ? ApiProblems.UnknownPool(pool)
                : Results.Ok((await queries.NotifiersAsync(pool, ct).ConfigureAwait(false)).Select(RowBodies.Notifier).ToList()))
            .WithPastViews()
            .WithName("ListNotifiers").WithSummary("Every registration: the global chain first, active first, then by set, priority and chain order")
            .Produces<List<NotifierBody>>()
            .WithMetadata(ReadScope.PoolWide);
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, string pool, RegisterNotifierRequest body)
    {
        var scope = CommandFields.Word<NotifierScope>(body.Scope);
        var priority = CommandFields.Word<Priority>(body.Priority);
        var reactions = (body.Reactions ?? []).Select(r => (CommandFields.Word<NotificationKind>(r?.On), ParseAction(r?.Action), r?.Holder)).ToList();
        var check = Validate.First(
            Validate.Text(body.Name, "name"),
            Validate.OptionalText(body.Endpoint, "endpoint", CommandFields.MaxEndpoint),
            scope is null ? ApiProblems.Problem(StatusCodes.Status400BadRequest, "InvalidScope", Errno.EINVAL, "'scope' must be global, set or mm") : null,
            priority is null ? ApiProblems.Problem(StatusCodes.Status400BadRequest, "InvalidPriority", Errno.EINVAL, "'priority' must be cpu, iommu, device or last") : null,
            reactions.Any(r => r.Item1 is null || r.Item2 is null)
                ? ApiProblems.Invalid("each reaction needs 'on' (alloc|free|bind|unbind) and 'action' (get|put|queue_work|detach_spid|detach_data|free)") : null,
            scope == NotifierScope.Set ? Validate.Required(body.SetId, "setId") : null,
            scope == NotifierScope.Mm ? Validate.Text(body.Token, "token") : null);
        if (check is not null)
        {
            return check;
        }

        var command = new RegisterNotifier(body.Name!, scope!.Value, body.SetId, body.Token, priority!.Value, body.Endpoint,
            [.. reactions.Select(r => new Reaction(r.Item1!.Value, r.Item2!.Value, r.Holder))]);
        return await CommandDispatch.SendAsync(http, pool, command,
            r => r.Reply is NotifierAdded added ? new NotifierAddedBody(added.NotifierId, added.Active) : null,
            StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static ReactionAction? ParseAction(string? action) => action switch
    {
        "get" => ReactionAction.Get,
        "put" => ReactionAction.Put,
        "queue_work" => ReactionAction.QueueWork,
        "detach_spid" => ReactionAction.DetachSpid,
        "detach_data" => ReactionAction.DetachData,
        "free" => ReactionAction.Free,
        _ => null,
    };
}
