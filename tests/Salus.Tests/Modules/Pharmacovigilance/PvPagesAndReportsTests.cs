using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Salus.Modules.Pharmacovigilance;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Pharmacovigilance;

public abstract partial class PvPagesAndReportsTests(SalusApp app, RecordingChannelActions channels)
{
    [SkippableFact]
    public async Task Officer_works_a_proposal_through_the_pages_in_english_and_italian()
    {
        app.SkipIfUnavailable();
        var agent = await app.SignInAsync(Demo.Agent);
        var officer = await app.SignInAsync(PvApi.Officer);
        const string Text = "Da quando prendo il Cymbalta ho la nausea tutto il giorno";
        var proposal = await PvApi.FlagAsync(agent, new { text = Text, market = "IT", channel = "Facebook", reporterPlatformId = PvApi.Unique("fb") });

        var queue = await officer.GetStringAsync("/pv");
        Assert.Contains(Text, queue, StringComparison.Ordinal);
        Assert.Contains($"proposal-{proposal}", queue, StringComparison.Ordinal);

        var confirm = await SalusApp.PostFormAsync(officer, "/pv?handler=Confirm", new() { ["id"] = proposal.ToString(), ["reason"] = "valid" }, tokenFrom: "/pv");
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var casePath = confirm.Headers.Location!.OriginalString;
        Assert.Matches("^/pv/cases/[0-9a-f-]{36}$", casePath);

        var setPatient = await SalusApp.PostFormAsync(officer, casePath + "?handler=Criterion",
            new() { ["criterion"] = "Patient", ["known"] = "true", ["detail"] = "The reporter herself" }, tokenFrom: casePath);
        Assert.Equal(HttpStatusCode.Redirect, setPatient.StatusCode);
        var missingReason = await SalusApp.PostFormAsync(officer, casePath + "?handler=Day0", new() { ["day0"] = "2026-10-01", ["reason"] = "" }, tokenFrom: casePath);
        Assert.Equal(HttpStatusCode.OK, missingReason.StatusCode);
        Assert.Contains("Changing day 0 needs a reason.", await missingReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = await officer.GetStringAsync(casePath);
        Assert.Contains("id=\"criteria\"", page, StringComparison.Ordinal);
        Assert.Contains("The reporter herself", page, StringComparison.Ordinal);
        Assert.Contains("expedited-90", page, StringComparison.Ordinal);
        Assert.Contains("/e2b\"", page, StringComparison.Ordinal);

        var italian = await app.SignInAsync(PvApi.Officer);
        italian.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dit%7Cuic%3Dit");
        var pageIt = await italian.GetStringAsync(casePath);
        Assert.Contains("Criteri minimi", pageIt, StringComparison.Ordinal);
        Assert.Contains("Giorno 0", pageIt, StringComparison.Ordinal);
        var queueIt = await italian.GetStringAsync("/pv");
        Assert.Contains("Proposte da valutare", queueIt, StringComparison.Ordinal);
        Assert.Contains("Report di riconciliazione", await italian.GetStringAsync("/pv/reconciliation"), StringComparison.Ordinal);
        Assert.Contains("Avvisi di scadenza", await italian.GetStringAsync("/pv/alerts"), StringComparison.Ordinal);

        var cioms = await officer.GetStringAsync(casePath + "/cioms");
        Assert.Contains("CIOMS FORM", cioms, StringComparison.Ordinal);
        Assert.Contains("Cymbalta", cioms, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("id=\"cioms-control\">PV-2026-[0-9]{4}<", cioms);

        var unknown = await officer.GetAsync("/pv/cases/00000000-0000-0000-0000-000000000009");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [SkippableFact]
    public async Task Reconciliation_lists_every_flagged_item_with_its_case_and_highlights_gaps_in_page_and_csv()
    {
        app.SkipIfUnavailable();
        var clock = app.Factory.Clock;
        var agent = await app.SignInAsync(Demo.Agent);
        var officer = await app.SignInAsync(PvApi.Officer);
        var tag = PvApi.Unique("recon");
        var confirmed = await PvApi.FlagAsync(agent, new { text = "Lexapro gave me headaches", sourceType = "inbox-item", sourceId = tag + "-a", market = "US" });
        var rejected = await PvApi.FlagAsync(agent, new { text = "Loved the webinar", sourceType = "inbox-item", sourceId = tag + "-b", market = "US" });
        var undecided = await PvApi.FlagAsync(agent, new { text = "Zoloft made me dizzy", sourceType = "inbox-item", sourceId = tag + "-c", market = "US" });
        var fresh = Guid.Empty;
        var caseNumber = (await PvApi.ConfirmAsync(officer, confirmed)).GetProperty("number").GetString();
        await PvApi.SendAsync(officer, HttpMethod.Post, $"/api/pv/proposals/{rejected}/reject", new { reason = "Not an adverse event" });
        clock.Advance(TimeSpan.FromDays(2));
        fresh = await PvApi.FlagAsync(agent = await app.SignInAsync(Demo.Agent), new { text = "Zoloft again", sourceType = "inbox-item", sourceId = tag + "-d", market = "US" });

        var auditor = await app.SignInAsync(Demo.Auditor);
        var rows = (await auditor.GetFromJsonAsync<JsonElement>("/api/pv/reconciliation")).EnumerateArray()
            .Where(r => r.GetProperty("sourceId").GetString()!.StartsWith(tag, StringComparison.Ordinal))
            .ToDictionary(r => r.GetProperty("sourceId").GetString()![^1..]);
        Assert.Equal(4, rows.Count);
        Assert.Equal(caseNumber, rows["a"].GetProperty("caseNumber").GetString());
        Assert.Equal("criteria-incomplete", rows["a"].GetProperty("gap").GetString());
        Assert.Equal("rejected", rows["b"].GetProperty("outcome").GetString());
        Assert.Equal("Not an adverse event", rows["b"].GetProperty("rejectionReason").GetString());
        Assert.Equal(JsonValueKind.Null, rows["b"].GetProperty("gap").ValueKind);
        Assert.Equal("pending", rows["c"].GetProperty("outcome").GetString());
        Assert.Equal("undecided", rows["c"].GetProperty("gap").GetString());
        Assert.Equal(JsonValueKind.Null, rows["d"].GetProperty("gap").ValueKind); // within the grace period
        _ = undecided;
        _ = fresh;

        var csv = await auditor.GetStringAsync("/api/pv/reconciliation/csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("received_utc,source_type,source_id,channel,market,flagged_by,outcome,case,rejection_reason,due_date,gap", lines[0]);
        Assert.Contains(lines, l => l.Contains(tag + "-c", StringComparison.Ordinal) && l.EndsWith(",undecided", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(tag + "-a", StringComparison.Ordinal) && l.Contains(caseNumber!, StringComparison.Ordinal));

        var page = await auditor.GetStringAsync("/pv/reconciliation");
        Assert.Matches(new Regex("<tr class=\"pv-gap\">\\s*<td>[^<]*</td>\\s*<td class=\"mono\">inbox-item/" + tag + "-c</td>"), page);
        Assert.DoesNotContain($"href=\"/pv/cases/", page, StringComparison.Ordinal); // auditors read the report, not the cases
    }

    [SkippableFact]
    public async Task Erasure_request_keeps_the_case_and_pseudonymises_the_reporter()
    {
        app.SkipIfUnavailable();
        var agent = await app.SignInAsync(Demo.Agent);
        var officer = await app.SignInAsync(PvApi.Officer);
        var account = PvApi.Unique("fb");
        var handle = "erase_me_" + Guid.NewGuid().ToString("N")[..6];
        var opened = await PvApi.ConfirmAsync(officer, await PvApi.FlagAsync(agent, new
        {
            text = $"I am @{handle} and Zoloft gave me a rash", market = "IT", reporterPlatformId = account, reporterHandle = handle, reporterDisplayName = "Erica Rossi",
            permalink = "https://facebook.example/p/1",
        }));
        var id = opened.GetProperty("id").GetGuid();
        await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{id}/patient", new { initials = "ER", sex = "female", ageYears = 40 });
        await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{id}/narrative", new { narrative = $"Erica Rossi (@{handle}) reports a rash." });

        var noReason = await officer.PostAsJsonAsync("/api/pv/erasure", new { reporterPlatformId = account });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var outcome = await PvApi.SendAsync(officer, HttpMethod.Post, "/api/pv/erasure", new { reporterPlatformId = account, reason = "GDPR request ref. 2026-114" });
        Assert.Equal(1, outcome.GetProperty("casesPseudonymised").GetInt32());

        var kept = await officer.GetFromJsonAsync<JsonElement>($"/api/pv/cases/{id}");
        Assert.Equal(opened.GetProperty("number").GetString(), kept.GetProperty("number").GetString());
        Assert.Contains(kept.GetProperty("reactions").EnumerateArray(), r => r.GetProperty("term").GetString() == "rash");
        Assert.Equal(40, kept.GetProperty("patientAgeYears").GetInt32());
        Assert.Equal("female", kept.GetProperty("patientSex").GetString());
        var pseudonym = kept.GetProperty("reporterPseudonym").GetString()!;
        Assert.DoesNotContain(handle, kept.GetProperty("sourceText").GetString(), StringComparison.Ordinal);
        Assert.Contains(pseudonym, kept.GetProperty("sourceText").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, kept.GetProperty("pseudonymisedUtc").ValueKind);

        var stored = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().Set<Salus.Modules.Pharmacovigilance.Domain.PvCase>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Null(stored.ReporterPlatformId);
        Assert.Null(stored.ReporterHandle);
        Assert.Null(stored.ReporterDisplayName);
        Assert.Null(stored.Permalink);
        Assert.Null(stored.PatientInitials);
        Assert.DoesNotContain("Erica Rossi", stored.Narrative, StringComparison.Ordinal);
        var proposal = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().Set<Salus.Modules.Pharmacovigilance.Domain.CaseProposal>().AsNoTracking().SingleAsync(p => p.Id == stored.ProposalId));
        Assert.DoesNotContain(handle, proposal.Text, StringComparison.Ordinal);
        Assert.Null(proposal.ReporterHandle);

        // The case still exports, and no further contact is made.
        var xml = await officer.GetStringAsync($"/api/pv/cases/{id}/e2b");
        Assert.DoesNotContain(handle, xml, StringComparison.Ordinal);
        Assert.Contains("nullFlavor=\"MSK\"", xml, StringComparison.Ordinal);
        var followUp = await officer.PostAsJsonAsync($"/api/pv/cases/{id}/follow-ups", new { template = "patient" });
        Assert.Equal(HttpStatusCode.Conflict, followUp.StatusCode);
        var trail = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == id.ToString() && a.Action == "pv.case.pseudonymised").Select(a => a.Reason).ToListAsync());
        Assert.Equal(["Erasure request: GDPR request ref. 2026-114"], trail);
        _ = channels;
    }

    [SkippableFact]
    public void Every_pv_page_key_has_an_italian_translation()
    {
        app.SkipIfUnavailable();
        var folder = Path.Combine(RepositoryRoot(), "src", "Salus", "Modules", "Pharmacovigilance", "Pages");
        var keys = Directory.EnumerateFiles(folder, "*.cshtml").SelectMany(f => PvKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('-')).ToHashSet(StringComparer.Ordinal);
        Assert.True(keys.Count > 100, $"only {keys.Count} keys found");
        var localizer = app.Factory.Services.GetRequiredService<IStringLocalizer<PvResource>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("it");
            var missing = keys.Where(k => localizer[k].ResourceNotFound).ToList();
            Assert.True(missing.Count == 0, "Missing in PvResource.it.resx: " + string.Join(", ", missing));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Salus.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Salus.slnx not found");
    }

    [GeneratedRegex("""\bP\["([^"]*)"[\],]""")]
    private static partial Regex PvKey();
}

public sealed class PvPagesAndReportsTests_Sqlite(SqlitePvApp app) : PvPagesAndReportsTests(app, app.Channels), IClassFixture<SqlitePvApp>;

public sealed class PvPagesAndReportsTests_Postgres(PostgresPvApp app) : PvPagesAndReportsTests(app, app.Channels), IClassFixture<PostgresPvApp>;
