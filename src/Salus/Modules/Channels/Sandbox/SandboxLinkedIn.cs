using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>A LinkedIn REST look-alike (<c>/sandbox/linkedin/rest</c>): versioned headers required, posts by author, comments with start/count paging.</summary>
internal static class SandboxLinkedIn
{
    public const string Organization = "urn:li:organization:5515715";
    public const string Activity = "urn:li:activity:6844785523593134080";

    public static void Map(IEndpointRouteBuilder sandbox)
    {
        var li = sandbox.MapGroup("/linkedin/rest");
        li.MapGet("/organizations/{id}", (string id, HttpContext http, SandboxState state) =>
            Gate(http, state) ?? Results.Json(new { id = long.Parse(id, CultureInfo.InvariantCulture), localizedName = "Salus Demo Pharma" }));

        li.MapGet("/posts", (HttpContext http, SandboxState state, string? author) =>
            Gate(http, state) ?? Results.Json(new
            {
                elements = state.Comments("linkedin").Select(c => c.ThreadId).Distinct().Select(id => new { id, author = Organization, lifecycleState = "PUBLISHED" }),
                paging = new { start = 0, count = 20 },
            }));

        li.MapGet("/socialActions/{target}/comments", (string target, HttpContext http, SandboxState state, int? start, int? count) =>
        {
            if (Gate(http, state) is { } refusal)
            {
                return refusal;
            }

            var all = state.Comments("linkedin").Where(c => c.ThreadId == target && !c.Deleted).OrderBy(c => c.CreatedAt).ToList();
            var from = Math.Max(0, start ?? 0);
            var size = Math.Clamp(count ?? 10, 1, 100);
            return Results.Json(new
            {
                elements = all.Skip(from).Take(size).Select(Element),
                paging = new { start = from, count = size, total = all.Count },
            });
        });

        li.MapPost("/socialActions/{target}/comments", async (string target, HttpContext http, SandboxState state) =>
        {
            if (Gate(http, state) is { } refusal)
            {
                return refusal;
            }

            var body = await SandboxHttp.JsonBodyAsync(http.Request);
            var activity = SandboxHttp.Str(body, "object") ?? target;
            var text = SandboxHttp.Str(body.GetProperty("message"), "text") ?? "";
            var reply = state.Add("linkedin", activity, Organization, "Salus Demo Pharma", text, SandboxHttp.Str(body, "parentComment"), byOrganisation: true);
            var urn = $"urn:li:comment:({activity},{reply.Id})";
            state.Record("linkedin", "reply", target, text, urn);
            http.Response.Headers["x-restli-id"] = urn;
            return Results.StatusCode(StatusCodes.Status201Created);
        });

        li.MapDelete("/socialActions/{target}/comments/{commentId}", (string target, string commentId, HttpContext http, SandboxState state) =>
        {
            if (Gate(http, state) is { } refusal)
            {
                return refusal;
            }

            var comment = state.Find("linkedin", commentId);
            if (comment is null)
            {
                return SandboxHttp.Error("linkedin", 404, "Comment not found");
            }

            comment.Deleted = true;
            state.Record("linkedin", "delete", $"urn:li:comment:({target},{commentId})", null, commentId);
            return Results.NoContent();
        });
    }

    private static object Element(SandboxComment c) => new
    {
        id = c.Id,
        commentUrn = $"urn:li:comment:({c.ThreadId},{c.Id})",
        actor = c.AuthorId,
        @object = c.ThreadId,
        parentComment = c.ParentId,
        message = new { text = c.Text },
        created = new { actor = c.AuthorId, time = c.CreatedAt.ToUnixTimeMilliseconds() },
        lastModified = new { actor = c.AuthorId, time = c.UpdatedAt.ToUnixTimeMilliseconds() },
    };

    private static IResult? Gate(HttpContext http, SandboxState state)
    {
        if (string.IsNullOrEmpty(http.Request.Headers["LinkedIn-Version"]) || http.Request.Headers["X-Restli-Protocol-Version"] != "2.0.0")
        {
            return SandboxHttp.Error("linkedin", 426, "A LinkedIn-Version header (YYYYMM) and X-Restli-Protocol-Version: 2.0.0 are required.");
        }

        return SandboxHttp.Gate(http, state, "linkedin");
    }

    public static string CommentNotification(SandboxComment comment) =>
        JsonSerializer.Serialize(new
        {
            type = "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS",
            notifications = new[]
            {
                new
                {
                    action = "COMMENT", organizationalEntity = Organization, sourcePost = comment.ThreadId,
                    generatedActivity = $"urn:li:comment:({comment.ThreadId},{comment.Id})", lastModifiedAt = comment.UpdatedAt.ToUnixTimeMilliseconds(),
                },
            },
        });
}
