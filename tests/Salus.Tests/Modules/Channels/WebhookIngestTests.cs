using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Sandbox;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Channels;

/// <summary>Signed webhooks with the reference test vectors, handshakes, rejections, duplicates and out-of-order delivery.</summary>
public abstract class WebhookIngestTests(SalusApp app)
{
    private static byte[] Vector(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Modules", "Channels", "Vectors", name));

    private static string Url(Channel channel) => $"/webhooks/channels/{channel.Id}";

    private static ByteArrayContent Body(byte[] bytes, string type = "application/json")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        return content;
    }

    private async Task<HttpResponseMessage> PostAsync(Channel channel, byte[] body, string header, string value, string type = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(channel)) { Content = Body(body, type) };
        request.Headers.TryAddWithoutValidation(header, value);
        return await app.Anonymous().SendAsync(request);
    }

    private Task<int> RawCountAsync(Guid channelId) =>
        app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<RawEvent>().CountAsync(e => e.ChannelId == channelId));

    [SkippableFact]
    public async Task Facebook_reference_vector_is_accepted_stored_once_and_normalised()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.Facebook, ChannelTestKit.Base + "/graph/v19.0", "137542570280222",
            new ChannelCredentials { WebhookSecret = "test_app_secret_123", VerifyToken = "meatyhamhock" });
        var body = Vector("page-feed-comment-webhook.example.json");
        const string Signature = "sha256=5c3c73284a47b2dd803005745da4c571976bcab086f6119f0131b6bdf43d8aa1";
        Assert.Equal(Signature, WebhookSignatures.MetaSignature256(body, "test_app_secret_123"));

        var first = await PostAsync(channel, body, "X-Hub-Signature-256", Signature);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var again = await PostAsync(channel, body, "X-Hub-Signature-256", Signature);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("\"duplicate\":true", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await RawCountAsync(channel.Id));

        await app.DrainJobsAsync();
        var item = Assert.Single(RecordingSink.Of(channel.Id));
        Assert.Equal("139560936744456_139620233405726", item.PlatformItemId);
        Assert.Equal("137542570280222_139560936744456", item.PlatformThreadId);
        Assert.Equal("Dopo la terapia ho avuto forte nausea, è normale?", item.Text);
        Assert.Equal(InboundChange.Created, item.Change);
        Assert.Equal(InboundItemKind.Comment, item.ItemKind);
        Assert.Equal("Mario Rossi", item.AuthorDisplayName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1742667604), item.OccurredAt);
        Assert.Equal("IT", item.Market);
    }

    [SkippableFact]
    public async Task Instagram_reference_vector_is_accepted_and_normalised()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.Instagram, ChannelTestKit.Base + "/graph/v19.0", "17841400000000000",
            new ChannelCredentials { WebhookSecret = "test_app_secret_123" });
        var response = await PostAsync(channel, Vector("instagram-comments-webhook.example.json"), "X-Hub-Signature-256",
            "sha256=f36e9f2e4ac6813dddaf4eab162c3849a904465275ac89e41473e565fb967592");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.DrainJobsAsync();
        var item = Assert.Single(RecordingSink.Of(channel.Id));
        Assert.Equal("17919697626119712", item.PlatformItemId);
        Assert.Equal("utente.prova", item.AuthorHandle);
        Assert.Equal("Mi è venuto un rash dopo la crema", item.Text);
        Assert.Equal("18172143295349192", item.PlatformThreadId);
    }

    [SkippableFact]
    public async Task Meta_handshake_echoes_the_challenge_only_for_the_verify_token()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.Facebook, ChannelTestKit.Base + "/graph/v19.0", "1", new ChannelCredentials { WebhookSecret = "s", VerifyToken = "meatyhamhock" });
        var client = app.Anonymous();
        var ok = await client.GetAsync(Url(channel) + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", ok.Content.Headers.ContentType?.MediaType);
        var wrong = await client.GetAsync(Url(channel) + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [SkippableFact]
    public async Task X_crc_and_signature_match_the_reference_vectors()
    {
        app.SkipIfUnavailable();
        Assert.Equal("sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=",
            WebhookSignatures.XCrcResponseToken("9b4507b3-9040-4669-9ca3-6b94edb50553", "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu"));
        var crcChannel = await app.AddChannelAsync(ChannelKind.X, ChannelTestKit.Base + "/x", "2244994945",
            new ChannelCredentials { WebhookSecret = "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu" });
        var crc = await app.Anonymous().GetAsync(Url(crcChannel) + "?crc_token=9b4507b3-9040-4669-9ca3-6b94edb50553");
        Assert.Equal(HttpStatusCode.OK, crc.StatusCode);
        using (var json = JsonDocument.Parse(await crc.Content.ReadAsStringAsync()))
        {
            Assert.Equal("sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=", json.RootElement.GetProperty("response_token").GetString());
        }

        var channel = await app.AddChannelAsync(ChannelKind.X, ChannelTestKit.Base + "/x", "2244994945", new ChannelCredentials { WebhookSecret = "test_consumer_secret" });
        var body = Encoding.UTF8.GetBytes("""{"for_user_id":"2244994945","tweet_create_events":[{"id_str":"1924465506158878979","text":"@acme ho avuto mal di testa dopo il farmaco","user":{"id_str":"1603419180975409153","screen_name":"utente"}}]}""");
        var response = await PostAsync(channel, body, "x-twitter-webhooks-signature", "sha256=qy2YhfADrJ4ngVn/pqLvSkTuUkb92aEI16zVnS+ptYE=");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.DrainJobsAsync();
        var item = Assert.Single(RecordingSink.Of(channel.Id));
        Assert.Equal(("1924465506158878979", InboundItemKind.Mention, "utente"), (item.PlatformItemId, item.ItemKind, item.AuthorHandle));
        Assert.Equal("@acme ho avuto mal di testa dopo il farmaco", item.Text);
    }

    /// <summary>The values of the shared LinkedIn reference (<c>Vectors/linkedin-webhook-validation-test-vectors.txt</c>).</summary>
    private sealed record LinkedInVectors(string ClientSecret, string ChallengeCode, string ChallengeResponse, string Body, string BodyMac, string PrefixedBodyMac)
    {
        public static LinkedInVectors Load()
        {
            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Modules", "Channels", "Vectors", "linkedin-webhook-validation-test-vectors.txt"));
            string Find(string pattern) => System.Text.RegularExpressions.Regex.Match(text, pattern, System.Text.RegularExpressions.RegexOptions.Multiline) is { Success: true } m
                ? m.Groups[1].Value : throw new InvalidDataException("Missing in the LinkedIn vectors: " + pattern);
            return new LinkedInVectors(
                Find(@"^clientSecret=(\S+)$"), Find(@"[?&]challengeCode=([0-9a-f-]+)"), Find("\"challengeResponse\": \"([0-9a-f]{64})\""),
                Find(@"^body=(\{.*\})\s*$"), Find(@"^A\) X-LI-Signature: ([0-9a-f]{64})"), Find(@"^B\) X-LI-Signature: ([0-9a-f]{64})"));
        }
    }

    [SkippableFact]
    public async Task LinkedIn_challenge_and_signature_match_the_reference_vectors_and_a_signed_notification_triggers_a_poll()
    {
        app.SkipIfUnavailable();
        var vectors = LinkedInVectors.Load();
        var channel = await app.AddChannelAsync(ChannelKind.LinkedIn, ChannelTestKit.Base + "/linkedin/rest", SandboxLinkedIn.Organization,
            new ChannelCredentials { WebhookSecret = vectors.ClientSecret, AccessToken = SandboxState.Token });
        var challenge = await app.Anonymous().GetAsync(Url(channel) + "?challengeCode=" + vectors.ChallengeCode);
        Assert.Equal(HttpStatusCode.OK, challenge.StatusCode);
        using (var json = JsonDocument.Parse(await challenge.Content.ReadAsStringAsync()))
        {
            Assert.Equal(vectors.ChallengeCode, json.RootElement.GetProperty("challengeCode").GetString());
            Assert.Equal(vectors.ChallengeResponse, json.RootElement.GetProperty("challengeResponse").GetString());
        }

        // Reading B (HMAC of "hmacsha256=" + body, LinkedIn's wording) is what the connector verifies and the sandbox sends.
        var body = Encoding.UTF8.GetBytes(vectors.Body);
        Assert.Equal(vectors.PrefixedBodyMac, WebhookSignatures.LinkedInSignature(body, vectors.ClientSecret));
        using (var sandboxRequest = SandboxSigner.SignedRequest("http://localhost/x", ChannelKind.LinkedIn, vectors.Body, vectors.ClientSecret))
        {
            Assert.Equal(vectors.PrefixedBodyMac, Assert.Single(sandboxRequest.Headers.GetValues("X-LI-Signature")));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(channel, body, "X-LI-Signature", vectors.BodyMac)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(channel, body, "X-LI-Signature", "hmacsha256=" + vectors.BodyMac)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(channel, Encoding.UTF8.GetBytes(vectors.Body + " "), "X-LI-Signature", vectors.PrefixedBodyMac)).StatusCode);
        Assert.Equal(0, await RawCountAsync(channel.Id));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(channel, body, "X-LI-Signature", vectors.PrefixedBodyMac.ToUpperInvariant())).StatusCode);

        var state = app.Factory.Services.GetRequiredService<SandboxState>();
        state.Add("linkedin", SandboxLinkedIn.Activity, "urn:li:person:abc", "Dr. Emily Carter", "Is there a version for clinicians?");
        await app.DrainJobsAsync();
        var item = Assert.Single(RecordingSink.Of(channel.Id));
        Assert.Equal("Is there a version for clinicians?", item.Text);
        Assert.StartsWith($"urn:li:comment:({SandboxLinkedIn.Activity},", item.PlatformItemId, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task YouTube_websub_handshake_and_sha1_signature_match_the_reference_vectors()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.YouTube, ChannelTestKit.Base + "/youtube/v3", "CHANNEL_ID",
            new ChannelCredentials { WebhookSecret = "test_hub_secret", AccessToken = SandboxState.Token });
        var verify = await app.Anonymous().GetAsync(Url(channel)
            + "?hub.mode=subscribe&hub.topic=https%3A%2F%2Fwww.youtube.com%2Fxml%2Ffeeds%2Fvideos.xml%3Fchannel_id%3DCHANNEL_ID&hub.challenge=abc123&hub.lease_seconds=432000");
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Equal("abc123", await verify.Content.ReadAsStringAsync());
        var foreign = await app.Anonymous().GetAsync(Url(channel) + "?hub.mode=subscribe&hub.topic=https%3A%2F%2Fexample.org%2Fother&hub.challenge=abc123");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var response = await PostAsync(channel, Vector("youtube-push-notification-atom.xml"), "X-Hub-Signature", "sha1=ea4ff5f3a07dc26c28266e529a4e806511ee1dc5", "application/atom+xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.DrainJobsAsync();
        var video = Assert.Single(RecordingSink.Of(channel.Id));
        Assert.Equal(("VIDEO_ID", InboundItemKind.Post, "Video title"), (video.PlatformItemId, video.ItemKind, video.Text));
        var polls = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Jobs.CountAsync(j => j.Type == "channels.poll" && j.Payload.Contains(channel.Id.ToString())));
        Assert.Equal(1, polls);
    }

    [SkippableFact]
    public async Task Bad_missing_or_stale_signatures_get_401_and_store_nothing()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.Facebook, ChannelTestKit.Base + "/graph/v19.0", "1", new ChannelCredentials { WebhookSecret = "test_app_secret_123" });
        var body = Vector("page-feed-comment-webhook.example.json");
        var good = WebhookSignatures.MetaSignature256(body, "test_app_secret_123");
        var tampered = (byte[])body.Clone();
        tampered[^10] ^= 1;

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync(Url(channel), Body(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(channel, body, "X-Hub-Signature-256", "sha256=" + new string('0', 64))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(channel, tampered, "X-Hub-Signature-256", good)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(channel, body, "X-Hub-Signature-256", WebhookSignatures.MetaSignature256(body, "other secret"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(channel, body, "X-Hub-Signature", "sha1=b4bb71654bc75dc93bc918ee8002d531337eebde")).StatusCode); // SHA-1 alone is not enough

        var old = Encoding.UTF8.GetBytes("""{"object":"page","entry":[{"id":"1","time":1577836800,"changes":[]}]}""");
        var stale = await PostAsync(channel, old, "X-Hub-Signature-256", WebhookSignatures.MetaSignature256(old, "test_app_secret_123"));
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Contains("too old", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await RawCountAsync(channel.Id));
    }

    [SkippableFact]
    public async Task Oversize_body_gets_413_and_stores_nothing()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.X, ChannelTestKit.Base + "/x", "1", new ChannelCredentials { WebhookSecret = "k" });
        var big = Encoding.UTF8.GetBytes("{\"for_user_id\":\"1\",\"pad\":\"" + new string('a', 70_000) + "\"}");
        var response = await PostAsync(channel, big, "x-twitter-webhooks-signature", WebhookSignatures.XSignature(big, "k"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        // Without a Content-Length the limit is enforced while reading.
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(channel)) { Content = new StreamContent(new MemoryStream(big)) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation("x-twitter-webhooks-signature", WebhookSignatures.XSignature(big, "k"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await app.Anonymous().SendAsync(request)).StatusCode);
        Assert.Equal(0, await RawCountAsync(channel.Id));
    }

    [SkippableFact]
    public async Task Concurrent_duplicate_deliveries_store_one_event_and_one_job()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.X, ChannelTestKit.Base + "/x", SandboxX.AccountId, new ChannelCredentials { WebhookSecret = "k" });
        var now = app.Factory.Clock.GetUtcNow();
        var tweet = new SandboxComment { Platform = "x", Id = "1900000000000000777", ThreadId = "", AuthorId = "9", AuthorName = "dup", Text = "same", CreatedAt = now, UpdatedAt = now };
        var body = Encoding.UTF8.GetBytes(SandboxX.MentionPayload(tweet));
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => PostAsync(channel, body, "x-twitter-webhooks-signature", WebhookSignatures.XSignature(body, "k"))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await RawCountAsync(channel.Id));
        var jobs = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Jobs.CountAsync(j => j.Type == "channels.process" && j.Payload.Contains(channel.Id.ToString())));
        Assert.Equal(1, jobs);
        await app.DrainJobsAsync();
        await app.DrainJobsAsync();
        Assert.Single(RecordingSink.Of(channel.Id));
    }

    [SkippableFact]
    public async Task Delete_before_create_carries_what_the_inbox_needs_to_end_deleted()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.X, ChannelTestKit.Base + "/x", SandboxX.AccountId, new ChannelCredentials { WebhookSecret = "k" });
        var created = app.Factory.Clock.GetUtcNow().AddMinutes(-5);
        var tweet = new SandboxComment { Platform = "x", Id = "1900000000000000888", ThreadId = "", AuthorId = "42", AuthorName = "late", Text = "oops", CreatedAt = created, UpdatedAt = created };
        var deletion = Encoding.UTF8.GetBytes(SandboxX.DeletePayload(tweet.Id, "42", created.AddMinutes(1)));
        var creation = Encoding.UTF8.GetBytes(SandboxX.MentionPayload(tweet));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(channel, deletion, "x-twitter-webhooks-signature", WebhookSignatures.XSignature(deletion, "k"))).StatusCode);
        await app.DrainJobsAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(channel, creation, "x-twitter-webhooks-signature", WebhookSignatures.XSignature(creation, "k"))).StatusCode);
        await app.DrainJobsAsync();

        var items = RecordingSink.Of(channel.Id);
        Assert.Equal([InboundChange.Deleted, InboundChange.Created], items.Select(i => i.Change));
        Assert.All(items, i => Assert.Equal(tweet.Id, i.PlatformItemId));
        Assert.NotEqual(items[0].EventId, items[1].EventId);
        // A sink that keeps the latest state by OccurredAt (deletion wins) converges whatever the arrival order.
        var final = items.OrderBy(i => i.OccurredAt).ThenBy(i => i.Change == InboundChange.Deleted).Last();
        Assert.Equal(InboundChange.Deleted, final.Change);
        Assert.True(items[0].OccurredAt > items[1].OccurredAt);
    }

    [SkippableFact]
    public async Task Facebook_edit_before_add_is_normalised_with_its_own_event_and_time()
    {
        app.SkipIfUnavailable();
        var channel = await app.AddChannelAsync(ChannelKind.Facebook, ChannelTestKit.Base + "/graph/v19.0", SandboxChannels.FacebookPageId, new ChannelCredentials { WebhookSecret = "k" });
        var at = app.Factory.Clock.GetUtcNow();
        var comment = new SandboxComment { Platform = "facebook", Id = "139560936744456_1", ThreadId = "137542570280222_139560936744456", AuthorId = "7", AuthorName = "Mario", Text = "prima", CreatedAt = at, UpdatedAt = at };
        var add = Encoding.UTF8.GetBytes(SandboxMeta.FacebookCommentPayload(SandboxChannels.FacebookPageId, comment));
        comment.Text = "dopo la modifica";
        comment.UpdatedAt = at.AddMinutes(2);
        var edit = Encoding.UTF8.GetBytes(SandboxMeta.FacebookCommentPayload(SandboxChannels.FacebookPageId, comment, "edited"));
        foreach (var body in new[] { edit, add })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(channel, body, "X-Hub-Signature-256", WebhookSignatures.MetaSignature256(body, "k"))).StatusCode);
        }

        await app.DrainJobsAsync();
        var items = RecordingSink.Of(channel.Id);
        Assert.Equal(2, items.Select(i => i.EventId).Distinct().Count());
        var edited = Assert.Single(items, i => i.Change == InboundChange.Edited);
        Assert.Equal("dopo la modifica", edited.Text);
        var added = Assert.Single(items, i => i.Change == InboundChange.Created);
        Assert.True(edited.OccurredAt > added.OccurredAt);
    }
}

public sealed class WebhookIngestTests_Sqlite(SqliteChannelsApp app) : WebhookIngestTests(app), IClassFixture<SqliteChannelsApp>;

public sealed class WebhookIngestTests_Postgres(PostgresChannelsApp app) : WebhookIngestTests(app), IClassFixture<PostgresChannelsApp>;
