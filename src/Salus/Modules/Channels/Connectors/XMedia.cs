using System.Globalization;
using System.Net.Http.Headers;
using Salus.Modules.Channels.Contracts;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Connectors;

/// <summary>
/// X media: the chunked upload of API v2 (<c>POST /2/media/upload/initialize</c>, <c>/{id}/append</c> per segment,
/// <c>/{id}/finalize</c>, then <c>GET /2/media/upload?command=STATUS</c> while processing), attached with
/// <c>media.media_ids</c> on <c>POST /2/tweets</c>. One video or up to four images per post; documents are linked.
/// </summary>
public sealed partial class XConnector
{
    private const int SegmentBytes = 4 * 1024 * 1024;
    private const int MaxImagesPerPost = 4; // X: up to four images, or one video

    public override async Task<Result<string>> ReplyAsync(
        ChannelContext channel, string platformItemId, string text, IReadOnlyList<ChannelAttachment> attachments, CancellationToken cancellationToken)
    {
        var upload = FilesToUpload(attachments, MaxImagesPerPost);
        var uploaded = await UploadEachAsync(upload, file => UploadMediaAsync(channel, file, cancellationToken));
        if (!uploaded.IsSuccess)
        {
            return uploaded.Error!;
        }

        var ids = uploaded.Value;
        var body = ChannelAttachment.WithLinks(text, attachments.Except(upload));
        object tweet = ids.Count == 0
            ? new { text = body, reply = new { in_reply_to_tweet_id = platformItemId } }
            : new { text = body, reply = new { in_reply_to_tweet_id = platformItemId }, media = new { media_ids = ids } };
        var result = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Post, channel.Api("2/tweets"), channel.Credentials.AccessToken, tweet), "X", cancellationToken);
        return result.IsSuccess ? Str(Obj(result.Value.Json, "data"), "id") ?? "" : result.Error!;
    }

    private async Task<Result<string>> UploadMediaAsync(ChannelContext channel, ChannelAttachment attachment, CancellationToken cancellationToken)
    {
        var init = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Post, channel.Api("2/media/upload/initialize"), channel.Credentials.AccessToken,
            new { media_type = attachment.ContentType, total_bytes = attachment.Length, media_category = attachment.IsVideo ? "tweet_video" : "tweet_image" }), "X", cancellationToken);
        if (!init.IsSuccess)
        {
            return init.Error!;
        }

        var id = Str(Obj(init.Value.Json, "data"), "id") ?? "";
        var path = $"2/media/upload/{Uri.EscapeDataString(id)}";
        await using (var stream = await attachment.OpenReadAsync(cancellationToken))
        {
            var buffer = new byte[(int)Math.Min(SegmentBytes, Math.Max(1, attachment.Length))];
            for (var segment = 0; ; segment++)
            {
                var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                using var content = new MultipartFormDataContent();
                var media = new ByteArrayContent(buffer, 0, read);
                media.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                content.Add(media, "media", attachment.FileName);
                content.Add(new StringContent(segment.ToString(CultureInfo.InvariantCulture)), "segment_index");
                var request = PlatformHttp.Request(HttpMethod.Post, channel.Api(path + "/append"), channel.Credentials.AccessToken);
                request.Content = content;
                var appended = await Http.SendAsync(request, "X", cancellationToken);
                if (!appended.IsSuccess)
                {
                    return appended.Error!;
                }
            }
        }

        var finalized = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Post, channel.Api(path + "/finalize"), channel.Credentials.AccessToken), "X", cancellationToken);
        if (!finalized.IsSuccess)
        {
            return finalized.Error!;
        }

        var info = Obj(Obj(finalized.Value.Json, "data"), "processing_info");
        for (var attempt = 0; Str(info, "state") is "pending" or "in_progress" && attempt < 60; attempt++)
        {
            var wait = int.TryParse(Str(info, "check_after_secs"), CultureInfo.InvariantCulture, out var seconds) ? Math.Clamp(seconds, 1, 30) : 1;
            await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
            var status = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get,
                channel.Api($"2/media/upload?command=STATUS&media_id={Uri.EscapeDataString(id)}"), channel.Credentials.AccessToken), "X", cancellationToken);
            if (!status.IsSuccess)
            {
                return status.Error!;
            }

            info = Obj(Obj(status.Value.Json, "data"), "processing_info");
        }

        return Str(info, "state") switch
        {
            "failed" => Errors.Conflict("channel.platform-error", $"X could not process '{attachment.Title}'."),
            "pending" or "in_progress" => Errors.Conflict("channel.platform-error", $"X is still processing '{attachment.Title}'; try again later."),
            _ => id,
        };
    }
}
