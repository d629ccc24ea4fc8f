using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>
/// A Mastodon look-alike (<c>/sandbox/mastodon/api/v1</c>): notifications with Link paging, statuses with
/// Idempotency-Key, status look-ups (single and <c>id[]</c>, with rate-limit headers), and the streaming API (user
/// stream as server-sent events, health check). Tests edit or delete a status while no stream is open with
/// <see cref="SandboxState.Edit"/> / <see cref="SandboxState.Delete"/>: the change is then only visible to look-ups.
/// </summary>
internal static class SandboxMastodon
{
    public const string AccountId = "109000000000000001";

    public static void Map(IEndpointRouteBuilder sandbox)
    {
        var api = sandbox.MapGroup("/mastodon/api/v1");
        api.MapGet("/accounts/verify_credentials", (HttpContext http, SandboxState state) =>
            SandboxHttp.Gate(http, state, "mastodon") ?? Results.Json(new { id = AccountId, username = "salusdemo", acct = "salusdemo", display_name = "Salus Demo Pharma" }));

        api.MapGet("/accounts/{id}", (string id, HttpContext http, SandboxState state) =>
        {
            var author = state.Comments("mastodon").FirstOrDefault(c => c.AuthorId == id);
            return SandboxHttp.Gate(http, state, "mastodon")
                ?? (author is null ? SandboxHttp.Error("mastodon", 404, "Record not found") : Results.Json(new { id, username = author.AuthorName.Split('@')[0], acct = author.AuthorName, display_name = author.AuthorName }));
        });

        api.MapGet("/notifications", (HttpContext http, SandboxState state, string? since_id, string? max_id, string? min_id, int? limit) =>
        {
            if (SandboxHttp.Gate(http, state, "mastodon") is { } refusal)
            {
                return refusal;
            }

            var size = Math.Clamp(limit ?? 40, 1, 80);
            var all = state.Comments("mastodon").Where(c => !c.ByOrganisation && !c.Deleted)
                .Where(c => since_id is null || Compare(c.Id, since_id) > 0).Where(c => min_id is null || Compare(c.Id, min_id) > 0)
                .Where(c => max_id is null || Compare(c.Id, max_id) < 0)
                .OrderByDescending(c => c.Id.Length).ThenByDescending(c => c.Id, StringComparer.Ordinal).ToList();
            var page = all.Take(size).ToList();
            if (page.Count > 0)
            {
                var self = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}";
                var links = new List<string>();
                if (all.Count > size)
                {
                    links.Add($"<{self}?limit={size}&max_id={page[^1].Id}{(since_id is null ? "" : "&since_id=" + since_id)}>; rel=\"next\"");
                }

                links.Add($"<{self}?limit={size}&min_id={page[0].Id}>; rel=\"prev\"");
                http.Response.Headers.Link = string.Join(", ", links);
            }

            return Results.Json(page.Select(Notification));
        });

        api.MapGet("/streaming/health", (SandboxState state) => state.StreamsAvailable
            ? Results.Text("OK", "text/plain", Encoding.UTF8)
            : Results.Text("Service Unavailable", "text/plain", Encoding.UTF8, 503));
        api.MapGet("/streaming/user", (HttpContext http, SandboxState state) => StreamAsync(http, state, notificationsOnly: false));
        api.MapGet("/streaming/user/notification", (HttpContext http, SandboxState state) => StreamAsync(http, state, notificationsOnly: true));
        api.MapGet("/streaming", (HttpContext http, SandboxState state, string? stream) => stream switch
        {
            "user" => StreamAsync(http, state, notificationsOnly: false),
            "user:notification" => StreamAsync(http, state, notificationsOnly: true),
            // Hostname discovery: no separate streaming host, so Not Found (the documented answer).
            _ => SandboxHttp.Error("mastodon", 404, "Not Found").ExecuteAsync(http),
        });

        api.MapPost("/statuses", async (HttpContext http, SandboxState state, SandboxMediaStore media) =>
        {
            if (SandboxHttp.Gate(http, state, "mastodon") is { } refusal)
            {
                return refusal;
            }

            var body = await SandboxHttp.JsonBodyAsync(http.Request);
            var text = SandboxHttp.Str(body, "status") ?? "";
            var inReplyTo = SandboxHttp.Str(body, "in_reply_to_id");
            var visibility = SandboxHttp.Str(body, "visibility") ?? "public";
            string[] mediaIds = body.TryGetProperty("media_ids", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.Array ? [.. m.EnumerateArray().Select(e => e.GetString() ?? "")] : [];
            if (mediaIds.Any(id => media.Find("mastodon", id) is null))
            {
                return Results.Json(new { error = "Validation failed: Media is invalid" }, statusCode: 422);
            }
            string Create()
            {
                var status = state.Add("mastodon", inReplyTo ?? "", AccountId, "salusdemo", text, inReplyTo, byOrganisation: true);
                state.Record("mastodon", visibility == "direct" ? "private-message" : "reply", inReplyTo ?? "", text, status.Id);
                media.Attach("mastodon", status.Id, mediaIds);
                return status.Id;
            }

            var key = http.Request.Headers["Idempotency-Key"].ToString();
            var id = key.Length > 0 ? state.Idempotent(key, Create) : Create();
            return Results.Json(new { id, content = "<p>" + WebUtility.HtmlEncode(text) + "</p>", in_reply_to_id = inReplyTo, visibility });
        });

        // Status look-ups (what the catch-up of edits and deletions calls): one by one, and the multi-status form of 4.3+.
        api.MapGet("/statuses/{id}", (string id, HttpContext http, SandboxState state) =>
            SandboxHttp.Gate(http, state, "mastodon") ?? LookUp(http, state, [id], single: true));
        api.MapGet("/statuses", (HttpContext http, SandboxState state) =>
        {
            if (SandboxHttp.Gate(http, state, "mastodon") is { } refusal)
            {
                return refusal;
            }

            if (!state.MastodonMultiLookup)
            {
                return SandboxHttp.Error("mastodon", 404, "Record not found"); // no such route before Mastodon 4.3
            }

            string[] ids = [.. http.Request.Query["id[]"].Select(v => v ?? "").Distinct()];
            return ids.Length > 20 // DEFAULT_STATUSES_LIMIT
                ? Results.Json(new { error = "Validation failed: too many ids" }, statusCode: 422)
                : LookUp(http, state, ids, single: false);
        });

        api.MapDelete("/statuses/{id}", (string id, HttpContext http, SandboxState state) =>
        {
            if (SandboxHttp.Gate(http, state, "mastodon") is { } refusal)
            {
                return refusal;
            }

            var status = state.Find("mastodon", id);
            if (status is null || !status.ByOrganisation)
            {
                return SandboxHttp.Error("mastodon", 404, "Record not found");
            }

            state.Delete("mastodon", id);
            state.Record("mastodon", "delete", id, null, id);
            return Results.Json(new { id, text = status.Text });
        });
    }

    /// <summary>
    /// Server-sent events like Mastodon's streaming server: <c>:)</c> on connect, a <c>:thump</c> heartbeat every
    /// 15 seconds, <c>notification</c> for new mentions, <c>status.update</c> for edits and <c>delete</c> for deletions.
    /// </summary>
    private static async Task StreamAsync(HttpContext http, SandboxState state, bool notificationsOnly)
    {
        if (SandboxHttp.Gate(http, state, "mastodon") is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        if (!state.StreamsAvailable)
        {
            await SandboxHttp.Error("mastodon", 503, "Streaming server unavailable").ExecuteAsync(http);
            return;
        }

        var stop = http.RequestAborted;
        var (reader, subscription) = state.Subscribe("mastodon");
        using (subscription)
        {
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-store";
            await http.Response.WriteAsync(":)\n", stop);
            await http.Response.Body.FlushAsync(stop);
            using var heartbeat = new PeriodicTimer(TimeSpan.FromSeconds(15), state.Time);
            var beats = Task.Run(async () =>
            {
                while (await heartbeat.WaitForNextTickAsync(stop).ConfigureAwait(false))
                {
                    subscription.Heartbeat();
                }
            }, stop);
            try
            {
                await foreach (var change in reader.ReadAllAsync(stop))
                {
                    var frame = change switch
                    {
                        { Change: "heartbeat" } => ":thump\n",
                        { Change: "created", Comment: { ByOrganisation: false } c } => Frame("notification", JsonSerializer.Serialize(Notification(c))),
                        { Change: "edited", Comment: { } c } when !notificationsOnly => Frame("status.update", JsonSerializer.Serialize(Status(c))),
                        { Change: "deleted", Comment: { } c } when !notificationsOnly => Frame("delete", c.Id),
                        _ => null,
                    };
                    if (frame is not null)
                    {
                        await http.Response.WriteAsync(frame, stop);
                        await http.Response.Body.FlushAsync(stop);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // the client went away
            }
            finally
            {
                heartbeat.Dispose();
                await beats.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// The statuses that still exist, with Mastodon's rate-limit headers (<c>X-RateLimit-Reset</c> is ISO 8601). A deleted
    /// status is 404 alone and simply missing from the multi-status answer.
    /// </summary>
    private static IResult LookUp(HttpContext http, SandboxState state, IReadOnlyList<string> ids, bool single)
    {
        var (limit, remaining, reset, failure) = state.MastodonLookup(ids);
        http.Response.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Reset"] = Iso(reset);
        if (failure is { } status)
        {
            return SandboxHttp.Error("mastodon", status, status == 429 ? "Too many requests" : "Injected failure");
        }

        var found = ids.Select(id => state.Find("mastodon", id)).Where(c => c is { Deleted: false }).Select(c => Status(c!)).ToList();
        return single
            ? found.Count == 0 ? SandboxHttp.Error("mastodon", 404, "Record not found") : Results.Json(found[0])
            : Results.Json(found);
    }

    private static string Frame(string name, string data) => $"event: {name}\ndata: {data}\n\n";

    private static object Notification(SandboxComment c) => new
    {
        id = c.Id, type = c.UpdatedAt > c.CreatedAt ? "update" : "mention", created_at = Iso(c.CreatedAt),
        account = Account(c), status = Status(c),
    };

    private static object Account(SandboxComment c) => new { id = c.AuthorId, username = c.AuthorName.Split('@')[0], acct = c.AuthorName, display_name = c.AuthorName };

    private static object Status(SandboxComment c) => new
    {
        id = c.Id, created_at = Iso(c.CreatedAt), edited_at = c.UpdatedAt > c.CreatedAt ? Iso(c.UpdatedAt) : null,
        in_reply_to_id = c.ParentId, visibility = "public", language = (string?)null,
        url = $"https://mastodon.example/@{c.AuthorName}/{c.Id}", content = "<p>" + WebUtility.HtmlEncode(c.Text) + "</p>",
        account = Account(c), mentions = new[] { new { id = AccountId, username = "salusdemo", acct = "salusdemo", url = "https://mastodon.example/@salusdemo" } },
    };

    private static int Compare(string a, string b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
