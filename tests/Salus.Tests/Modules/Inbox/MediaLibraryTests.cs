using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Sandbox;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Media;
using Salus.Platform.Audit;
using Salus.Tests.Infrastructure;
using Salus.Tests.Modules.Channels;

namespace Salus.Tests.Modules.Inbox;

/// <summary>The app with the real inbox and channel connectors, the sandbox platforms in process, and a 1 MB upload limit.</summary>
public static class MediaFixture
{
    public const long MaxBytes = 1024 * 1024;

    public static IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Salus:Channels:Sandbox:Enabled"] = "true",
        ["Salus:Channels:RunPollScheduler"] = "false",
        ["Salus:Inbox:Media:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class MediaSqliteApp : SqliteApp
{
    protected override IDictionary<string, string?> Settings => MediaFixture.Settings;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => Factory.Server.CreateHandler()));
}

public sealed class MediaPostgresApp : PostgresApp
{
    protected override IDictionary<string, string?> Settings => MediaFixture.Settings;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => Factory.Server.CreateHandler()));
}

/// <summary>Uploads into the media library, serving with ranges, share links, MLR gating and files reaching the platforms.</summary>
public abstract class MediaLibraryTests(SalusApp app) : InboxTestBase(app)
{
    private const string Lead = "lead@demo.salus.local";
    private const string Mlr = "mlr@demo.salus.local";
    private static readonly ChannelCredentials Bearer = new() { AccessToken = SandboxState.Token, WebhookSecret = SandboxState.AppSecret };

    private MediaFileStore Store => App.Factory.Services.GetRequiredService<MediaFileStore>();

    private SandboxMediaStore PlatformMedia => App.Factory.Services.GetRequiredService<SandboxMediaStore>();

    [SkippableFact]
    public async Task An_uploaded_video_downloads_whole_and_by_range_with_its_sniffed_type_and_nosniff()
    {
        App.SkipIfUnavailable();
        var bytes = Mp4(300_000);
        var lead = await App.SignInAsync(Lead);
        var created = await ReadAsync<JsonElement>(await lead.PostAsync("/api/inbox/media", Form(bytes, "spiegazione.mp4", "Come usare l'inalatore", contentType: "application/octet-stream")));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("video/mp4", created.GetProperty("contentType").GetString()); // from the bytes, not the browser's claim
        Assert.Equal("Video", created.GetProperty("kind").GetString());
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(sha, created.GetProperty("sha256").GetString());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(Store.Root, sha[..2], sha[2..4], sha)));
        Assert.Empty(TemporaryFiles());

        var whole = await lead.GetAsync($"/media/{id}");
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", whole.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());

        using var range = new HttpRequestMessage(HttpMethod.Get, $"/media/{id}");
        range.Headers.Range = new RangeHeaderValue(1000, 1999);
        var part = await lead.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal($"bytes 1000-1999/{bytes.Length}", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(bytes[1000..2000], await part.Content.ReadAsByteArrayAsync());

        var anonymous = await App.Anonymous().GetAsync($"/media/{id}");
        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, anonymous.StatusCode.ToString());
        var employee = await App.SignInAsync(Demo.Employee);
        Assert.NotEqual(HttpStatusCode.OK, (await employee.GetAsync($"/media/{id}")).StatusCode);
    }

    [SkippableFact]
    public async Task The_sweep_removes_old_files_no_item_refers_to_and_keeps_items_files_and_young_files()
    {
        App.SkipIfUnavailable();
        var bytes = Mp4(50_000);
        var lead = await App.SignInAsync(Lead);
        var created = await ReadAsync<JsonElement>(await lead.PostAsync("/api/inbox/media", Form(bytes, "kept.mp4", "Kept", contentType: "video/mp4")));
        var keptPath = Store.PathOf(created.GetProperty("sha256").GetString()!);
        File.SetLastWriteTimeUtc(keptPath, DateTime.UtcNow.AddDays(-2)); // old, but an item refers to it

        string Orphan(string content, TimeSpan age)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
            var path = Store.PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
            return path;
        }

        // an upload whose row was never saved, and one whose row may still be on its way
        var old = Orphan("orphan " + Guid.NewGuid(), TimeSpan.FromHours(3));
        var young = Orphan("in flight " + Guid.NewGuid(), TimeSpan.FromMinutes(5));

        var removed = await App.Factory.Services.GetRequiredService<MediaOrphanSweep>().SweepAsync(CancellationToken.None);

        Assert.True(removed >= 1);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(young));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(keptPath));
        Assert.Equal(bytes, await (await lead.GetAsync($"/media/{created.GetProperty("id").GetGuid()}")).Content.ReadAsByteArrayAsync());
    }

    [SkippableFact]
    public async Task A_file_whose_bytes_are_not_an_accepted_type_is_refused_naming_the_file_field()
    {
        App.SkipIfUnavailable();
        var lead = await App.SignInAsync(Lead);
        var before = await CountAsync();
        var files = StoredFiles();

        var executable = Encoding.ASCII.GetBytes("MZ\x90\0 this is not a video at all, whatever its name says ........................................");
        var refused = await lead.PostAsync("/api/inbox/media", Form(executable, "video.mp4", "Fake video", contentType: "video/mp4"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("not an accepted type", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        // A real PNG named .pdf: the content and the name disagree.
        var mismatch = await lead.PostAsync("/api/inbox/media", Form(Png(), "leaflet.pdf", "Leaflet", contentType: "application/pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("image/png", (await mismatch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        var untitled = await lead.PostAsync("/api/inbox/media", Form(Png(), "chart.png", "", contentType: "image/png"));
        Assert.Equal(HttpStatusCode.BadRequest, untitled.StatusCode);
        Assert.True((await untitled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("title", out _));

        Assert.Equal(before, await CountAsync());
        Assert.Equal(files, StoredFiles());
        Assert.Empty(TemporaryFiles());
    }

    [SkippableFact]
    public async Task An_upload_over_the_limit_gets_413_and_nothing_is_stored()
    {
        App.SkipIfUnavailable();
        var lead = await App.SignInAsync(Lead);
        var before = await CountAsync();
        var files = StoredFiles();
        var big = Mp4((int)MediaFixture.MaxBytes + 200_000);

        // With a Content-Length the server refuses before reading; streamed (chunked), it stops once the limit is passed.
        var declared = await lead.PostAsync("/api/inbox/media", Form(big, "big.mp4", "Too big"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal("application/problem+json", declared.Content.Headers.ContentType!.MediaType);
        Assert.True((await declared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));

        var streamed = await lead.PostAsync("/api/inbox/media", Form(big, "big.mp4", "Too big", streamed: true));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);

        var justUnder = Mp4((int)MediaFixture.MaxBytes - 1000);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostAsync("/api/inbox/media", Form(justUnder, "fits.mp4", "Fits", streamed: true))).StatusCode);
        Assert.Equal(before + 1, await CountAsync());
        Assert.Equal(files.Count + 1, StoredFiles().Count);
        Assert.Empty(TemporaryFiles());
    }

    [SkippableFact]
    public async Task Unapproved_or_expired_media_cannot_be_attached_to_a_reply()
    {
        App.SkipIfUnavailable();
        var lead = await App.SignInAsync(Lead);
        var id = (await ReadAsync<JsonElement>(await lead.PostAsync("/api/inbox/media", Form(Mp4(20_000), "a.mp4", "Draft video")))).GetProperty("id").GetGuid();
        var channel = Guid.NewGuid();
        await DeliverAsync(Comment(channel, "mg1", "Grazie per le informazioni", author: "m-1", language: "it", at: Now));
        var conversation = await ConversationOfAsync(channel, "mg1");
        var agent = await App.SignInAsync(Demo.Agent);

        var draft = await agent.PostAsJsonAsync($"/api/inbox/conversations/{conversation.Id}/replies", new { text = "Ecco il video.", mediaIds = new[] { id } });
        Assert.Equal(HttpStatusCode.Conflict, draft.StatusCode);
        Assert.Contains("not approved by MLR", await draft.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync($"/api/inbox/media/{id}/approve", new { expiresUtc = Now.AddDays(1) })).StatusCode);
        var mlr = await App.SignInAsync(Mlr);
        Assert.Equal(HttpStatusCode.BadRequest, (await mlr.PostAsJsonAsync($"/api/inbox/media/{id}/approve", new { expiresUtc = Now.AddDays(-1) })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await mlr.PostAsJsonAsync($"/api/inbox/media/{id}/approve", new { expiresUtc = Now.AddDays(1) })).StatusCode);

        App.Factory.Clock.Advance(TimeSpan.FromDays(2));
        agent = await App.SignInAsync(Demo.Agent); // the session itself expired meanwhile
        var expired = await agent.PostAsJsonAsync($"/api/inbox/conversations/{conversation.Id}/replies", new { text = "Ecco il video.", mediaIds = new[] { id } });
        Assert.Equal(HttpStatusCode.Conflict, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await QueryAsync(db => db.Set<OutboundReply>().Where(r => r.ConversationId == conversation.Id).ToListAsync()), r => r.Status == ReplyStatus.Sent);
    }

    [SkippableFact]
    public async Task A_reply_with_a_video_reaches_the_mastodon_sandbox_as_an_uploaded_media_with_the_same_bytes()
    {
        App.SkipIfUnavailable();
        var video = Mp4(150_000);
        var pdf = Pdf();
        var videoId = await ApprovedAsync(video, "inalatore.mp4", "Come usare l'inalatore");
        var pdfId = await ApprovedAsync(pdf, "foglio.pdf", "Foglio illustrativo");
        var channel = await App.AddChannelAsync(ChannelKind.Mastodon, ChannelTestKit.Base + "/mastodon", SandboxMastodon.AccountId, Bearer, "IT");
        var conversation = await ConversationOnAsync(channel, ChannelKind.Mastodon, "110000000000999001");
        var agent = await App.SignInAsync(Demo.Agent);

        var sent = await ReadAsync<JsonElement>(await agent.PostAsJsonAsync($"/api/inbox/conversations/{conversation.Id}/replies",
            new { text = "Grazie per la domanda, ecco come fare.", mediaIds = new[] { videoId, pdfId } }));
        Assert.Equal("Sent", sent.GetProperty("status").GetString());
        var statusId = sent.GetProperty("platformId").GetString()!;
        var uploaded = Assert.Single(PlatformMedia.AttachedTo("mastodon", statusId));
        Assert.Equal(video, uploaded.Bytes);
        Assert.Equal("video/mp4", uploaded.ContentType);

        // Mastodon cannot take a PDF: it travels as the public share link, which anyone can open.
        var status = SandboxStatus(statusId);
        Assert.StartsWith("Grazie per la domanda", status.Text, StringComparison.Ordinal);
        var link = status.Text.Split("Foglio illustrativo: ")[1].Trim();
        Assert.Equal(pdf, await App.Anonymous().GetByteArrayAsync(new Uri(link).PathAndQuery));
        Assert.DoesNotContain("Come usare", status.Text, StringComparison.Ordinal); // the video went as a file, not a link
    }

    [SkippableFact]
    public async Task A_repeated_mastodon_reply_with_the_same_file_posts_once()
    {
        App.SkipIfUnavailable();
        var bytes = Mp4(30_000);
        var channel = await App.AddChannelAsync(ChannelKind.Mastodon, ChannelTestKit.Base + "/mastodon", SandboxMastodon.AccountId, Bearer, "US");
        var attachment = new ChannelAttachment("Video", "v.mp4", "video/mp4", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)),
            new Uri("http://localhost/media/shared/unused"), _ => Task.FromResult<Stream>(new MemoryStream(bytes)));
        var text = "Here is the video " + Guid.NewGuid();
        // A job retried after a timeout uploads again (new media id) but must not post a second status.
        var first = await App.Factory.InScopeAsync(sp => sp.GetRequiredService<IChannelActions>().ReplyAsync(channel.Id, "110000000000000777", text, [attachment], default));
        var second = await App.Factory.InScopeAsync(sp => sp.GetRequiredService<IChannelActions>().ReplyAsync(channel.Id, "110000000000000777", text, [attachment], default));
        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.Equal(first.Value, second.Value);
        Assert.Single(App.Factory.Services.GetRequiredService<SandboxState>().Comments("mastodon"), c => c.Text == text);
        Assert.Equal(bytes, Assert.Single(PlatformMedia.AttachedTo("mastodon", first.Value)).Bytes);
    }

    [SkippableFact]
    public async Task Files_reach_x_through_the_chunked_upload_and_facebook_fetches_a_photo_from_its_share_link()
    {
        App.SkipIfUnavailable();
        var video = Mp4(60_000);
        var photo = Png();
        var videoId = await ApprovedAsync(video, "spot.mp4", "Spot");
        var photoId = await ApprovedAsync(photo, "chart.png", "Schema");

        var x = await App.AddChannelAsync(ChannelKind.X, ChannelTestKit.Base + "/x", SandboxX.AccountId, Bearer, "IT");
        var tweet = App.Factory.Services.GetRequiredService<SandboxState>().Add("x", "", "u-mx", "utente", "@salusdemo come si usa?");
        var onX = await ConversationOnAsync(x, ChannelKind.X, tweet.Id);
        var agent = await App.SignInAsync(Demo.Agent);
        var sentX = await ReadAsync<JsonElement>(await agent.PostAsJsonAsync($"/api/inbox/conversations/{onX.Id}/replies", new { text = "Ecco il video.", mediaIds = new[] { videoId } }));
        Assert.True(sentX.GetProperty("status").GetString() == "Sent", sentX.ToString());
        Assert.Equal(video, Assert.Single(PlatformMedia.AttachedTo("x", sentX.GetProperty("platformId").GetString()!)).Bytes);

        var fb = await App.AddChannelAsync(ChannelKind.Facebook, ChannelTestKit.Base + "/graph/v19.0", SandboxChannels.FacebookPageId, Bearer, "IT");
        var comment = App.Factory.Services.GetRequiredService<SandboxState>().Add("facebook", "137542570280222_9", "77", "Mario", "dove trovo lo schema?",
            id: "9_" + Guid.NewGuid().ToString("N")[..10]);
        var onFacebook = await ConversationOnAsync(fb, ChannelKind.Facebook, comment.Id);
        var sentFb = await ReadAsync<JsonElement>(await agent.PostAsJsonAsync($"/api/inbox/conversations/{onFacebook.Id}/replies", new { text = "Ecco lo schema.", mediaIds = new[] { photoId } }));
        Assert.True(sentFb.GetProperty("status").GetString() == "Sent", sentFb.ToString());
        Assert.Equal(photo, Assert.Single(PlatformMedia.AttachedTo("facebook", sentFb.GetProperty("platformId").GetString()!)).Bytes);
    }

    [SkippableFact]
    public async Task A_share_link_works_anonymously_with_ranges_and_stops_after_revoke_or_deletion()
    {
        App.SkipIfUnavailable();
        var bytes = Pdf();
        var lead = await App.SignInAsync(Lead);
        var id = (await ReadAsync<JsonElement>(await lead.PostAsync("/api/inbox/media", Form(bytes, "leaflet.pdf", "Leaflet", language: "en")))).GetProperty("id").GetGuid();
        var draft = await lead.PostAsync($"/api/inbox/media/{id}/share", null);
        Assert.Equal(HttpStatusCode.Conflict, draft.StatusCode); // not approved yet: not for public distribution
        Assert.Contains("MLR approval", await draft.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mlr = await App.SignInAsync(Mlr);
        Assert.Equal(HttpStatusCode.NoContent, (await mlr.PostAsJsonAsync($"/api/inbox/media/{id}/approve", new { expiresUtc = Now.AddDays(30) })).StatusCode);
        var share = await ReadAsync<JsonElement>(await lead.PostAsync($"/api/inbox/media/{id}/share", null));
        var path = new Uri(share.GetProperty("url").GetString()!).PathAndQuery;
        Assert.Equal(43, share.GetProperty("token").GetString()!.Length);
        Assert.Equal(path, new Uri((await ReadAsync<JsonElement>(await lead.PostAsync($"/api/inbox/media/{id}/share", null))).GetProperty("url").GetString()!).PathAndQuery);

        var anonymous = App.Anonymous();
        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        using (var range = new HttpRequestMessage(HttpMethod.Get, path))
        {
            range.Headers.Range = new RangeHeaderValue(0, 4);
            var head = await anonymous.SendAsync(range);
            Assert.Equal(HttpStatusCode.PartialContent, head.StatusCode);
            Assert.Equal("%PDF-"u8.ToArray(), await head.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path[..^3] + "xyz")).StatusCode);
        Assert.Equal(1, (await ReadAsync<JsonElement>(await lead.PostAsync($"/api/inbox/media/{id}/share/revoke", null))).GetProperty("revoked").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);

        // A new link works; deleting the item (soft, audited) stops it too.
        var again = new Uri((await ReadAsync<JsonElement>(await lead.PostAsync($"/api/inbox/media/{id}/share", null))).GetProperty("url").GetString()!).PathAndQuery;
        Assert.NotEqual(path, again);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lead.PostAsync($"/api/inbox/media/{id}/delete", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(again)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await lead.GetAsync($"/media/{id}")).StatusCode);
        var listed = await lead.GetFromJsonAsync<JsonElement>("/api/inbox/media");
        Assert.DoesNotContain(listed.EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);
        var row = await QueryAsync(db => db.Set<MediaAsset>().AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.NotNull(row.DeletedUtc);
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "inbox.media.deleted" && a.EntityId == id.ToString())));
    }

    [SkippableFact]
    public async Task A_share_link_stops_when_the_material_s_mlr_approval_expires()
    {
        App.SkipIfUnavailable();
        var bytes = Pdf();
        var lead = await App.SignInAsync(Lead);
        var id = (await ReadAsync<JsonElement>(await lead.PostAsync("/api/inbox/media", Form(bytes, "expiring.pdf", "Expiring leaflet", language: "en")))).GetProperty("id").GetGuid();
        var mlr = await App.SignInAsync(Mlr);
        Assert.Equal(HttpStatusCode.NoContent, (await mlr.PostAsJsonAsync($"/api/inbox/media/{id}/approve", new { expiresUtc = Now.AddHours(12) })).StatusCode);
        var path = new Uri((await ReadAsync<JsonElement>(await lead.PostAsync($"/api/inbox/media/{id}/share", null))).GetProperty("url").GetString()!).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().GetAsync(path)).StatusCode);

        App.Factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous().GetAsync(path)).StatusCode);

        // approved again: the same link serves again
        mlr = await App.SignInAsync(Mlr);
        Assert.Equal(HttpStatusCode.NoContent, (await mlr.PostAsJsonAsync($"/api/inbox/media/{id}/approve", new { expiresUtc = Now.AddDays(7) })).StatusCode);
        Assert.Equal(bytes, await App.Anonymous().GetByteArrayAsync(path));
    }

    [SkippableFact]
    public async Task The_library_page_uploads_through_its_form_and_previews_the_video()
    {
        App.SkipIfUnavailable();
        var lead = await App.SignInAsync(Lead);
        var page = await lead.GetStringAsync("/inbox/media");
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var title = "Video dal modulo " + Guid.NewGuid().ToString("N")[..6];

        var forged = await lead.PostAsync("/inbox/media/upload", Form(Mp4(5000), "v.mp4", title));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var part in Form(Mp4(5000), "v.mp4", title))
        {
            form.Add(part);
        }

        var posted = await lead.PostAsync("/inbox/media/upload", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var asset = await QueryAsync(db => db.Set<MediaAsset>().AsNoTracking().SingleAsync(m => m.Title == title));
        var library = await lead.GetStringAsync("/inbox/media");
        Assert.Contains($"<video controls preload=\"metadata\" src=\"/media/{asset.Id}\"", library, StringComparison.Ordinal);
        Assert.Contains("In attesa di approvazione MLR", library, StringComparison.Ordinal); // the lead reads Italian
    }

    private async Task<Guid> ApprovedAsync(byte[] bytes, string fileName, string title)
    {
        var lead = await App.SignInAsync(Lead);
        var id = (await ReadAsync<JsonElement>(await lead.PostAsync("/api/inbox/media", Form(bytes, fileName, title)))).GetProperty("id").GetGuid();
        var mlr = await App.SignInAsync(Mlr);
        Assert.Equal(HttpStatusCode.NoContent, (await mlr.PostAsJsonAsync($"/api/inbox/media/{id}/approve", new { expiresUtc = Now.AddDays(30) })).StatusCode);
        return id;
    }

    private async Task<Conversation> ConversationOnAsync(Channel channel, ChannelKind kind, string platformItemId)
    {
        await DeliverAsync(Comment(channel.Id, platformItemId, "Come si usa?", author: "p-" + platformItemId, language: "it", at: Now) with { Kind = kind, ChannelName = channel.Name });
        return await ConversationOfAsync(channel.Id, platformItemId);
    }

    private SandboxComment SandboxStatus(string id) => App.Factory.Services.GetRequiredService<SandboxState>().Find("mastodon", id)!;

    private Task<int> CountAsync() => QueryAsync(db => db.Set<MediaAsset>().CountAsync());

    private List<string> StoredFiles() =>
        Directory.Exists(Store.Root) ? [.. Directory.EnumerateFiles(Store.Root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".part", StringComparison.Ordinal)).Order()] : [];

    private List<string> TemporaryFiles() =>
        Directory.Exists(Path.Combine(Store.Root, "tmp")) ? [.. Directory.EnumerateFiles(Path.Combine(Store.Root, "tmp"))] : [];

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string title, string language = "it", string contentType = "video/mp4", bool streamed = false)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" }, { new StringContent(language), "language" }, { new StringContent("Spiegazione breve"), "description" },
        };
        HttpContent file = streamed ? new StreamContent(new NonSeekableStream(bytes)) : new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>An MP4 header (ftyp box, brand isom) followed by random bytes: unique content every call.</summary>
    private static byte[] Mp4(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        byte[] header = [0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0];
        header.CopyTo(bytes, 0);
        return bytes;
    }

    private static byte[] Png()
    {
        var bytes = new byte[2000];
        Random.Shared.NextBytes(bytes);
        byte[] header = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        header.CopyTo(bytes, 0);
        return bytes;
    }

    private static byte[] Pdf() => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>Hides the length, so the client sends the body chunked and the server cannot refuse it up front.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}

public sealed class MediaLibraryTests_Sqlite(MediaSqliteApp app) : MediaLibraryTests(app), IClassFixture<MediaSqliteApp>;

public sealed class MediaLibraryTests_Postgres(MediaPostgresApp app) : MediaLibraryTests(app), IClassFixture<MediaPostgresApp>;
