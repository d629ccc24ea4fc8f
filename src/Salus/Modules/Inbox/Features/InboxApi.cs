using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Conversations;
using Salus.Modules.Inbox.Features.Live;
using Salus.Modules.Inbox.Features.Metrics;
using Salus.Modules.Inbox.Features.Replies;
using Salus.Modules.Inbox.Features.Rota;
using Salus.Modules.Inbox.Features.Sla;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Inbox.Features;

public sealed record StatusRequest(ConversationStatus? Status);

public sealed record AssignRequest(string? AssigneeId);

public sealed record NoteRequest(string? Text);

public sealed record MoveToPrivateRequest(Guid? ItemId);

public sealed record HideRequest(bool Hidden = true);

public sealed record ApproveSavedReplyRequest(DateTime? ExpiresUtc);

public sealed record ReviewReplyRequest(bool Approve);

public sealed record HandoverRequest(string? Text);

public sealed record MergePersonRequest(Guid IntoPersonId);

/// <summary>The inbox over HTTP (<c>/api/inbox</c>): the same handlers the pages use.</summary>
internal static class InboxApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var work = endpoints.MapGroup("/api/inbox").RequireAuthorization(AccessPolicies.InboxWork).WithTags("Inbox");
        work.MapGet("/conversations", async ([AsParameters] ListQuery q, ClaimsPrincipal user, InboxQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(q.ToFilter(), Actor.From(user).Id, ct)))
            .WithSummary("Conversations in risk order (crisis, adverse event, medical question, the rest), filtered and searched.");
        work.MapGet("/conversations/{id:guid}", async (Guid id, InboxQueries queries, CancellationToken ct) =>
            await queries.DetailAsync(id, ct) is { } detail ? Results.Ok(Detail(detail)) : Errors.NotFound("inbox.conversation", "No such conversation.").ToProblem());
        work.MapPost("/conversations/{id:guid}/replies", async (Guid id, ReplyRequest request, ClaimsPrincipal user, ReplyService replies, CancellationToken ct) =>
            (await replies.SendAsync(id, request, Actor.From(user), ct)).ToHttp(r => TypedResults.Ok(ReplyView(r))))
            .WithSummary("Screens the reply under the policy, then sends it, holds it for MLR review, or refuses it.");
        work.MapPost("/conversations/{id:guid}/status", async (Guid id, StatusRequest request, ConversationActions actions, CancellationToken ct) =>
            request.Status is { } status
                ? (await actions.SetStatusAsync(id, status, ct)).ToHttp(_ => TypedResults.NoContent())
                : Errors.Validation("inbox.status", "Status is required.", new Dictionary<string, string[]> { ["status"] = ["new, open, waiting or resolved."] }).ToProblem());
        work.MapPost("/conversations/{id:guid}/assign", async (Guid id, AssignRequest request, ConversationActions actions, CancellationToken ct) =>
            (await actions.AssignAsync(id, request.AssigneeId, ct)).ToHttp(_ => TypedResults.NoContent()));
        work.MapPost("/conversations/{id:guid}/notes", async (Guid id, NoteRequest request, ClaimsPrincipal user, ConversationActions actions, CancellationToken ct) =>
            (await actions.AddNoteAsync(id, request.Text, Actor.From(user), ct)).ToHttp(n => TypedResults.Ok(new { n.Id })));
        work.MapPost("/conversations/{id:guid}/move-to-private", async (Guid id, MoveToPrivateRequest request, ClaimsPrincipal user, ConversationActions actions, CancellationToken ct) =>
            (await actions.MoveToPrivateAsync(id, request.ItemId, Actor.From(user), ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("Sends the approved public 'let's talk privately' reply, hides a comment with personal data, continues by private message.");
        work.MapPost("/conversations/bulk", async (BulkRequest request, ConversationActions actions, CancellationToken ct) =>
            (await actions.BulkAsync(request, ct)).ToHttp(n => TypedResults.Ok(new { updated = n })));
        work.MapPost("/items/{id:guid}/hide", async (Guid id, HideRequest request, ConversationActions actions, CancellationToken ct) =>
            (await actions.HideAsync(id, request.Hidden, ct)).ToHttp(_ => TypedResults.NoContent()));
        work.MapPost("/items/{id:guid}/delete", async (Guid id, ConversationActions actions, CancellationToken ct) =>
            (await actions.DeleteAsync(id, ct)).ToHttp(_ => TypedResults.NoContent()));
        work.MapPost("/items/{id:guid}/report-adverse-event", async (Guid id, ClaimsPrincipal user, ConversationActions actions, CancellationToken ct) =>
            (await actions.ReportAdverseEventAsync(id, Actor.From(user), ct)).ToHttp(_ => TypedResults.Accepted((string?)null)));
        work.MapPost("/people/{id:guid}/merge", async (Guid id, MergePersonRequest request, PersonLinking linking, CancellationToken ct) =>
            (await linking.MergeAsync(id, request.IntoPersonId, ct)).ToHttp(p => TypedResults.Ok(new { p.Id })))
            .WithSummary("Confirms two people are one across channels: identities and conversations move to intoPersonId.");
        work.MapPost("/notifications/{id:guid}/acknowledge", async (Guid id, ClaimsPrincipal user, SalusDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            var me = Actor.From(user).Id;
            var notification = await db.Set<InboxNotification>().FirstOrDefaultAsync(n => n.Id == id && n.RecipientId == me, ct);
            if (notification is null)
            {
                return Errors.NotFound("inbox.notification", "No such notification for you.").ToProblem();
            }

            notification.AcknowledgedUtc ??= time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithSummary("The recipient acknowledges a page or alert (recorded in the audit trail).");
        work.MapGet("/notifications", async (ClaimsPrincipal user, SalusDbContext db, CancellationToken ct) =>
        {
            var me = Actor.From(user).Id;
            return TypedResults.Ok(await db.Set<InboxNotification>().AsNoTracking().Where(n => n.RecipientId == me)
                .OrderByDescending(n => n.CreatedUtc).Take(100).ToListAsync(ct));
        });
        work.MapGet("/rota", async (SalusDbContext db, CancellationToken ct) => TypedResults.Ok(new
        {
            teams = await db.Set<Team>().AsNoTracking().ToListAsync(ct),
            shifts = await db.Set<Shift>().AsNoTracking().ToListAsync(ct),
            holidays = await db.Set<Holiday>().AsNoTracking().ToListAsync(ct),
        }));
        work.MapPost("/rota/teams/{id:guid}/handover", async (Guid id, HandoverRequest request, ClaimsPrincipal user, RotaService rota, CancellationToken ct) =>
            (await rota.AddHandoverAsync(id, request.Text, Actor.From(user), ct)).ToHttp(n => TypedResults.Ok(new { n.Id })));
        work.MapGet("/stream", StreamAsync).WithSummary("Server-Sent Events: new items, assignments, SLA warnings and pages, as they happen. ?once=true sends a hello and ends.");

        var lead = endpoints.MapGroup("/api/inbox").RequireAuthorization(AccessPolicies.InboxLead).WithTags("Inbox");
        lead.MapGet("/metrics", async (int? days, InboxMetrics metrics, CancellationToken ct) => TypedResults.Ok(await metrics.ReportAsync(days ?? 30, ct)));
        lead.MapGet("/sla-policies", async (SalusDbContext db, CancellationToken ct) => TypedResults.Ok(await db.Set<SlaPolicy>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct)));
        lead.MapPost("/sla-policies", async (SlaPolicyRequest request, SlaPolicyService policies, CancellationToken ct) =>
            (await policies.AddAsync(request, ct)).ToHttp(p => TypedResults.Ok(new { p.Id })))
            .WithSummary("Adds an SLA policy (risk level and/or market; around the clock or business hours) for conversations arriving from now on.");
        lead.MapPost("/rota/teams", async (TeamRequest request, RotaService rota, CancellationToken ct) =>
            (await rota.AddTeamAsync(request, ct)).ToHttp(t => TypedResults.Ok(new { t.Id })));
        lead.MapPost("/rota/shifts", async (ShiftRequest request, RotaService rota, CancellationToken ct) =>
            (await rota.AddShiftAsync(request, ct)).ToHttp(s => TypedResults.Ok(new { s.Id })));
        lead.MapPost("/rota/holidays", async (HolidayRequest request, RotaService rota, CancellationToken ct) =>
            (await rota.AddHolidayAsync(request, ct)).ToHttp(h => TypedResults.Ok(new { h.Id })));

        var library = endpoints.MapGroup("/api/inbox").RequireAuthorization(AccessPolicies.InboxLibrary).WithTags("Inbox");
        library.MapGet("/saved-replies", async (SalusDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Set<SavedReply>().AsNoTracking().OrderBy(r => r.Key).ThenBy(r => r.Language).ToListAsync(ct)));
        library.MapPost("/saved-replies", async (SavedReplyDraft draft, ClaimsPrincipal user, SavedReplyService service, CancellationToken ct) =>
            (await service.CreateAsync(draft, Actor.From(user), ct)).ToHttp(r => TypedResults.Ok(new { r.Id })));

        var mlr = endpoints.MapGroup("/api/inbox").RequireAuthorization(AccessPolicies.MlrReview).WithTags("Inbox");
        mlr.MapPost("/saved-replies/{id:guid}/approve", async (Guid id, ApproveSavedReplyRequest request, ClaimsPrincipal user, SavedReplyService service, CancellationToken ct) =>
            (await service.ApproveAsync(id, request.ExpiresUtc, Actor.From(user), ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("MLR approval of a saved reply, valid until expiresUtc.");
        mlr.MapPost("/replies/{id:guid}/review", async (Guid id, ReviewReplyRequest request, ClaimsPrincipal user, ReplyService replies, CancellationToken ct) =>
            (await replies.ReviewAsync(id, request.Approve, Actor.From(user), ct)).ToHttp(r => TypedResults.Ok(ReplyView(r))));
    }

    private static async Task StreamAsync(HttpContext context, InboxLiveFeed feed, IOptions<InboxOptions> options, bool? once)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync("retry: 3000\nevent: hello\ndata: {}\n\n", context.RequestAborted);
        await response.Body.FlushAsync(context.RequestAborted);
        if (once == true)
        {
            return;
        }

        using var subscription = feed.Subscribe();
        var heartbeat = TimeSpan.FromSeconds(options.Value.LiveHeartbeatSeconds);
        try
        {
            while (!context.RequestAborted.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                wait.CancelAfter(heartbeat);
                try
                {
                    var update = await subscription.Reader.ReadAsync(wait.Token);
                    await response.WriteAsync($"event: {update.Kind}\ndata: {JsonSerializer.Serialize(update, Json)}\n\n", context.RequestAborted);
                }
                catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
                {
                    await response.WriteAsync(": keep-alive\n\n", context.RequestAborted);
                }

                await response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The browser went away.
        }
    }

    private static object ReplyView(OutboundReply r) => new { r.Id, status = r.Status.ToString(), r.Decision, r.Reasons, r.Text, r.PlatformId, r.Error };

    private static object Detail(ConversationDetail d) => new
    {
        conversation = d.Conversation, person = d.Person, identities = d.Identities,
        items = d.Items.Select(i => new
        {
            i.Id, i.PlatformItemId, kind = i.ItemKind.ToString(), i.Text, i.Language, i.AuthorHandle, i.AuthorDisplayName, i.OccurredUtc, i.Edited,
            i.DeletedOnPlatform, i.Hidden, priority = i.Priority.ToString(), categories = Ingest.ItemScreening.Unpipe(i.Categories), i.Decision,
            findings = Ingest.ItemScreening.Findings(i.FindingsJson), i.Clauses, i.RoutedTo, i.PvCaseId,
        }),
        replies = d.Replies.Select(ReplyView), notes = d.Notes, history = d.PersonHistory, notifications = d.Notifications,
        crisisResources = d.Conversation.Priority == RiskPriority.Crisis ? CrisisResources.For(d.Conversation.Market) : null,
    };

    internal sealed record ListQuery(string? Channel, ConversationStatus? Status, string? Category, string? Assignee, string? Market, string? Language, string? Queue, string? Q, Guid? Person)
    {
        public InboxFilter ToFilter() => new(Channel, Status, Category, Assignee, Market, Language, Queue, Q, Person);
    }
}
