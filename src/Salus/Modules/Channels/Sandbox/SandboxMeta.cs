using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>A Graph API look-alike (<c>/sandbox/graph/v19.0</c>): comments and replies, hide, delete, private replies.</summary>
public static class SandboxMeta
{
    internal static void Map(IEndpointRouteBuilder sandbox)
    {
        var graph = sandbox.MapGroup("/graph/v19.0");
        graph.MapGet("/{id}", (string id, HttpContext http, SandboxState state) =>
            SandboxHttp.Gate(http, state, "graph") ?? Results.Json(new { id, name = "Salus Demo Pharma", username = "salusdemopharma" }));

        graph.MapPost("/{id}/{edge}", async (string id, string edge, HttpContext http, SandboxState state, SandboxMediaStore media, IHttpClientFactory clients) =>
        {
            if (SandboxHttp.Gate(http, state, "graph") is { } refusal)
            {
                return refusal;
            }

            var body = await SandboxHttp.JsonBodyAsync(http.Request);
            switch (edge)
            {
                case "comments" or "replies":
                    var parent = state.Find("facebook", id) ?? state.Find("instagram", id);
                    if (parent is null)
                    {
                        return SandboxHttp.Error("graph", 400, $"Unsupported post request. Object with ID '{id}' does not exist");
                    }

                    var text = SandboxHttp.Str(body, "message") ?? "";
                    // Like Graph, a photo comment's attachment_url is fetched by the platform: it must be publicly reachable.
                    var photo = SandboxHttp.Str(body, "attachment_url") is { } photoUrl ? await SandboxMedia.FetchAsync(clients, photoUrl) : null;
                    if (SandboxHttp.Str(body, "attachment_url") is not null && photo is null)
                    {
                        return SandboxHttp.Error("graph", 400, "(#100) The attachment_url could not be fetched.");
                    }

                    var reply = state.Add(parent.Platform, parent.ThreadId, "page", "Salus Demo Pharma", text, parent.Id, byOrganisation: true,
                        id: parent.Platform == "facebook" ? $"{parent.ThreadId.Split('_')[^1]}_{state.NewId("graph")}" : null);
                    state.Record(parent.Platform, "reply", id, text, reply.Id);
                    if (photo is not null)
                    {
                        media.Add(photo with { Platform = parent.Platform, Id = "photo_" + reply.Id });
                        media.Attach(parent.Platform, reply.Id, ["photo_" + reply.Id]);
                    }

                    return Results.Json(new { id = reply.Id });
                case "messages":
                    var recipient = body.GetProperty("recipient");
                    var target = SandboxHttp.Str(recipient, "comment_id") ?? SandboxHttp.Str(recipient, "id") ?? "";
                    var message = SandboxHttp.Str(body.GetProperty("message"), "text");
                    var messageId = "m_" + state.NewId("graph");
                    state.Record("facebook", "private-message", target, message, messageId);
                    return Results.Json(new { recipient_id = state.Find("facebook", target)?.AuthorId ?? target, message_id = messageId });
                default:
                    return SandboxHttp.Error("graph", 400, $"Unknown edge '{edge}'.");
            }
        });

        graph.MapPost("/{id}", async (string id, HttpContext http, SandboxState state) =>
        {
            if (SandboxHttp.Gate(http, state, "graph") is { } refusal)
            {
                return refusal;
            }

            var comment = state.Find("facebook", id) ?? state.Find("instagram", id);
            if (comment is null)
            {
                return SandboxHttp.Error("graph", 400, $"Object with ID '{id}' does not exist");
            }

            var body = await SandboxHttp.JsonBodyAsync(http.Request);
            var hide = body.TryGetProperty("is_hidden", out var h) ? h.GetBoolean() : body.TryGetProperty("hide", out var h2) && h2.GetBoolean();
            comment.Hidden = hide;
            state.Record(comment.Platform, hide ? "hide" : "unhide", id, null, id);
            return Results.Json(new { success = true });
        });

        graph.MapDelete("/{id}", (string id, HttpContext http, SandboxState state) =>
        {
            if (SandboxHttp.Gate(http, state, "graph") is { } refusal)
            {
                return refusal;
            }

            var comment = state.Find("facebook", id) ?? state.Find("instagram", id);
            if (comment is null)
            {
                return SandboxHttp.Error("graph", 400, $"Object with ID '{id}' does not exist");
            }

            comment.Deleted = true;
            state.Record(comment.Platform, "delete", id, null, id);
            return Results.Json(new { success = true });
        });
    }

    /// <summary>A Page <c>feed</c> webhook body for a new comment, in Meta's field layout.</summary>
    public static string FacebookCommentPayload(string pageId, SandboxComment comment, string verb = "add")
    {
        var postId = comment.ThreadId;
        var value = new Dictionary<string, object?>
        {
            ["from"] = new { id = comment.AuthorId, name = comment.AuthorName },
            ["post"] = new { status_type = "mobile_status_update", is_published = true, permalink_url = $"https://www.facebook.com/{pageId}/posts/{postId.Split('_')[^1]}", id = postId },
            ["message"] = comment.Text,
            ["post_id"] = postId,
            ["comment_id"] = comment.Id,
            ["created_time"] = comment.CreatedAt.ToUnixTimeSeconds(),
            ["item"] = "comment",
            ["parent_id"] = comment.ParentId ?? postId,
            ["verb"] = verb,
        };
        return JsonSerializer.Serialize(new
        {
            entry = new[] { new { id = pageId, time = comment.UpdatedAt.ToUnixTimeSeconds(), changes = new[] { new { value, field = "feed" } } } },
            @object = "page",
        });
    }

    public static string InstagramCommentPayload(string accountId, SandboxComment comment) =>
        JsonSerializer.Serialize(new
        {
            @object = "instagram",
            entry = new[]
            {
                new
                {
                    id = accountId, time = comment.CreatedAt.ToUnixTimeSeconds(),
                    changes = new[]
                    {
                        new
                        {
                            field = "comments",
                            value = new { from = new { id = comment.AuthorId, username = comment.AuthorName }, media = new { id = comment.ThreadId, media_product_type = "FEED" }, id = comment.Id, text = comment.Text },
                        },
                    },
                },
            },
        });
}
