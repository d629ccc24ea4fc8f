using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>
/// An X API v2 look-alike (<c>/sandbox/x/2</c>): mentions timeline newest first with <c>since_id</c>,
/// <c>max_results</c> and opaque <c>pagination_token</c>s; rate-limit headers on every answer and 429 past the window.
/// </summary>
internal static class SandboxX
{
    public const string AccountId = "2244994945";

    public static void Map(IEndpointRouteBuilder sandbox)
    {
        var x = sandbox.MapGroup("/x/2");
        x.MapGet("/users/me", (HttpContext http, SandboxState state) =>
            Limited(http, state) ?? SandboxHttp.Gate(http, state, "x") ?? Results.Json(new { data = new { id = AccountId, name = "Salus Demo Pharma", username = "salusdemo" } }));

        x.MapGet("/users/{id}/mentions", (string id, HttpContext http, SandboxState state, int? max_results, string? since_id, string? pagination_token) =>
        {
            if ((Limited(http, state) ?? SandboxHttp.Gate(http, state, "x")) is { } refusal)
            {
                return refusal;
            }

            var size = Math.Clamp(max_results ?? 10, 5, 100);
            var all = state.Comments("x").Where(c => !c.ByOrganisation && !c.Deleted && (since_id is null || string.CompareOrdinal(c.Id, since_id) > 0))
                .OrderByDescending(c => c.Id, StringComparer.Ordinal).ToList();
            var offset = pagination_token is { Length: > 1 } && int.TryParse(pagination_token[1..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) ? o : 0;
            var page = all.Skip(offset).Take(size).ToList();
            var next = offset + size < all.Count ? "p" + (offset + size).ToString(CultureInfo.InvariantCulture) : null;
            if (page.Count == 0)
            {
                return Results.Json(new { meta = new { result_count = 0 } });
            }

            return Results.Json(new
            {
                data = page.Select(c => new
                {
                    id = c.Id, text = c.Text, author_id = c.AuthorId, conversation_id = c.ThreadId, lang = (string?)null,
                    created_at = c.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    referenced_tweets = c.ParentId is null ? null : new[] { new { type = "replied_to", id = c.ParentId } },
                }),
                includes = new { users = page.DistinctBy(c => c.AuthorId).Select(c => new { id = c.AuthorId, name = c.AuthorName, username = c.AuthorName }) },
                meta = new { result_count = page.Count, newest_id = page[0].Id, oldest_id = page[^1].Id, next_token = next },
            }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        });

        x.MapPost("/tweets", async (HttpContext http, SandboxState state, SandboxMediaStore media) =>
        {
            if ((Limited(http, state) ?? SandboxHttp.Gate(http, state, "x")) is { } refusal)
            {
                return refusal;
            }

            var body = await SandboxHttp.JsonBodyAsync(http.Request);
            var text = SandboxHttp.Str(body, "text") ?? "";
            var parentId = body.TryGetProperty("reply", out var reply) ? SandboxHttp.Str(reply, "in_reply_to_tweet_id") : null;
            var parent = parentId is null ? null : state.Find("x", parentId);
            if (parentId is not null && parent is null)
            {
                return SandboxHttp.Error("x", 400, "The tweet you are replying to does not exist.");
            }

            string[] mediaIds = body.TryGetProperty("media", out var m) && m.TryGetProperty("media_ids", out var ids) ? [.. ids.EnumerateArray().Select(e => e.GetString() ?? "")] : [];
            if (mediaIds.Any(id => media.Find("x", id) is null))
            {
                return SandboxHttp.Error("x", 400, "Your media IDs are invalid.");
            }

            var tweet = state.Add("x", parent?.ThreadId ?? "", AccountId, "salusdemo", text, parentId, byOrganisation: true);
            media.Attach("x", tweet.Id, mediaIds);
            state.Record("x", "reply", parentId ?? "", text, tweet.Id);
            return Results.Json(new { data = new { id = tweet.Id, text } }, statusCode: 201);
        });

        x.MapPut("/tweets/{id}/hidden", async (string id, HttpContext http, SandboxState state) =>
        {
            if ((Limited(http, state) ?? SandboxHttp.Gate(http, state, "x")) is { } refusal)
            {
                return refusal;
            }

            var hidden = (await SandboxHttp.JsonBodyAsync(http.Request)).GetProperty("hidden").GetBoolean();
            var tweet = state.Find("x", id);
            if (tweet is null)
            {
                return SandboxHttp.Error("x", 404, "Not Found");
            }

            tweet.Hidden = hidden;
            state.Record("x", hidden ? "hide" : "unhide", id, null, id);
            return Results.Json(new { data = new { hidden } });
        });

        x.MapDelete("/tweets/{id}", (string id, HttpContext http, SandboxState state) =>
        {
            if ((Limited(http, state) ?? SandboxHttp.Gate(http, state, "x")) is { } refusal)
            {
                return refusal;
            }

            var tweet = state.Find("x", id);
            if (tweet is null || !tweet.ByOrganisation)
            {
                return SandboxHttp.Error("x", 403, "You are not allowed to delete a Tweet that you did not author.");
            }

            tweet.Deleted = true;
            state.Record("x", "delete", id, null, id);
            return Results.Json(new { data = new { deleted = true } });
        });

        x.MapPost("/dm_conversations/with/{participantId}/messages", async (string participantId, HttpContext http, SandboxState state) =>
        {
            if ((Limited(http, state) ?? SandboxHttp.Gate(http, state, "x")) is { } refusal)
            {
                return refusal;
            }

            var text = SandboxHttp.Str(await SandboxHttp.JsonBodyAsync(http.Request), "text");
            var eventId = state.NewId("x");
            state.Record("x", "private-message", participantId, text, eventId);
            return Results.Json(new { data = new { dm_conversation_id = $"{AccountId}-{participantId}", dm_event_id = eventId } }, statusCode: 201);
        });
    }

    /// <summary>Sets x-rate-limit-* on every answer; 429 once the window is used up.</summary>
    private static IResult? Limited(HttpContext http, SandboxState state)
    {
        var (limit, remaining, reset) = state.XRateLimit();
        http.Response.Headers["x-rate-limit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["x-rate-limit-remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["x-rate-limit-reset"] = reset.ToString(CultureInfo.InvariantCulture);
        return remaining < 0 ? SandboxHttp.Error("x", 429, "Too Many Requests") : null;
    }

    /// <summary>An Account Activity delivery of a mention, as X posts it to the webhook.</summary>
    public static string MentionPayload(SandboxComment tweet) =>
        JsonSerializer.Serialize(new
        {
            for_user_id = AccountId,
            tweet_create_events = new[]
            {
                new
                {
                    id_str = tweet.Id, text = tweet.Text, in_reply_to_status_id_str = tweet.ParentId,
                    timestamp_ms = tweet.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    user = new { id_str = tweet.AuthorId, screen_name = tweet.AuthorName, name = tweet.AuthorName },
                },
            },
        });

    public static string DeletePayload(string tweetId, string userId, DateTimeOffset at) =>
        JsonSerializer.Serialize(new
        {
            for_user_id = AccountId,
            tweet_delete_events = new[] { new { status = new { id = tweetId, user_id = userId }, timestamp_ms = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) } },
        });
}
