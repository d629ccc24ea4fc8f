using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Salus.Platform.Audit;
using Salus.Platform.Identity;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Platform.Api;

public sealed record InviteUserRequest(
    string Email, string DisplayName, string[]? Roles, AccountKind Kind = AccountKind.Staff,
    StakeholderFunction? Function = null, string? Department = null, string? Market = null);

public sealed record SetRolesRequest(string[] Roles, string? Reason);

public sealed record ReasonRequest(string? Reason);

public sealed record MeResponse(string Id, string Name, string Kind, IReadOnlyList<string> Roles);

public sealed record AuditEntryResponse(
    long Sequence, DateTime TimestampUtc, string ActorId, string ActorName, string Action, string EntityType,
    string EntityId, string? OldValues, string? NewValues, string? Reason, string Hash);

public sealed record JobResponse(
    long Id, string Type, string Status, int Attempts, int MaxAttempts, DateTime RunAfterUtc, string? LastError, DateTime CreatedUtc);

/// <summary>The platform's own REST endpoints: the signed-in user, user administration, audit trail, jobs.</summary>
public static class PlatformApi
{
    public static IEndpointRouteBuilder MapPlatformApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Platform");

        api.MapGet("/me", (ClaimsPrincipal user) => new MeResponse(
                user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
                user.FindFirstValue(SalusClaimsFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "",
                user.FindFirstValue(AccessPolicies.AccountKindClaim) ?? "",
                [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]))
            .RequireAuthorization().WithName("GetMe").WithSummary("The signed-in user.");

        var users = api.MapGroup("/admin/users").RequireAuthorization(AccessPolicies.Administration).WithTags("Users");
        users.MapGet("/", async (UserAdministration admin, CancellationToken ct) => await admin.ListAsync(ct))
            .WithName("ListUsers").WithSummary("All users, active and deactivated.");
        users.MapGet("/{id}", async (string id, UserAdministration admin) =>
            (await admin.GetAsync(id)).ToHttp(TypedResults.Ok)).WithName("GetUser");
        users.MapPost("/", async (InviteUserRequest request, UserAdministration admin) =>
                (await admin.InviteAsync(new InviteUser(request.Email ?? "", request.DisplayName ?? "", request.Roles ?? [], request.Kind,
                    request.Function, request.Department, request.Market)))
                .ToHttp(u => TypedResults.Created($"/api/admin/users/{u.Id}", u)))
            .WithName("InviteUser").WithSummary("Creates an account and returns its one-time password.");
        users.MapPut("/{id}/roles", async (string id, SetRolesRequest request, UserAdministration admin) =>
            (await admin.SetRolesAsync(id, request.Roles ?? [], request.Reason)).ToHttp(TypedResults.Ok)).WithName("SetUserRoles");
        users.MapPost("/{id}/deactivate", async (string id, ReasonRequest? request, UserAdministration admin, ClaimsPrincipal me) =>
            (await admin.SetActiveAsync(id, false, request?.Reason, me.FindFirstValue(ClaimTypes.NameIdentifier) ?? "")).ToHttp(TypedResults.Ok))
            .WithName("DeactivateUser");
        users.MapPost("/{id}/reactivate", async (string id, ReasonRequest? request, UserAdministration admin, ClaimsPrincipal me) =>
            (await admin.SetActiveAsync(id, true, request?.Reason, me.FindFirstValue(ClaimTypes.NameIdentifier) ?? "")).ToHttp(TypedResults.Ok))
            .WithName("ReactivateUser");

        var audit = api.MapGroup("/audit").RequireAuthorization(AccessPolicies.AuditRead).WithTags("Audit");
        audit.MapGet("/", async ([AsParameters] AuditFilterQuery q, AuditQuery query, CancellationToken ct) =>
                (await query.PageAsync(q.ToFilter(), q.Skip ?? 0, q.Take ?? 100, ct)).Select(ToResponse))
            .WithName("ListAuditEntries").WithSummary("Newest first; filter by time, actor, entity and action.");
        audit.MapGet("/export", async ([AsParameters] AuditFilterQuery q, AuditQuery query, HttpContext http, CancellationToken ct) =>
            {
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = "attachment; filename=\"salus-audit.csv\"";
                await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), leaveOpen: true);
                await query.ExportCsvAsync(q.ToFilter(), writer, ct);
            })
            .WithName("ExportAuditCsv").WithSummary("The filtered trail as CSV, oldest first.");
        audit.MapGet("/verify", async (AuditVerifier verifier, CancellationToken ct) => await verifier.VerifyAsync(ct))
            .WithName("VerifyAuditChain").WithSummary("Recomputes the hash chain.");

        var jobs = api.MapGroup("/admin/jobs").RequireAuthorization(AccessPolicies.JobsAdmin).WithTags("Jobs");
        jobs.MapGet("/", async (string? status, SalusDbContext db, CancellationToken ct) =>
            {
                var query = db.Jobs.AsNoTracking();
                if (!string.IsNullOrEmpty(status))
                {
                    if (!Enum.TryParse<JobStatus>(status, ignoreCase: true, out var parsed))
                    {
                        return Errors.Validation("jobs.status", $"Unknown status '{status}'. Use pending, running, succeeded or deadletter.").ToProblem();
                    }

                    query = query.Where(j => j.Status == parsed);
                }

                var rows = await query.OrderByDescending(j => j.Id).Take(200).ToListAsync(ct);
                return TypedResults.Ok(rows.Select(j => new JobResponse(j.Id, j.Type, j.Status.ToString(), j.Attempts, j.MaxAttempts, j.RunAfterUtc, j.LastError, j.CreatedUtc)));
            })
            .WithName("ListJobs");
        jobs.MapPost("/{id:long}/retry", async (long id, JobQueue queue, CancellationToken ct) =>
                await queue.RetryAsync(id, ct) ? Microsoft.AspNetCore.Http.Results.NoContent()
                    : Errors.Conflict("jobs.not-dead-letter", "Only dead-lettered jobs can be retried.").ToProblem())
            .WithName("RetryJob");
        return app;
    }

    private static AuditEntryResponse ToResponse(AuditEntry a) =>
        new(a.Sequence, a.TimestampUtc, a.ActorId, a.ActorName, a.Action, a.EntityType, a.EntityId, a.OldValues, a.NewValues, a.Reason, a.Hash);
}

public sealed record AuditFilterQuery(
    DateTime? From, DateTime? To, string? Actor, string? EntityType, string? EntityId, string? Action, int? Skip, int? Take)
{
    public AuditFilter ToFilter() => new(
        From?.ToUniversalTime(), To?.ToUniversalTime(), Actor, EntityType, EntityId, Action);
}
