using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>
/// An X API v2 look-alike (<c>/sandbox/x/2</c>): mentions timeline newest first with <c>since_id</c>,
/// <c>max_results</c> and opaque <c>pagination_token</c>s; direct message events (<c>/2/dm_events</c>, paged the same way)
/// and sending DMs; rate-limit headers on every answer and 429 past the window.
/// </summary>
internal static class SandboxX
{
    public const string AccountId = "2244994945";

    /// <summary>The sandbox keeps direct messages apart from posts.</summary>
    public const string DirectMessages = "x-dm";

    /// <summary>A one-to-one conversation id as X forms it: the two user ids, smaller first.</summary>
    public static string ConversationId(string participantId) =>
        NumericOrder(participantId, AccountId) < 0 ? $"{participantId}-{AccountId}" : $"{AccountId}-{participantId}";

    /// <summary>Someone writes the account a direct message (what arrives by Account Activity and in /2/dm_events).</summary>
    public static SandboxComment ReceiveDirectMessage(SandboxState state, string senderId, string senderName, string text) =>
        state.Add(DirectMessages, ConversationId(senderId), senderId, senderName, text, id: state.NewId("x"));

    private static int NumericOrder(string a, string b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

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
            if (string.IsNullOrEmpty(text))
            {
                return SandboxHttp.Error("x", 400, "The text field is required (minLength 1).");
            }

            var message = state.Add(DirectMessages, ConversationId(participantId), AccountId, "salusdemo", text, byOrganisation: true, id: state.NewId("x"));
            state.Record("x", "private-message", participantId, text, message.Id);
            return Results.Json(new { data = new { dm_conversation_id = message.ThreadId, dm_event_id = message.Id } }, statusCode: 201);
        });

        // Direct message events, newest first, in pages of max_results (1-100, default 100) with opaque pagination tokens.
        x.MapGet("/dm_events", (HttpContext http, SandboxState state, int? max_results, string? pagination_token, string? event_types) =>
        {
            if ((Limited(http, state) ?? SandboxHttp.Gate(http, state, "x")) is { } refusal)
            {
                return refusal;
            }

            var size = Math.Clamp(max_results ?? 100, 1, 100);
            var all = state.Comments(DirectMessages).Where(m => !m.Deleted)
                .OrderByDescending(m => m.Id.Length).ThenByDescending(m => m.Id, StringComparer.Ordinal).ToList();
            var offset = pagination_token is { Length: > 1 } && int.TryParse(pagination_token[1..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) ? o : 0;
            var page = all.Skip(offset).Take(size).ToList();
            var next = offset + size < all.Count ? "d" + (offset + size).ToString(CultureInfo.InvariantCulture) : null;
            var previous = offset > 0 ? "d" + Math.Max(0, offset - size).ToString(CultureInfo.InvariantCulture) : null;
            if (page.Count == 0)
            {
                return Results.Json(new { meta = new { result_count = 0 } });
            }

            return Results.Json(new
            {
                data = page.Select(m => new
                {
                    id = m.Id, event_type = "MessageCreate", text = m.Text, sender_id = m.AuthorId, dm_conversation_id = m.ThreadId,
                    created_at = m.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                }),
                includes = new { users = page.DistinctBy(m => m.AuthorId).Select(m => new { id = m.AuthorId, name = m.AuthorName, username = m.AuthorName }) },
                meta = new { result_count = page.Count, next_token = next, previous_token = previous },
            }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
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

    /// <summary>An Account Activity delivery of a received direct message, with the sender in <c>users</c>.</summary>
    public static string DirectMessagePayload(SandboxComment message) =>
        JsonSerializer.Serialize(new
        {
            for_user_id = AccountId,
            direct_message_events = new[]
            {
                new
                {
                    type = "message_create", id = message.Id,
                    created_timestamp = message.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    message_create = new
                    {
                        target = new { recipient_id = AccountId }, sender_id = message.AuthorId,
                        message_data = new { text = message.Text, entities = new { hashtags = Array.Empty<object>(), symbols = Array.Empty<object>(), user_mentions = Array.Empty<object>(), urls = Array.Empty<object>() } },
                    },
                },
            },
            users = new Dictionary<string, object>
            {
                [message.AuthorId] = new { id = message.AuthorId, name = message.AuthorName, screen_name = message.AuthorName },
            },
        });

    public static string DeletePayload(string tweetId, string userId, DateTimeOffset at) =>
        JsonSerializer.Serialize(new
        {
            for_user_id = AccountId,
            tweet_delete_events = new[] { new { status = new { id = tweetId, user_id = userId }, timestamp_ms = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) } },
        });
}
