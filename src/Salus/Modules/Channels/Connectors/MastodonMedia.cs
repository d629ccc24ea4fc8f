using System.Net.Http.Headers;
using System.Text;
using Salus.Modules.Channels.Contracts;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Connectors;

/// <summary>
/// Mastodon media: images and videos are uploaded with <c>POST /api/v2/media</c> (multipart <c>file</c>, streamed from
/// the store), waited for while the server processes them (<c>GET /api/v1/media/{id}</c> answers 206 until done), then
/// attached with <c>media_ids[]</c>. Mastodon takes up to four images or one video; anything else is linked.
/// </summary>
public sealed partial class MastodonConnector
{
    private const int MaxMediaPerStatus = 4;

    public override Task<Result<string>> ReplyAsync(
        ChannelContext channel, string platformItemId, string text, IReadOnlyList<ChannelAttachment> attachments, CancellationToken cancellationToken) =>
        PostWithMediaAsync(channel, text, platformItemId, "public", attachments, cancellationToken);

    public override async Task<Result<string>> SendPrivateMessageAsync(
        ChannelContext channel, string recipientPlatformId, string? inResponseToItemId, string text, IReadOnlyList<ChannelAttachment> attachments, CancellationToken cancellationToken)
    {
        var account = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, channel.Api($"api/v1/accounts/{Uri.EscapeDataString(recipientPlatformId)}"),
            channel.Credentials.AccessToken), "Mastodon", cancellationToken);
        return account.IsSuccess
            ? await PostWithMediaAsync(channel, $"@{Str(account.Value.Json, "acct")} {text}", inResponseToItemId, "direct", attachments, cancellationToken)
            : account.Error!;
    }

    private async Task<Result<string>> PostWithMediaAsync(
        ChannelContext channel, string text, string? inReplyTo, string visibility, IReadOnlyList<ChannelAttachment> attachments, CancellationToken cancellationToken)
    {
        var upload = FilesToUpload(attachments, MaxMediaPerStatus);
        var uploaded = await UploadEachAsync(upload, file => UploadMediaAsync(channel, file, cancellationToken));
        if (!uploaded.IsSuccess)
        {
            return uploaded.Error!;
        }

        var ids = uploaded.Value;
        var body = ChannelAttachment.WithLinks(text, attachments.Except(upload));
        var request = PlatformHttp.Request(HttpMethod.Post, channel.Api("api/v1/statuses"), channel.Credentials.AccessToken,
            new { status = body, in_reply_to_id = inReplyTo, visibility, media_ids = ids });
        // The same text with the same files is the same post, whatever ids the platform gave this attempt's uploads.
        request.Headers.Add("Idempotency-Key", IdempotencyKey(channel.Id, inReplyTo, visibility, body + "\n" + string.Join(",", upload.Select(a => a.Sha256))));
        var result = await Http.SendAsync(request, "Mastodon", cancellationToken);
        return result.IsSuccess ? Str(result.Value.Json, "id") ?? "" : result.Error!;
    }

    private async Task<Result<string>> UploadMediaAsync(ChannelContext channel, ChannelAttachment attachment, CancellationToken cancellationToken)
    {
        await using var stream = await attachment.OpenReadAsync(cancellationToken);
        using var content = new MultipartFormDataContent();
        var file = new StreamContent(stream);
        file.Headers.ContentType = new MediaTypeHeaderValue(attachment.ContentType);
        content.Add(file, "file", attachment.FileName);
        content.Add(new StringContent(attachment.Title, Encoding.UTF8), "description");
        var request = PlatformHttp.Request(HttpMethod.Post, channel.Api("api/v2/media"), channel.Credentials.AccessToken);
        request.Content = content;
        var uploaded = await Http.SendAsync(request, "Mastodon", cancellationToken);
        if (!uploaded.IsSuccess)
        {
            return uploaded.Error!;
        }

        var id = Str(uploaded.Value.Json, "id") ?? "";
        // 202: still processing (url is null); a status naming unprocessed media is refused, so wait for it.
        var json = uploaded.Value.Json;
        for (var attempt = 0; Str(json, "url") is null && attempt < 30; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }

            var status = await Http.SendAsync(PlatformHttp.Request(HttpMethod.Get, channel.Api($"api/v1/media/{Uri.EscapeDataString(id)}"),
                channel.Credentials.AccessToken), "Mastodon", cancellationToken);
            if (!status.IsSuccess)
            {
                return status.Error!;
            }

            json = status.Value.Json;
        }

        return Str(json, "url") is null
            ? Errors.Conflict("channel.platform-error", $"Mastodon is still processing '{attachment.Title}'; try again later.")
            : id;
    }
}
