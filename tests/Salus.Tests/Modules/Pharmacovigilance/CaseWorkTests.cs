using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Pharmacovigilance.Contracts;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Pharmacovigilance;

public abstract class CaseWorkTests(SalusApp app, RecordingChannelActions channels)
{
    [SkippableFact]
    public async Task Adverse_event_in_italian_comment_becomes_one_proposal_per_source_with_product_and_reaction_detected()
    {
        app.SkipIfUnavailable();
        var agent = await app.SignInAsync(Demo.Agent);
        var source = PvApi.Unique("comment");
        const string Text = "Da quando prendo lo Zoloft ho delle vertigini fortissime e non dormo più";
        var first = await agent.PostAsJsonAsync("/api/pv/signals", new { text = Text, sourceType = "inbox-item", sourceId = source, market = "IT", channel = "Facebook" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var body = await PvApi.Json(first);
        Assert.Contains(body.GetProperty("products").EnumerateArray(), p => p.GetProperty("name").GetString()!.Contains("Zoloft", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(body.GetProperty("reactions").EnumerateArray(), r => r.GetProperty("term").GetString() == "dizziness");

        var again = await PvApi.FlagAsync(agent, new { text = Text, sourceType = "inbox-item", sourceId = source });
        Assert.Equal(body.GetProperty("proposalId").GetGuid(), again);

        var officer = await app.SignInAsync(PvApi.Officer);
        var proposals = await officer.GetFromJsonAsync<JsonElement>("/api/pv/proposals?status=pending");
        var mine = proposals.EnumerateArray().Where(p => p.GetProperty("sourceId").GetString() == source).ToList();
        Assert.Single(mine);
        Assert.Equal(Text, mine[0].GetProperty("text").GetString());

        var bad = await agent.PostAsJsonAsync("/api/pv/signals", new { sourceId = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"text\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Confirming_opens_a_case_with_what_the_source_establishes_and_rejecting_needs_a_reason()
    {
        app.SkipIfUnavailable();
        var agent = await app.SignInAsync(Demo.Agent);
        var officer = await app.SignInAsync(PvApi.Officer);
        var proposal = await PvApi.FlagAsync(agent, new
        {
            text = "After starting Lexapro I get terrible headaches every day", market = "US", channel = "X", reporterPlatformId = PvApi.Unique("x-user"), reporterHandle = "@casework_one",
        });
        var opened = await PvApi.ConfirmAsync(officer, proposal);
        Assert.Matches("^PV-2026-[0-9]{4}$", opened.GetProperty("number").GetString());
        var criteria = opened.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("criterion").GetString()!, c => c.GetProperty("known").GetBoolean());
        Assert.True(criteria["reporter"]);
        Assert.True(criteria["reaction"]);
        Assert.True(criteria["product"]);
        Assert.False(criteria["patient"]);
        Assert.False(opened.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("day0").ValueKind);
        Assert.Contains(opened.GetProperty("products").EnumerateArray(), p => p.GetProperty("ingredients").GetString()!.Contains("scitalopram", StringComparison.OrdinalIgnoreCase));

        var twice = await officer.PostAsJsonAsync($"/api/pv/proposals/{proposal}/confirm", new { });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        var other = await PvApi.FlagAsync(agent, new { text = "Great webinar yesterday, thanks!", market = "IT" });
        var noReason = await officer.PostAsJsonAsync($"/api/pv/proposals/{other}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rejected = await PvApi.SendAsync(officer, HttpMethod.Post, $"/api/pv/proposals/{other}/reject", new { reason = "No adverse event: praise for a webinar" });
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());

        var trail = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries
            .Where(a => a.EntityId == other.ToString() || a.EntityId == proposal.ToString()).ToListAsync());
        Assert.Contains(trail, a => a.Action == "pv.proposal.rejected" && a.Reason == "No adverse event: praise for a webinar" && a.ActorName == PvApi.Officer);
        Assert.Contains(trail, a => a.Action == "pv.proposal.confirmed" && a.ActorName == PvApi.Officer);
        Assert.DoesNotContain(trail, a => (a.NewValues ?? "").Contains("casework_one", StringComparison.Ordinal));

        var agentMayNot = await agent.PostAsJsonAsync($"/api/pv/proposals/{other}/confirm", new { });
        Assert.Equal(HttpStatusCode.Forbidden, agentMayNot.StatusCode);
    }

    [SkippableFact]
    public async Task Day0_is_the_day_the_last_criterion_became_known_and_an_override_needs_a_reason()
    {
        app.SkipIfUnavailable();
        var clock = app.Factory.Clock;
        var agent = await app.SignInAsync(Demo.Agent);
        var officer = await app.SignInAsync(PvApi.Officer);
        var received = clock.GetUtcNow().AddDays(-3);
        var proposal = await PvApi.FlagAsync(agent, new
        {
            text = "Ho preso la Tachipirina e mi è venuta l'orticaria", market = "IT", reporterPlatformId = PvApi.Unique("fb"), receivedAt = received,
        });
        var opened = await PvApi.ConfirmAsync(officer, proposal);
        var id = opened.GetProperty("id").GetGuid();
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("day0").ValueKind);

        var patientKnown = clock.GetUtcNow().AddDays(-1);
        var complete = await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{id}/criteria/patient",
            new { known = true, detail = "The reporter's mother, 71", knownAt = patientKnown.UtcDateTime });
        Assert.True(complete.GetProperty("valid").GetBoolean());
        var expectedDay0 = DateOnly.FromDateTime(patientKnown.UtcDateTime);
        Assert.Equal(expectedDay0.ToString("yyyy-MM-dd"), complete.GetProperty("day0").GetString());
        // Non-serious, Italy: 90 days.
        Assert.Equal(expectedDay0.AddDays(90).ToString("yyyy-MM-dd"), complete.GetProperty("dueDate").GetString());

        var future = await officer.PutAsJsonAsync($"/api/pv/cases/{id}/criteria/patient", new { known = true, detail = "x", knownAt = clock.GetUtcNow().AddDays(2).UtcDateTime });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);

        var noReason = await officer.PutAsJsonAsync($"/api/pv/cases/{id}/day0", new { day0 = expectedDay0.AddDays(-2) });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var overridden = await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{id}/day0",
            new { day0 = expectedDay0.AddDays(-2), reason = "The medical information line heard of the patient two days earlier" });
        Assert.Equal(expectedDay0.AddDays(-2).ToString("yyyy-MM-dd"), overridden.GetProperty("day0").GetString());
        Assert.Equal(expectedDay0.ToString("yyyy-MM-dd"), overridden.GetProperty("computedDay0").GetString());

        var trail = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries
            .Where(a => a.EntityId == id.ToString() && a.Reason == "The medical information line heard of the patient two days earlier").CountAsync());
        Assert.Equal(1, trail);

        // Losing a criterion again makes the case invalid (no computed day 0); clearing the override restores the rule.
        await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{id}/day0", new { day0 = (DateOnly?)null, reason = "Override recorded by mistake" });
        var lost = await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{id}/criteria/product", new { known = false, reason = "Product name was a guess" });
        Assert.False(lost.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, lost.GetProperty("day0").ValueKind);
        Assert.Equal(JsonValueKind.Null, lost.GetProperty("dueDate").ValueKind);
    }

    [SkippableFact]
    public async Task Due_dates_follow_seriousness_and_market()
    {
        app.SkipIfUnavailable();
        var clock = app.Factory.Clock;
        var agent = await app.SignInAsync(Demo.Agent);
        var officer = await app.SignInAsync(PvApi.Officer);

        async Task<(Guid Id, DateOnly Day0)> ValidCaseAsync(string market)
        {
            var proposal = await PvApi.FlagAsync(agent, new
            {
                text = "My husband took Lipitor and had terrible muscle pain", market, reporterPlatformId = PvApi.Unique("u"), products = new[] { "Lipitor" }, reactions = new[] { "muscle pain" },
            });
            var opened = await PvApi.ConfirmAsync(officer, proposal);
            var id = opened.GetProperty("id").GetGuid();
            var c = await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{id}/criteria/patient", new { known = true, detail = "Reporter's husband" });
            return (id, DateOnly.Parse(c.GetProperty("day0").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        }

        async Task<JsonElement> SeriousnessAsync(Guid id, bool hospitalisation, bool? unexpected) =>
            await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{id}/seriousness", new { hospitalisation, unexpected, reason = "assessed" });

        var (it, itDay0) = await ValidCaseAsync("IT");
        Assert.Equal(itDay0.AddDays(90).ToString("yyyy-MM-dd"), (await SeriousnessAsync(it, false, null)).GetProperty("dueDate").GetString());
        var itSerious = await SeriousnessAsync(it, true, false);
        Assert.Equal(itDay0.AddDays(15).ToString("yyyy-MM-dd"), itSerious.GetProperty("dueDate").GetString());
        Assert.Equal("expedited-15", itSerious.GetProperty("reportingRule").GetString());
        Assert.Contains("hospitalisation", itSerious.GetProperty("seriousness").EnumerateArray().Select(s => s.GetString()));

        var (us, usDay0) = await ValidCaseAsync("US");
        var usUnexpected = await SeriousnessAsync(us, true, true);
        Assert.Equal(usDay0.AddDays(15).ToString("yyyy-MM-dd"), usUnexpected.GetProperty("dueDate").GetString());
        Assert.Equal("fda-15-day-alert", usUnexpected.GetProperty("reportingRule").GetString());
        var usExpected = await SeriousnessAsync(us, true, false);
        Assert.Equal(JsonValueKind.Null, usExpected.GetProperty("dueDate").ValueKind);
        Assert.Equal("periodic", usExpected.GetProperty("reportingRule").GetString());
        var usNonSerious = await SeriousnessAsync(us, false, true);
        Assert.Equal("periodic", usNonSerious.GetProperty("reportingRule").GetString());

        var (eu, euDay0) = await ValidCaseAsync("EU");
        Assert.Equal(euDay0.AddDays(15).ToString("yyyy-MM-dd"), (await SeriousnessAsync(eu, true, null)).GetProperty("dueDate").GetString());
        _ = clock;
    }

    [SkippableFact]
    public async Task Soon_due_and_overdue_alerts_are_raised_by_the_durable_deadline_job()
    {
        app.SkipIfUnavailable();
        var clock = app.Factory.Clock;
        var agent = await app.SignInAsync(Demo.Agent);
        var officer = await app.SignInAsync(PvApi.Officer);
        var proposal = await PvApi.FlagAsync(agent, new
        {
            text = "Dopo il Brufen sono finito in ospedale con un'emorragia", market = "IT", reporterPlatformId = PvApi.Unique("fb"),
            products = new[] { "Brufen" }, reactions = new[] { "emorragia" },
        });
        var id = (await PvApi.ConfirmAsync(officer, proposal)).GetProperty("id").GetGuid();
        await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{id}/criteria/patient", new { known = true, detail = "The reporter himself" });
        var serious = await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{id}/seriousness", new { hospitalisation = true, reason = "hospitalised" });
        var due = DateOnly.Parse(serious.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        await RunJobsAsync();
        Assert.DoesNotContain(await AlertsAsync(officer), a => a.CaseId == id);

        clock.Advance(due.AddDays(-3).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - clock.GetUtcNow().UtcDateTime + TimeSpan.FromHours(1));
        await RunJobsAsync();
        officer = await app.SignInAsync(PvApi.Officer); // days passed: the session expired
        var soon = await AlertsAsync(officer);
        Assert.Contains(soon, a => a.CaseId == id && a.Kind == "soon-due");
        Assert.DoesNotContain(soon, a => a.CaseId == id && a.Kind == "overdue");

        clock.Advance(TimeSpan.FromDays(4));
        await RunJobsAsync();
        officer = await app.SignInAsync(PvApi.Officer);
        var late = await AlertsAsync(officer);
        Assert.Contains(late, a => a.CaseId == id && a.Kind == "overdue");
        var list = await officer.GetStringAsync("/api/pv/cases");
        Assert.Contains("\"deadline\":\"overdue\"", list, StringComparison.Ordinal);

        // Reported cases leave the alert list.
        await PvApi.SendAsync(officer, HttpMethod.Post, $"/api/pv/cases/{id}/reported", new { reason = "Submitted to EudraVigilance" });
        Assert.DoesNotContain(await AlertsAsync(officer), a => a.CaseId == id);
    }

    [SkippableFact]
    public async Task Follow_up_goes_to_the_reporter_as_a_private_message_from_an_approved_template_and_the_reply_attaches()
    {
        app.SkipIfUnavailable();
        var agent = await app.SignInAsync(Demo.Agent);
        var officer = await app.SignInAsync(PvApi.Officer);
        var channel = Guid.NewGuid();
        var reporter = PvApi.Unique("fb-user");
        var proposal = await PvApi.FlagAsync(agent, new
        {
            text = "Mia madre prende lo Xarelto e ha avuto un sanguinamento dal naso", market = "IT", language = "it", channelId = channel, channel = "Facebook",
            sourceType = "inbox-item", sourceId = PvApi.Unique("item"), reporterPlatformId = reporter,
        });
        var id = (await PvApi.ConfirmAsync(officer, proposal)).GetProperty("id").GetGuid();

        var unknownTemplate = await officer.PostAsJsonAsync($"/api/pv/cases/{id}/follow-ups", new { template = "free text please" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownTemplate.StatusCode);

        var sent = await PvApi.SendAsync(officer, HttpMethod.Post, $"/api/pv/cases/{id}/follow-ups", new { template = "patient" });
        Assert.Equal("it", sent.GetProperty("language").GetString());
        var message = channels.PrivateMessages.Single(m => m.Recipient == reporter);
        Assert.Equal(channel, message.Channel);
        Assert.StartsWith("Grazie per averci raccontato", message.Text, StringComparison.Ordinal);

        var reply = new FollowUpMessage(channel, reporter, PvApi.Unique("dm"), "Ha 78 anni, è una donna", app.Factory.Clock.GetUtcNow());
        var attached = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<IAdverseEventIntake>().TryAttachFollowUpAsync(reply, CancellationToken.None));
        Assert.True(attached);
        Assert.True(await app.Factory.InScopeAsync(sp => sp.GetRequiredService<IAdverseEventIntake>().TryAttachFollowUpAsync(reply, CancellationToken.None)));
        var stranger = reply with { ReporterPlatformId = "someone-else", PlatformItemId = PvApi.Unique("dm") };
        Assert.False(await app.Factory.InScopeAsync(sp => sp.GetRequiredService<IAdverseEventIntake>().TryAttachFollowUpAsync(stranger, CancellationToken.None)));

        var pvCase = await officer.GetFromJsonAsync<JsonElement>($"/api/pv/cases/{id}");
        var followUps = pvCase.GetProperty("followUps").EnumerateArray().ToList();
        Assert.Equal(["request", "reply"], followUps.Select(f => f.GetProperty("kind").GetString()));
        Assert.Equal("Ha 78 anni, è una donna", followUps[1].GetProperty("text").GetString());
        Assert.False(pvCase.GetProperty("awaitingFollowUp").GetBoolean());
    }

    [SkippableFact]
    public async Task Same_person_product_and_reaction_on_another_channel_weeks_later_suggests_a_duplicate_that_an_officer_links()
    {
        app.SkipIfUnavailable();
        var agent = await app.SignInAsync(Demo.Agent);
        var officer = await app.SignInAsync(PvApi.Officer);
        var handle = PvApi.Unique("marta");
        var first = await PvApi.ConfirmAsync(officer, await PvApi.FlagAsync(agent, new
        {
            text = "Con il Cymbalta ho una nausea terribile", market = "IT", channel = "Facebook", reporterPlatformId = PvApi.Unique("fb"), reporterHandle = handle,
            receivedAt = app.Factory.Clock.GetUtcNow().AddDays(-20),
        }));
        var unrelated = await PvApi.ConfirmAsync(officer, await PvApi.FlagAsync(agent, new
        {
            text = "Con il Cymbalta ho una nausea terribile", market = "IT", channel = "Facebook", reporterPlatformId = PvApi.Unique("fb"), reporterHandle = PvApi.Unique("other"),
        }));
        var second = await PvApi.ConfirmAsync(officer, await PvApi.FlagAsync(agent, new
        {
            text = "Ancora nausea da quando prendo il Cymbalta", market = "IT", channel = "Instagram", reporterPlatformId = PvApi.Unique("ig"), reporterHandle = "@" + handle.ToUpperInvariant(),
        }));
        var secondId = second.GetProperty("id").GetGuid();
        var suggestions = (await officer.GetFromJsonAsync<JsonElement>($"/api/pv/cases/{secondId}/duplicates")).EnumerateArray().ToList();
        var link = Assert.Single(suggestions, s => s.GetProperty("otherCaseId").GetGuid() == first.GetProperty("id").GetGuid());
        Assert.Equal(1.0, link.GetProperty("score").GetDouble());
        Assert.Contains("same reporter handle", link.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("same reaction (nausea)", link.GetProperty("reason").GetString(), StringComparison.Ordinal);
        // Same product and reaction but another person: 0.6 — suggested, with a lower score.
        var weaker = Assert.Single(suggestions, s => s.GetProperty("otherCaseId").GetGuid() == unrelated.GetProperty("id").GetGuid());
        Assert.True(weaker.GetProperty("score").GetDouble() < 1.0);

        var linked = await PvApi.SendAsync(officer, HttpMethod.Post, $"/api/pv/duplicates/{link.GetProperty("id").GetGuid()}/link", new { reason = "Same patient, follow-up on Instagram" });
        Assert.Equal("linked", linked.GetProperty("status").GetString());
        var dismissed = await PvApi.SendAsync(officer, HttpMethod.Post, $"/api/pv/duplicates/{weaker.GetProperty("id").GetGuid()}/dismiss", new { reason = "Different people" });
        Assert.Equal("dismissed", dismissed.GetProperty("status").GetString());
        var again = await officer.PostAsJsonAsync($"/api/pv/duplicates/{weaker.GetProperty("id").GetGuid()}/link", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [SkippableFact]
    public async Task Reactions_are_coded_with_engine_terms_and_optional_meddra_and_products_link_to_the_drug_lexicon()
    {
        app.SkipIfUnavailable();
        var agent = await app.SignInAsync(Demo.Agent);
        var officer = await app.SignInAsync(PvApi.Officer);
        var id = (await PvApi.ConfirmAsync(officer, await PvApi.FlagAsync(agent, new { text = "Something happened after my pills", market = "US", products = new[] { "x-unknown-product" }, reactions = new[] { "odd feeling" } })))
            .GetProperty("id").GetGuid();
        var coded = await PvApi.SendAsync(officer, HttpMethod.Post, $"/api/pv/cases/{id}/reactions", new { text = "mal di testa" });
        Assert.Contains(coded.GetProperty("reactions").EnumerateArray(), r => r.GetProperty("term").GetString() == "headache");
        var withMeddra = await PvApi.SendAsync(officer, HttpMethod.Post, $"/api/pv/cases/{id}/reactions", new { term = "rash", text = "red spots", medDraCode = "10037844", medDraVersion = "27.1" });
        Assert.Contains(withMeddra.GetProperty("reactions").EnumerateArray(), r => r.GetProperty("medDraCode").GetString() == "10037844");
        var badCode = await officer.PostAsJsonAsync($"/api/pv/cases/{id}/reactions", new { text = "x", medDraCode = "12" });
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        var body = await badCode.Content.ReadAsStringAsync();
        Assert.Contains("medDraCode", body, StringComparison.Ordinal);
        Assert.Contains("medDraVersion", body, StringComparison.Ordinal);
        var badTerm = await officer.PostAsJsonAsync($"/api/pv/cases/{id}/reactions", new { term = "not-a-term" });
        Assert.Equal(HttpStatusCode.BadRequest, badTerm.StatusCode);

        var product = await PvApi.SendAsync(officer, HttpMethod.Post, $"/api/pv/cases/{id}/products", new { name = "zoloft" });
        var zoloft = product.GetProperty("products").EnumerateArray().Single(p => p.GetProperty("name").GetString()!.Equals("Zoloft", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("sertraline", zoloft.GetProperty("ingredients").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrEmpty(zoloft.GetProperty("code").GetString()));

        var terms = await officer.GetFromJsonAsync<JsonElement>("/api/pv/reaction-terms");
        Assert.Contains(terms.EnumerateArray(), t => t.GetProperty("id").GetString() == "headache");
    }

    private async Task RunJobsAsync() =>
        await app.Factory.InScopeAsync(async sp =>
        {
            var worker = sp.GetRequiredService<JobWorker>();
            while (await worker.RunOnceAsync(CancellationToken.None) > 0)
            {
            }
        });

    private static async Task<List<(Guid CaseId, string Kind)>> AlertsAsync(HttpClient officer) =>
        [.. (await officer.GetFromJsonAsync<JsonElement>("/api/pv/alerts")).EnumerateArray()
            .Select(a => (a.GetProperty("caseId").GetGuid(), a.GetProperty("kind").GetString()!))];

    [SkippableFact]
    public async Task Officers_confirming_at_the_same_moment_get_distinct_case_numbers()
    {
        app.SkipIfUnavailable();
        var agent = await app.SignInAsync(Demo.Agent);
        var proposals = new List<Guid>();
        for (int i = 0; i < 8; i++)
        {
            proposals.Add(await PvApi.FlagAsync(agent, new { text = $"Since starting Zoloft I have had bad headaches ({i})", sourceType = "inbox-item", sourceId = PvApi.Unique("race") }));
        }

        // several officers' sessions confirming at once: every request reads the year's count before any commits
        var officers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.SignInAsync(PvApi.Officer)));
        var responses = await Task.WhenAll(proposals.Select((p, i) =>
            officers[i % officers.Length].PostAsJsonAsync($"/api/pv/proposals/{p}/confirm", new { reason = "valid report" })));
        foreach (var r in responses)
        {
            Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }

        var numbers = new List<string>();
        foreach (var r in responses)
        {
            numbers.Add((await PvApi.Json(r)).GetProperty("number").GetString()!);
        }

        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
    }
}

public sealed class CaseWorkTests_Sqlite(SqlitePvApp app) : CaseWorkTests(app, app.Channels), IClassFixture<SqlitePvApp>;

public sealed class CaseWorkTests_Postgres(PostgresPvApp app) : CaseWorkTests(app, app.Channels), IClassFixture<PostgresPvApp>;
