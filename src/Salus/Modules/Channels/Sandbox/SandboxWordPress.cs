using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>A WordPress REST look-alike (<c>/sandbox/wordpress/wp-json/wp/v2</c>): comments with page/per_page, X-WP-Total(Pages), Application Passwords.</summary>
internal static class SandboxWordPress
{
    public static void Map(IEndpointRouteBuilder sandbox)
    {
        var wp = sandbox.MapGroup("/wordpress/wp-json/wp/v2");
        wp.MapGet("/users/me", (HttpContext http, SandboxState state) =>
            SandboxHttp.Gate(http, state, "wordpress") ?? Results.Json(new { id = 1, name = "Salus Blog", slug = "salus" }));

        wp.MapGet("/comments", (HttpContext http, SandboxState state, int? page, int? per_page, string? after) =>
        {
            if (SandboxHttp.Gate(http, state, "wordpress") is { } refusal)
            {
                return refusal;
            }

            var size = per_page ?? 10;
            if (size is < 1 or > 100)
            {
                return Results.Json(new { code = "rest_invalid_param", message = "Invalid parameter(s): per_page", data = new { status = 400, @params = new { per_page = "per_page must be between 1 (inclusive) and 100 (inclusive)" } } }, statusCode: 400);
            }

            var since = after is null ? (DateTime?)null : DateTime.Parse(after, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            var all = state.Comments("wordpress").Where(c => !c.Deleted && c.Status == "approved" && (since is null || c.CreatedAt.UtcDateTime > since))
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id.Length).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
            var pages = Math.Max(1, (int)Math.Ceiling(all.Count / (double)size));
            var number = page ?? 1;
            if (number > pages && all.Count > 0)
            {
                return Results.Json(new { code = "rest_comment_invalid_page_number", message = "The page number requested is larger than the number of pages available.", data = new { status = 400 } }, statusCode: 400);
            }

            http.Response.Headers["X-WP-Total"] = all.Count.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-WP-TotalPages"] = pages.ToString(CultureInfo.InvariantCulture);
            return Results.Json(all.Skip((number - 1) * size).Take(size).Select(Comment));
        });

        wp.MapGet("/comments/{id}", (string id, HttpContext http, SandboxState state) =>
        {
            var comment = state.Find("wordpress", id);
            return SandboxHttp.Gate(http, state, "wordpress")
                ?? (comment is null ? Results.Json(new { code = "rest_comment_invalid_id", message = "Invalid comment ID.", data = new { status = 404 } }, statusCode: 404) : Results.Json(Comment(comment)));
        });

        wp.MapPost("/comments", async (HttpContext http, SandboxState state) =>
        {
            if (SandboxHttp.Gate(http, state, "wordpress") is { } refusal)
            {
                return refusal;
            }

            var body = await SandboxHttp.JsonBodyAsync(http.Request);
            var parent = SandboxHttp.Str(body, "parent");
            var text = SandboxHttp.Str(body, "content") ?? "";
            var reply = state.Add("wordpress", SandboxHttp.Str(body, "post") ?? "1", "1", "Salus Blog", text, parent is null or "0" ? null : parent, byOrganisation: true);
            state.Record("wordpress", "reply", parent ?? "", text, reply.Id);
            return Results.Json(Comment(reply), statusCode: 201);
        });

        wp.MapPost("/comments/{id}", async (string id, HttpContext http, SandboxState state) =>
        {
            if (SandboxHttp.Gate(http, state, "wordpress") is { } refusal)
            {
                return refusal;
            }

            var comment = state.Find("wordpress", id);
            if (comment is null)
            {
                return Results.Json(new { code = "rest_comment_invalid_id", message = "Invalid comment ID.", data = new { status = 404 } }, statusCode: 404);
            }

            var status = SandboxHttp.Str(await SandboxHttp.JsonBodyAsync(http.Request), "status");
            if (status is not null)
            {
                comment.Status = status;
                comment.Hidden = status != "approved";
                state.Record("wordpress", comment.Hidden ? "hide" : "unhide", id, null, id);
            }

            return Results.Json(Comment(comment));
        });

        wp.MapDelete("/comments/{id}", (string id, HttpContext http, SandboxState state) =>
        {
            if (SandboxHttp.Gate(http, state, "wordpress") is { } refusal)
            {
                return refusal;
            }

            var comment = state.Find("wordpress", id);
            if (comment is null)
            {
                return Results.Json(new { code = "rest_comment_invalid_id", message = "Invalid comment ID.", data = new { status = 404 } }, statusCode: 404);
            }

            comment.Deleted = true;
            state.Record("wordpress", "delete", id, null, id);
            return Results.Json(new { deleted = true, previous = Comment(comment) });
        });
    }

    private static object Comment(SandboxComment c) => new
    {
        id = long.Parse(c.Id, CultureInfo.InvariantCulture),
        post = long.TryParse(c.ThreadId, out var post) ? post : 1,
        parent = c.ParentId is null ? 0 : long.Parse(c.ParentId, CultureInfo.InvariantCulture),
        author = c.ByOrganisation ? 1 : 0,
        author_name = c.AuthorName,
        date = c.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        date_gmt = c.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        content = new { rendered = "<p>" + WebUtility.HtmlEncode(c.Text) + "</p>\n" },
        link = $"https://blog.example.org/?p={c.ThreadId}#comment-{c.Id}",
        status = c.Status,
        type = "comment",
    };
}
