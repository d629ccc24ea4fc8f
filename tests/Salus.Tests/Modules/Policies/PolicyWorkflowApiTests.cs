using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Policies;

public abstract class PolicyWorkflowApiTests(SalusApp app)
{
    [SkippableFact]
    public async Task Sign_offs_bind_to_the_exact_text_and_publication_puts_the_rules_in_force()
    {
        app.SkipIfUnavailable();
        var api = new PolicyApi(app);
        var created = await api.CreateAsync(["Legal", "Medical"]);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("draft", created.GetProperty("status").GetString());

        // Illegal transitions are refused with a conflict naming both states.
        var early = await api.PublishAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("policy.illegal-transition", await PolicyApi.CodeOf(early));
        Assert.Equal(HttpStatusCode.Conflict, (await api.SignAsync(Demo.Legal, id)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.SubmitAsync(id)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.SubmitAsync(id)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.SaveSectionAsync(id, "purpose", "Purpose", "Edited in review")).StatusCode);

        // Re-authentication: a wrong password signs nothing.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SignAsync(Demo.Legal, id, password: "wrong-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.SignAsync(Demo.Legal, id)).StatusCode);
        Assert.Equal("in-review", (await api.GetAsync(id)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.SignAsync(PolicyApi.Medical, id, "changes-requested", comment: "Cite art. 115 in the purpose.")).StatusCode);
        Assert.Equal("changes-requested", (await api.GetAsync(id)).GetProperty("status").GetString());

        // The owner edits: Legal's approval no longer matches the text and is shown so.
        (await api.SaveSectionAsync(id, "purpose", "Scopo e ambito", "Questa policy attua anche l'art. 115 del D.Lgs. 219/2006.")).EnsureSuccessStatusCode();
        var edited = await api.GetAsync(id);
        var legal = edited.GetProperty("signatures").EnumerateArray().First(s => s.GetProperty("function").GetString() == "Legal");
        Assert.Equal("no-longer-matches", legal.GetProperty("status").GetString());
        Assert.Equal("Luca Legale", legal.GetProperty("printedName").GetString());
        Assert.Equal("approved", legal.GetProperty("meaning").GetString());

        (await api.SubmitAsync(id)).EnsureSuccessStatusCode();
        (await api.SignAsync(PolicyApi.Medical, id)).EnsureSuccessStatusCode();
        Assert.Equal("in-review", (await api.GetAsync(id)).GetProperty("status").GetString()); // Legal must approve the new text too
        var blocked = await api.PublishAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        (await api.SignAsync(Demo.Legal, id)).EnsureSuccessStatusCode();
        var approved = await api.GetAsync(id);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.All(approved.GetProperty("signOffs").EnumerateArray(), s => Assert.Equal("approved", s.GetProperty("state").GetString()));

        var published = await api.PublishAsync(id);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var view = await published.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("published", view.GetProperty("status").GetString());
        var label = view.GetProperty("label").GetString()!;

        // From now the Italian rules decide, citing clause and version.
        var screen = await (await api.As(Demo.Agent)).PostAsJsonAsync("/api/screen", new { text = "Provate il nostro Ozempic! #dipendente", lang = "it", context = "employee-share", market = "IT" });
        var result = await screen.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("block", result.GetProperty("decision").GetString());
        Assert.Contains($"5.1@{label}", result.GetProperty("clauses").EnumerateArray().Select(c => c.GetString()));

        // Every step is in the audit trail.
        var actions = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries
            .Where(a => a.EntityId == id).Select(a => a.Action).ToListAsync());
        Assert.Contains("policy.submitted", actions);
        Assert.Contains("policy.published", actions);
        Assert.Contains("signature.failed", actions);

        // A new version is a draft; the published one becomes superseded only when the next is published.
        var next = await (await api.As(PolicyApi.Owner)).PostAsJsonAsync($"/api/policies/{view.GetProperty("policyId").GetString()}/versions", new { reason = "yearly review" });
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Equal("published", (await api.GetAsync(id)).GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Rule_compile_errors_are_reported_with_positions_and_block_publication()
    {
        app.SkipIfUnavailable();
        var api = new PolicyApi(app);
        var id = (await api.CreateAsync(["Legal"])).GetProperty("id").GetString()!;
        var save = await api.SaveSectionAsync(id, "crisis", "Crisi", "Testo.\n\n```rules\nrule crisis\n  when crisis\n  then panic\n  message \"x\"\n```\n");
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        var error = (await save.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ruleErrors").EnumerateArray().Single();
        Assert.Equal("crisis", error.GetProperty("sectionKey").GetString());
        Assert.Equal(6, error.GetProperty("line").GetInt32());
        Assert.Equal(8, error.GetProperty("column").GetInt32());
        Assert.Contains("Unknown action 'panic'", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        (await api.SubmitAsync(id)).EnsureSuccessStatusCode();
        (await api.SignAsync(Demo.Legal, id)).EnsureSuccessStatusCode();
        var publish = await api.PublishAsync(id);
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        var problem = await publish.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("policy.rules-invalid", problem.GetProperty("code").GetString());
        Assert.Contains("line 6, column 8", problem.GetProperty("errors").GetProperty("sections.crisis")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("approved", (await api.GetAsync(id)).GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Comments_replies_resolution_and_proposals_are_tracked()
    {
        app.SkipIfUnavailable();
        var api = new PolicyApi(app);
        var id = (await api.CreateAsync(["Legal"])).GetProperty("id").GetString()!;
        var legal = await api.As(Demo.Legal);
        var comment = await legal.PostAsJsonAsync($"/api/policies/versions/{id}/comments", new { sectionKey = "products", quote = "art. 115", body = "Add art. 116 too?" });
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        var commentId = (await comment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var badQuote = await legal.PostAsJsonAsync($"/api/policies/versions/{id}/comments", new { sectionKey = "products", quote = "not in the text", body = "?" });
        Assert.Equal(HttpStatusCode.BadRequest, badQuote.StatusCode);
        var reply = await (await api.As(PolicyApi.Owner)).PostAsJsonAsync($"/api/policies/versions/{id}/comments", new { sectionKey = "products", parentId = commentId, body = "Not needed." });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await legal.PostAsJsonAsync($"/api/policies/comments/{commentId}/resolve", new { })).StatusCode);

        var proposal = await (await api.As(PolicyApi.Medical)).PostAsJsonAsync($"/api/policies/versions/{id}/proposals", new { sectionKey = "contacts", body = "- Farmacovigilanza: pv@example.it", rationale = "new mailbox" });
        Assert.Equal(HttpStatusCode.Created, proposal.StatusCode);
        var proposalId = (await proposal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await legal.PostAsJsonAsync($"/api/policies/proposals/{proposalId}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await api.As(PolicyApi.Owner)).PostAsJsonAsync($"/api/policies/proposals/{proposalId}/accept", new { reason = "agreed" })).StatusCode);
        var contacts = (await api.GetAsync(id)).GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "contacts");
        Assert.Equal("- Farmacovigilanza: pv@example.it", contacts.GetProperty("body").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await (await api.As(PolicyApi.Owner)).PostAsJsonAsync($"/api/policies/proposals/{proposalId}/reject", new { })).StatusCode);

        var comments = await legal.GetFromJsonAsync<JsonElement>($"/api/policies/versions/{id}/comments");
        Assert.Equal(2, comments.GetArrayLength());
        Assert.Contains(comments.EnumerateArray(), c => c.GetProperty("resolvedUtc").ValueKind == JsonValueKind.String);
    }
}

public sealed class PolicyWorkflowApiTests_Sqlite(SqliteApp app) : PolicyWorkflowApiTests(app), IClassFixture<SqliteApp>;

public sealed class PolicyWorkflowApiTests_Postgres(PostgresApp app) : PolicyWorkflowApiTests(app), IClassFixture<PostgresApp>;
