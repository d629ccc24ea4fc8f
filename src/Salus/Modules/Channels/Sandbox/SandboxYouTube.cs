using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>A YouTube Data API v3 look-alike (<c>/sandbox/youtube/v3</c>): commentThreads newest first with page tokens, comments, moderation.</summary>
internal static class SandboxYouTube
{
    public const string ChannelId = "UCsalusdemo00000000000";

    public static void Map(IEndpointRouteBuilder sandbox)
    {
        var yt = sandbox.MapGroup("/youtube/v3");
        yt.MapGet("/channels", (HttpContext http, SandboxState state, string? id) =>
            SandboxHttp.Gate(http, state, "youtube")
            ?? Results.Json(new { kind = "youtube#channelListResponse", items = id == ChannelId ? new[] { new { id, snippet = new { title = "Salus Demo Pharma" } } } : [] }));

        yt.MapGet("/commentThreads", (HttpContext http, SandboxState state, string? allThreadsRelatedToChannelId, int? maxResults, string? pageToken) =>
        {
            if (SandboxHttp.Gate(http, state, "youtube") is { } refusal)
            {
                return refusal;
            }

            var size = Math.Clamp(maxResults ?? 20, 1, 100);
            var all = state.Comments("youtube").Where(c => c.ParentId is null && !c.Deleted && !c.Hidden)
                .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id, StringComparer.Ordinal).ToList();
            var offset = 0;
            if (pageToken is not null && (!pageToken.StartsWith("CAE", StringComparison.Ordinal) || !int.TryParse(pageToken[3..], NumberStyles.Integer, CultureInfo.InvariantCulture, out offset)))
            {
                return SandboxHttp.Error("youtube", 400, "The request specifies an invalid page token.");
            }

            var page = all.Skip(offset).Take(size).ToList();
            return Results.Json(new
            {
                kind = "youtube#commentThreadListResponse",
                etag = "sandbox",
                nextPageToken = offset + size < all.Count ? "CAE" + (offset + size).ToString(CultureInfo.InvariantCulture) : null,
                pageInfo = new { totalResults = all.Count, resultsPerPage = size },
                items = page.Select(c => new
                {
                    kind = "youtube#commentThread", etag = "sandbox", id = c.Id,
                    snippet = new
                    {
                        channelId = ChannelId, videoId = c.ThreadId, canReply = true,
                        totalReplyCount = state.Comments("youtube").Count(r => r.ParentId == c.Id), isPublic = true,
                        topLevelComment = new
                        {
                            kind = "youtube#comment", etag = "sandbox", id = c.Id,
                            snippet = new
                            {
                                channelId = ChannelId, videoId = c.ThreadId, textDisplay = c.Text, textOriginal = c.Text,
                                authorDisplayName = "@" + c.AuthorName, authorChannelId = new { value = c.AuthorId },
                                likeCount = 0, publishedAt = Iso(c.CreatedAt), updatedAt = Iso(c.UpdatedAt),
                            },
                        },
                    },
                }),
            }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        });

        yt.MapPost("/comments", async (HttpContext http, SandboxState state) =>
        {
            if (SandboxHttp.Gate(http, state, "youtube") is { } refusal)
            {
                return refusal;
            }

            var snippet = (await SandboxHttp.JsonBodyAsync(http.Request)).GetProperty("snippet");
            var parentId = SandboxHttp.Str(snippet, "parentId") ?? "";
            var parent = state.Find("youtube", parentId);
            if (parent is null)
            {
                return SandboxHttp.Error("youtube", 404, "The comment identified by the request's parentId parameter could not be found.");
            }

            var text = SandboxHttp.Str(snippet, "textOriginal") ?? "";
            var reply = state.Add("youtube", parent.ThreadId, ChannelId, "SalusDemoPharma", text, parentId, byOrganisation: true, id: $"{parentId}.{state.NewId("youtube")}");
            state.Record("youtube", "reply", parentId, text, reply.Id);
            return Results.Json(new { kind = "youtube#comment", id = reply.Id, snippet = new { parentId, textOriginal = text } });
        });

        yt.MapPost("/comments/setModerationStatus", (HttpContext http, SandboxState state, string id, string moderationStatus) =>
        {
            if (SandboxHttp.Gate(http, state, "youtube") is { } refusal)
            {
                return refusal;
            }

            var comment = state.Find("youtube", id);
            if (comment is null)
            {
                return SandboxHttp.Error("youtube", 404, "Comment not found.");
            }

            comment.Status = moderationStatus;
            comment.Hidden = moderationStatus != "published";
            state.Record("youtube", comment.Hidden ? "hide" : "unhide", id, null, id);
            return Results.NoContent();
        });

        yt.MapDelete("/comments", (HttpContext http, SandboxState state, string id) =>
        {
            if (SandboxHttp.Gate(http, state, "youtube") is { } refusal)
            {
                return refusal;
            }

            var comment = state.Find("youtube", id);
            if (comment is null)
            {
                return SandboxHttp.Error("youtube", 404, "Comment not found.");
            }

            comment.Deleted = true;
            state.Record("youtube", "delete", id, null, id);
            return Results.NoContent();
        });
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The WebSub notification YouTube's hub sends for a new video (Atom, as in Google's push-notification guide).</summary>
    public static string VideoNotification(string videoId, string title, DateTimeOffset at) => $"""
        <feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns="http://www.w3.org/2005/Atom">
          <link rel="hub" href="https://pubsubhubbub.appspot.com"/>
          <link rel="self" href="https://www.youtube.com/xml/feeds/videos.xml?channel_id={ChannelId}"/>
          <title>YouTube video feed</title>
          <updated>{at:O}</updated>
          <entry>
            <id>yt:video:{videoId}</id>
            <yt:videoId>{videoId}</yt:videoId>
            <yt:channelId>{ChannelId}</yt:channelId>
            <title>{System.Security.SecurityElement.Escape(title)}</title>
            <link rel="alternate" href="http://www.youtube.com/watch?v={videoId}"/>
            <author><name>Salus Demo Pharma</name><uri>http://www.youtube.com/channel/{ChannelId}</uri></author>
            <published>{at:O}</published>
            <updated>{at:O}</updated>
          </entry>
        </feed>
        """;
}
