using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Sandbox;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Ingest;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Platform.Audit;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Channels;

/// <summary>
/// A channel's product (the medicine a brand page is about): set through the API or the page, carried on every inbound
/// item, and used by the inbox to screen the item, so a side effect told without naming the medicine is an adverse event.
/// </summary>
public abstract class ChannelProductTests(SalusApp app)
{
    private const string Secret = "product-test-secret";
    private const string Nausea = "Da due settimane ho una nausea terribile e non dormo";

    private static readonly ChannelCredentials Credentials = new() { AccessToken = SandboxState.Token, WebhookSecret = Secret };

    private Task<Channel> FacebookAsync(string? product = null) =>
        app.AddChannelAsync(ChannelKind.Facebook, ChannelTestKit.Base + "/graph/v19.0", SandboxChannels.FacebookPageId, Credentials, product: product);

    /// <summary>A comment under the page's post, signed like Meta signs it, then processed by the job worker.</summary>
    private async Task CommentAsync(Channel channel, string commentId, string text, string verb = "add", int minutesLater = 0)
    {
        var at = app.Factory.Clock.GetUtcNow();
        var comment = new SandboxComment
        {
            Platform = "facebook", Id = $"139560936744456_{commentId}", ThreadId = $"{SandboxChannels.FacebookPageId}_139560936744456",
            AuthorId = "u-" + commentId, AuthorName = "Persona", Text = text, CreatedAt = at, UpdatedAt = at.AddMinutes(minutesLater),
        };
        var body = Encoding.UTF8.GetBytes(SandboxMeta.FacebookCommentPayload(SandboxChannels.FacebookPageId, comment, verb));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/channels/{channel.Id}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", WebhookSignatures.MetaSignature256(body, Secret));
        var response = await app.Anonymous().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.DrainJobsAsync();
    }

    private Task<InboxItem> ItemAsync(Channel channel, string commentId) => app.InScope(sp => sp.GetRequiredService<SalusDbContext>()
        .Set<InboxItem>().AsNoTracking().SingleAsync(i => i.ChannelId == channel.Id && i.PlatformItemId == $"139560936744456_{commentId}"));

    private Task<Channel> StoredAsync(Guid id) =>
        app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<Channel>().AsNoTracking().SingleAsync(c => c.Id == id));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [SkippableFact]
    public async Task Italian_comment_without_a_medicine_on_a_product_channel_is_an_adverse_event_routed_to_pharmacovigilance()
    {
        app.SkipIfUnavailable();
        var channel = await FacebookAsync();
        var admin = await app.SignInAsync(Demo.Admin);
        var set = await admin.PutAsJsonAsync($"/api/channels/{channel.Id}/product", new { product = "  Tachipirina  " });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        await CommentAsync(channel, "ae1", Nausea);

        var item = await ItemAsync(channel, "ae1");
        Assert.True(item.HasCategory("adverse-event"), item.Categories);
        Assert.Equal(RiskPriority.AdverseEvent, item.Priority);
        Assert.Equal("escalate", item.Decision);
        Assert.Equal("pharmacovigilance", item.RoutedTo);
        var finding = Assert.Single(ItemScreening.Findings(item.FindingsJson), f => f.Category == "adverse-event");
        Assert.Equal("Tachipirina", finding.Product);
        Assert.Contains("nausea", Nausea[finding.Start..finding.End], StringComparison.Ordinal);

        // The case proposal names the channel's product as the suspect one: the text names none.
        var proposal = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<CaseProposal>().AsNoTracking()
            .SingleAsync(p => p.SourceType == "inbox-item" && p.SourceId == item.Id.ToString()));
        Assert.Contains("\"Tachipirina\"", proposal.ProductsJson, StringComparison.Ordinal);
        Assert.Equal(proposal.Id, item.PvCaseId);
        Assert.False(finding.MedicineNotNamed);

        var html = await (await app.SignInAsync(Demo.Agent)).GetStringAsync($"/inbox/conversations/{item.ConversationId}");
        Assert.Contains("ae-credited", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ae-unnamed", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_same_italian_comment_on_a_channel_without_product_is_not_an_adverse_event()
    {
        app.SkipIfUnavailable();
        var channel = await FacebookAsync();

        await CommentAsync(channel, "plain1", Nausea);

        var item = await ItemAsync(channel, "plain1");
        Assert.False(item.HasCategory("adverse-event"), item.Categories);
        Assert.NotEqual(RiskPriority.AdverseEvent, item.Priority);
        Assert.Null(item.PvCaseId);
        Assert.NotEqual("pharmacovigilance", item.RoutedTo);
    }

    [SkippableFact]
    public async Task An_english_comment_telling_a_reaction_without_the_medicine_reaches_pharmacovigilance_with_the_product_to_ask_for()
    {
        app.SkipIfUnavailable();
        var channel = await FacebookAsync(); // no product: the engine's unnamed-medicine reading (English) applies

        await CommentAsync(channel, "en1", "Since I started I have had terrible nausea and I can't sleep at night");

        var item = await ItemAsync(channel, "en1");
        Assert.True(item.HasCategory("adverse-event"), item.Categories);
        Assert.Equal("pharmacovigilance", item.RoutedTo);
        var finding = Assert.Single(ItemScreening.Findings(item.FindingsJson), f => f.Category == "adverse-event");
        Assert.Null(finding.Product);
        Assert.True(finding.MedicineNotNamed);

        // the agent is told to ask which medicine
        var agent = await app.SignInAsync(Demo.Agent);
        var html = await agent.GetStringAsync($"/inbox/conversations/{item.ConversationId}");
        Assert.Contains("ae-unnamed", html, StringComparison.Ordinal);

        // the proposal is made with no suspect product: the officer asks for it in the follow-up, nothing is dropped
        var proposal = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<CaseProposal>().AsNoTracking()
            .SingleAsync(p => p.SourceType == "inbox-item" && p.SourceId == item.Id.ToString()));
        Assert.Equal(proposal.Id, item.PvCaseId);
        Assert.DoesNotContain("Tachipirina", proposal.ProductsJson, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_edit_arriving_later_on_a_product_channel_is_screened_with_the_product()
    {
        app.SkipIfUnavailable();
        var channel = await FacebookAsync(product: "Tachipirina");

        await CommentAsync(channel, "edit1", "Grazie per le informazioni sulla confezione.");
        Assert.False((await ItemAsync(channel, "edit1")).HasCategory("adverse-event"));

        await CommentAsync(channel, "edit1", Nausea + ".", verb: "edited", minutesLater: 5);
        var item = await ItemAsync(channel, "edit1");
        Assert.True(item.Edited);
        Assert.True(item.HasCategory("adverse-event"), item.Categories);
        Assert.Equal("pharmacovigilance", item.RoutedTo);
    }

    [SkippableFact]
    public async Task The_api_refuses_a_product_longer_than_200_characters_with_a_problem_naming_the_field_and_keeps_the_stored_one()
    {
        app.SkipIfUnavailable();
        var channel = await FacebookAsync(product: "Tachipirina");
        var admin = await app.SignInAsync(Demo.Admin);

        var response = await admin.PutAsJsonAsync($"/api/channels/{channel.Id}/product", new { product = new string('x', 201) });

        var problem = await ProblemAsync(response);
        Assert.Equal("channel.product", problem.GetProperty("code").GetString());
        var messages = problem.GetProperty("errors").GetProperty("product").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains("200", StringComparison.Ordinal));
        Assert.Equal("Tachipirina", (await StoredAsync(channel.Id)).Product);

        // 200 characters after trimming are accepted.
        var exact = await admin.PutAsJsonAsync($"/api/channels/{channel.Id}/product", new { product = " " + new string('y', 200) + " " });
        Assert.Equal(HttpStatusCode.OK, exact.StatusCode);
        Assert.Equal(new string('y', 200), (await StoredAsync(channel.Id)).Product);
    }

    [SkippableFact]
    public async Task The_api_refuses_a_missing_or_mistyped_product_a_line_break_and_a_body_that_is_not_json()
    {
        app.SkipIfUnavailable();
        var channel = await FacebookAsync(product: "Tachipirina");
        var admin = await app.SignInAsync(Demo.Admin);
        var url = $"/api/channels/{channel.Id}/product";

        var missing = await ProblemAsync(await admin.PutAsJsonAsync(url, new { name = "Tachipirina" }));
        Assert.True(missing.GetProperty("errors").TryGetProperty("product", out _));
        var number = await ProblemAsync(await admin.PutAsJsonAsync(url, new { product = 5 }));
        Assert.True(number.GetProperty("errors").TryGetProperty("product", out _));
        var twoLines = await ProblemAsync(await admin.PutAsJsonAsync(url, new { product = "Tachipirina\nItalia" }));
        Assert.True(twoLines.GetProperty("errors").TryGetProperty("product", out _));
        var notJson = await ProblemAsync(await admin.PutAsync(url, new StringContent("Tachipirina", Encoding.UTF8, "application/json")));
        Assert.True(notJson.GetProperty("errors").TryGetProperty("body", out _));

        Assert.Equal("Tachipirina", (await StoredAsync(channel.Id)).Product);
        var unknown = await admin.PutAsJsonAsync($"/api/channels/{Guid.NewGuid()}/product", new { product = "Tachipirina" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task A_blank_product_is_stored_as_null_and_shown_as_null()
    {
        app.SkipIfUnavailable();
        var channel = await FacebookAsync(product: "Tachipirina");
        var admin = await app.SignInAsync(Demo.Admin);

        var response = await admin.PutAsJsonAsync($"/api/channels/{channel.Id}/product", new { product = "   " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await StoredAsync(channel.Id)).Product);
        var shown = JsonDocument.Parse(await admin.GetStringAsync($"/api/channels/{channel.Id}")).RootElement;
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("product").ValueKind);
        Assert.Equal(channel.Name, shown.GetProperty("name").GetString());
        Assert.False(shown.TryGetProperty("protectedCredentials", out _));
    }

    [SkippableFact]
    public async Task Changing_the_product_is_audited_with_old_and_new_value_actor_and_reason()
    {
        app.SkipIfUnavailable();
        var channel = await FacebookAsync(product: "Tachipirina");
        var admin = await app.SignInAsync(Demo.Admin);

        var response = await admin.PutAsJsonAsync($"/api/channels/{channel.Id}/product", new { product = "Moment", reason = "the page was renamed" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == nameof(Channel) && a.EntityId == channel.Id.ToString() && a.Action == "updated")
            .OrderByDescending(a => a.Sequence).FirstAsync());
        Assert.Equal("Tachipirina", JsonDocument.Parse(entry.OldValues!).RootElement.GetProperty("Product").GetString());
        Assert.Equal("Moment", JsonDocument.Parse(entry.NewValues!).RootElement.GetProperty("Product").GetString());
        Assert.Equal("the page was renamed", entry.Reason);
        Assert.Equal(Demo.Admin, entry.ActorName);

        // Setting the same value again changes nothing, so it adds nothing to the trail.
        var count = await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<AuditEntry>().CountAsync(a => a.EntityId == channel.Id.ToString()));
        await admin.PutAsJsonAsync($"/api/channels/{channel.Id}/product", new { product = " Moment " });
        Assert.Equal(count, await app.InScope(sp => sp.GetRequiredService<SalusDbContext>().Set<AuditEntry>().CountAsync(a => a.EntityId == channel.Id.ToString())));
    }

    [SkippableFact]
    public async Task The_page_sets_and_shows_the_product_refuses_a_long_one_with_a_field_error_and_labels_it_in_italian()
    {
        app.SkipIfUnavailable();
        var channel = await FacebookAsync();
        var admin = await app.SignInAsync(Demo.Admin);
        Dictionary<string, string> Form(string product) => new()
        {
            ["Input.Kind"] = "Facebook", ["Input.Name"] = channel.Name, ["Input.Market"] = "IT", ["Input.Product"] = product,
            ["Input.ApiBaseUrl"] = channel.ApiBaseUrl, ["Input.AccountId"] = channel.AccountId, ["Input.PollIntervalSeconds"] = "60", ["Input.Enabled"] = "true",
        };
        var edit = $"/channels/edit/{channel.Id}";

        var saved = await SalusApp.PostFormAsync(admin, edit, Form("  Tachipirina "));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Tachipirina", (await StoredAsync(channel.Id)).Product);
        Assert.Contains("<td>Tachipirina</td>", await admin.GetStringAsync("/channels"), StringComparison.Ordinal);
        Assert.Contains("value=\"Tachipirina\"", await admin.GetStringAsync(edit), StringComparison.Ordinal);

        var refused = await SalusApp.PostFormAsync(admin, edit, Form(new string('x', 201)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Product: at most 200 characters, on one line.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Tachipirina", (await StoredAsync(channel.Id)).Product);

        var cleared = await SalusApp.PostFormAsync(admin, edit, Form(" "));
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Null((await StoredAsync(channel.Id)).Product);

        await SalusApp.PostFormAsync(admin, "/culture", new() { ["culture"] = "it", ["returnUrl"] = "/channels" }, tokenFrom: "/channels");
        try
        {
            var page = await admin.GetStringAsync(edit);
            Assert.Contains(">Prodotto</label>", page, StringComparison.Ordinal);
            var italian = await SalusApp.PostFormAsync(admin, edit, Form(new string('x', 201)));
            Assert.Contains("Prodotto: al massimo 200 caratteri, su una sola riga.", await italian.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await SalusApp.PostFormAsync(admin, "/culture", new() { ["culture"] = "en", ["returnUrl"] = "/channels" }, tokenFrom: "/channels");
        }
    }
}

public sealed class ChannelProductTests_Sqlite(SqliteChannelsApp app) : ChannelProductTests(app), IClassFixture<SqliteChannelsApp>;

public sealed class ChannelProductTests_Postgres(PostgresChannelsApp app) : ChannelProductTests(app), IClassFixture<PostgresChannelsApp>;

/// <summary>The product rule itself, shared by the page and the API.</summary>
public sealed class ChannelProductRuleTests
{
    [Fact]
    public void The_product_rule_trims_turns_blank_into_null_and_refuses_long_or_multi_line_values()
    {
        Assert.Equal("Tachipirina", ChannelProduct.Parse("  Tachipirina\t").Value);
        Assert.Null(ChannelProduct.Parse(" \t ").Value);
        Assert.Null(ChannelProduct.Parse(null).Value);
        Assert.Equal(200, ChannelProduct.Parse(new string('a', 200)).Value!.Length);
        Assert.Equal("product", Assert.Single(ChannelProduct.Parse(new string('a', 201)).Error!.Fields!).Key);
        Assert.False(ChannelProduct.Parse("Tachi\u0000pirina").IsSuccess);
    }
}
