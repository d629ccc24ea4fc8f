using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>A file that reached a sandbox platform, byte for byte.</summary>
public sealed record SandboxUpload(string Platform, string Id, string ContentType, string FileName, byte[] Bytes);

/// <summary>What Salus uploaded to the sandbox platforms and which post carries which upload.</summary>
public sealed class SandboxMediaStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SandboxUpload> _uploads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string ContentType, long Total, SortedDictionary<int, byte[]> Segments)> _chunked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _attached = new(StringComparer.Ordinal);

    public void Add(SandboxUpload upload)
    {
        lock (_lock)
        {
            _uploads[upload.Id] = upload;
        }
    }

    public SandboxUpload? Find(string platform, string id)
    {
        lock (_lock)
        {
            return _uploads.TryGetValue(id, out var upload) && upload.Platform == platform ? upload : null;
        }
    }

    /// <summary>Attaches uploads to a post; false (nothing attached) when one of them is unknown on that platform.</summary>
    public bool Attach(string platform, string postId, IReadOnlyCollection<string> mediaIds)
    {
        lock (_lock)
        {
            if (mediaIds.Any(id => !_uploads.TryGetValue(id, out var u) || u.Platform != platform))
            {
                return false;
            }

            _attached[$"{platform}:{postId}"] = [.. mediaIds];
            return true;
        }
    }

    public IReadOnlyList<SandboxUpload> AttachedTo(string platform, string postId)
    {
        lock (_lock)
        {
            return _attached.TryGetValue($"{platform}:{postId}", out var ids) ? [.. ids.Select(id => _uploads[id])] : [];
        }
    }

    internal void Begin(string id, string contentType, long total)
    {
        lock (_lock)
        {
            _chunked[id] = (contentType, total, new SortedDictionary<int, byte[]>());
        }
    }

    internal bool Append(string id, int segment, byte[] bytes)
    {
        lock (_lock)
        {
            if (!_chunked.TryGetValue(id, out var upload))
            {
                return false;
            }

            upload.Segments[segment] = bytes;
            return true;
        }
    }

    /// <summary>Joins the segments in order; null when the upload is unknown or its size differs from what was announced.</summary>
    internal SandboxUpload? Finish(string platform, string id)
    {
        lock (_lock)
        {
            if (!_chunked.Remove(id, out var upload))
            {
                return null;
            }

            var bytes = upload.Segments.Values.SelectMany(b => b).ToArray();
            if (bytes.LongLength != upload.Total)
            {
                return null;
            }

            var done = new SandboxUpload(platform, id, upload.ContentType, "upload", bytes);
            _uploads[id] = done;
            return done;
        }
    }
}

/// <summary>
/// Media upload endpoints of the sandbox platforms in their real shapes: Mastodon <c>POST /api/v2/media</c> (202 for video
/// until <c>GET /api/v1/media/{id}</c>) and X's chunked <c>/2/media/upload</c> (initialize, append, finalize, status).
/// </summary>
internal static class SandboxMedia
{
    public static void Map(IEndpointRouteBuilder sandbox)
    {
        sandbox.MapPost("/mastodon/api/v2/media", async (HttpContext http, SandboxState state, SandboxMediaStore media) =>
        {
            if (SandboxHttp.Gate(http, state, "mastodon") is { } refusal)
            {
                return refusal;
            }

            var form = await http.Request.ReadFormAsync();
            if (form.Files.GetFile("file") is not { } file)
            {
                return Results.Json(new { error = "Validation failed: File can't be blank" }, statusCode: 422);
            }

            var upload = new SandboxUpload("mastodon", state.NewId("mastodon"), file.ContentType, file.FileName, await ReadAllAsync(file));
            media.Add(upload);
            // Real Mastodon processes video asynchronously: 202 with a null url until it is done.
            var video = upload.ContentType.StartsWith("video/", StringComparison.Ordinal);
            return Results.Json(Attachment(upload, form["description"].ToString(), processed: !video), statusCode: video ? 202 : 200);
        });

        sandbox.MapGet("/mastodon/api/v1/media/{id}", (string id, HttpContext http, SandboxState state, SandboxMediaStore media) =>
            SandboxHttp.Gate(http, state, "mastodon")
            ?? (media.Find("mastodon", id) is { } upload ? Results.Json(Attachment(upload, null, processed: true)) : SandboxHttp.Error("mastodon", 404, "Record not found")));

        var x = sandbox.MapGroup("/x/2/media/upload");
        x.MapPost("/initialize", async (HttpContext http, SandboxState state, SandboxMediaStore media) =>
        {
            if (SandboxHttp.Gate(http, state, "x") is { } refusal)
            {
                return refusal;
            }

            var body = await SandboxHttp.JsonBodyAsync(http.Request);
            var type = SandboxHttp.Str(body, "media_type");
            if (type is null || !long.TryParse(SandboxHttp.Str(body, "total_bytes"), CultureInfo.InvariantCulture, out var total))
            {
                return SandboxHttp.Error("x", 400, "media_type and total_bytes are required.");
            }

            var id = state.NewId("x");
            media.Begin(id, type, total);
            return Results.Json(new { data = new { id, media_key = "7_" + id, expires_after_secs = 86400 } });
        });

        x.MapPost("/{id}/append", async (string id, HttpContext http, SandboxState state, SandboxMediaStore media) =>
        {
            if (SandboxHttp.Gate(http, state, "x") is { } refusal)
            {
                return refusal;
            }

            var form = await http.Request.ReadFormAsync();
            if (form.Files.GetFile("media") is not { } file || !int.TryParse(form["segment_index"], CultureInfo.InvariantCulture, out var segment))
            {
                return SandboxHttp.Error("x", 400, "media and segment_index are required.");
            }

            return media.Append(id, segment, await ReadAllAsync(file))
                ? Results.Json(new { data = new { expires_at = state.Time.GetUtcNow().AddDays(1).ToUnixTimeSeconds() } })
                : SandboxHttp.Error("x", 400, "Unknown media id.");
        });

        x.MapPost("/{id}/finalize", (string id, HttpContext http, SandboxState state, SandboxMediaStore media) =>
            SandboxHttp.Gate(http, state, "x")
            ?? (media.Finish("x", id) is { } upload
                ? Results.Json(new { data = new { id, media_key = "7_" + id, size = upload.Bytes.Length, processing_info = new { state = "succeeded", progress_percent = 100 } } })
                : SandboxHttp.Error("x", 400, "Segments do not add up to total_bytes.")));

        x.MapGet("/", (string? media_id, HttpContext http, SandboxState state, SandboxMediaStore media) =>
            SandboxHttp.Gate(http, state, "x")
            ?? (media_id is not null && media.Find("x", media_id) is not null
                ? Results.Json(new { data = new { id = media_id, processing_info = new { state = "succeeded", progress_percent = 100 } } })
                : SandboxHttp.Error("x", 404, "Unknown media id.")));
    }

    /// <summary>What a platform does with a media address (Graph's <c>attachment_url</c>): downloads it, anonymously.</summary>
    internal static async Task<SandboxUpload?> FetchAsync(IHttpClientFactory clients, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address))
        {
            return null;
        }

        using var client = clients.CreateClient(DemoTraffic.DeliveryClient);
        using var response = await client.GetAsync(address);
        return response.IsSuccessStatusCode
            ? new SandboxUpload("", "", response.Content.Headers.ContentType?.MediaType ?? "", address.Segments[^1], await response.Content.ReadAsByteArrayAsync())
            : null;
    }

    private static object Attachment(SandboxUpload upload, string? description, bool processed) => new
    {
        id = upload.Id, type = upload.ContentType.StartsWith("video/", StringComparison.Ordinal) ? "video" : "image",
        url = processed ? $"https://files.mastodon.example/media/{upload.Id}" : null,
        preview_url = $"https://files.mastodon.example/media/{upload.Id}/small", description,
    };

    private static async Task<byte[]> ReadAllAsync(IFormFile file)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
