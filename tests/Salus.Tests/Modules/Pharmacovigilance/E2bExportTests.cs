using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Pharmacovigilance.Contracts;
using Salus.Modules.Pharmacovigilance.Export;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Pharmacovigilance;

/// <summary>Realistic cases exported as ICH E2B(R3) and validated against the ICH XSDs, with their key values checked.</summary>
public abstract class E2bExportTests(SalusApp app, RecordingChannelActions channels)
{
    private static readonly XNamespace H = "urn:hl7-org:v3";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public sealed record Scenario(
        string Name, string Market, string Language, string Text, string Handle, string Product, string Reaction, string Sex, int Age,
        bool Hospitalisation, bool LifeThreatening, bool? Unexpected, bool FollowUp, string? MedDra, bool Expedited, string Receiver);

    public static readonly Scenario[] Scenarios =
    [
        new("it-serious-follow-up", "IT", "it",
            "Da quando prendo lo Zoloft ho delle vertigini fortissime, ieri sono svenuta e mi hanno portata al pronto soccorso. Scrivetemi @giulia_b_77",
            "giulia_b_77", "Zoloft", "vertigini fortissime", "female", 34, true, false, false, true, "10013573", true, "EVHUMAN"),
        new("en-us-non-serious", "US", "en", "After starting Lexapro I get terrible headaches every day, says @mike_runs_5k",
            "mike_runs_5k", "Lexapro", "terrible headaches", "male", 45, false, false, null, false, null, false, "CDER"),
        new("en-us-serious-unexpected-follow-up", "US", "en", "My throat closed up an hour after the first Augmentin tablet, ambulance came. @sara.k.88",
            "sara.k.88", "Augmentin", "throat closed up", "female", 29, false, true, true, true, "10002198", true, "CDER"),
        new("it-non-serious", "IT", "it", "Ho preso la Tachipirina e mi è venuta l'orticaria su tutte le braccia",
            "nonna_pina", "Tachipirina", "orticaria", "female", 81, false, false, null, false, null, false, "EVHUMAN"),
    ];

    [SkippableFact]
    public async Task Realistic_cases_in_english_and_italian_export_as_schema_valid_e2b_with_the_right_values_and_no_handles()
    {
        app.SkipIfUnavailable();
        foreach (var scenario in Scenarios)
        {
            await ExportAndCheckAsync(scenario);
        }
    }

    [SkippableFact]
    public async Task A_case_without_a_product_cannot_be_exported_and_says_why()
    {
        app.SkipIfUnavailable();
        var agent = await app.SignInAsync(Demo.Agent);
        var officer = await app.SignInAsync(PvApi.Officer);
        var id = (await PvApi.ConfirmAsync(officer, await PvApi.FlagAsync(agent, new { text = "I feel dizzy since yesterday", market = "US", products = Array.Empty<string>(), reactions = new[] { "dizzy" } })))
            .GetProperty("id").GetGuid();
        var response = await officer.GetAsync($"/api/pv/cases/{id}/e2b");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("product", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_source_text_with_control_characters_still_exports_as_schema_valid_e2b()
    {
        app.SkipIfUnavailable();
        var agent = await app.SignInAsync(Demo.Agent);
        var officer = await app.SignInAsync(PvApi.Officer);

        // a bell and a start-of-heading, as pasted text sometimes carries; the emoji is a valid surrogate pair
        var text = "Since Zoloft I get\u0007 dizzy spells\u0001 every \U0001F635 morning, really";
        var id = (await PvApi.ConfirmAsync(officer, await PvApi.FlagAsync(agent, new { text, market = "US", products = new[] { "Zoloft" }, reactions = new[] { "dizzy spells" } })))
            .GetProperty("id").GetGuid();

        var response = await officer.GetAsync($"/api/pv/cases/{id}/e2b");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.Empty(E2bSchemas.Validate(xml));
        var narrative = XDocument.Parse(xml).Descendants(H + "investigationEvent").Single().Element(H + "text")!.Value;
        Assert.Contains("dizzy spells", narrative, StringComparison.Ordinal);
        Assert.Contains("\U0001F635", narrative, StringComparison.Ordinal);
        Assert.DoesNotContain(narrative, c => c is '\u0007' or '\u0001');
    }

    [SkippableFact]
    public async Task The_pv_export_verb_writes_a_valid_e2b_file_for_a_case_number()
    {
        app.SkipIfUnavailable();
        var (number, _) = await ExportAndCheckAsync(Scenarios[1] with { Handle = "cli_user_" + Guid.NewGuid().ToString("N")[..6] });
        var file = Path.Combine(app.Database.DataFolder, $"{number}.xml");
        var args = new List<string> { "pv", "export", number, "--out", file, "--data", app.Database.DataFolder };
        if (app.DatabaseProvider == DatabaseProvider.Postgres)
        {
            args.AddRange(["--provider", "Postgres", "--connection", app.Database.ConnectionString!]);
        }

        var error = new StringWriter();
        var exit = await Salus.Cli.SalusCli.RunAsync([.. args], new StringWriter(), error);
        Assert.True(exit == 0, error.ToString());
        var xml = await File.ReadAllTextAsync(file);
        Assert.Empty(E2bSchemas.Validate(xml));
        Assert.Contains(number, xml, StringComparison.Ordinal);

        var missing = await Salus.Cli.SalusCli.RunAsync([.. args.Select(a => a == number ? "PV-1999-9999" : a)], new StringWriter(), error);
        Assert.Equal(1, missing);
        Assert.Contains("No PV case 'PV-1999-9999'", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<(string Number, XDocument Xml)> ExportAndCheckAsync(Scenario s)
    {
        var agent = await app.SignInAsync(Demo.Agent);
        var officer = await app.SignInAsync(PvApi.Officer);
        var clock = app.Factory.Clock;
        var channel = Guid.NewGuid();
        var reporter = PvApi.Unique("acct");
        var received = clock.GetUtcNow().AddDays(-2);
        var opened = await PvApi.ConfirmAsync(officer, await PvApi.FlagAsync(agent, new
        {
            text = s.Text, market = s.Market, language = s.Language, channel = "Facebook", channelId = channel, sourceType = "inbox-item", sourceId = PvApi.Unique(s.Name),
            reporterPlatformId = reporter, reporterHandle = s.Handle, reporterDisplayName = s.Handle + " (display)", receivedAt = received,
            products = new[] { s.Product }, reactions = new[] { s.Reaction },
        }));
        var id = opened.GetProperty("id").GetGuid();
        await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{id}/patient", new { initials = "XY", sex = s.Sex, ageYears = s.Age });
        await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{id}/criteria/patient", new { known = true, detail = $"{s.Sex}, {s.Age}", knownAt = received.AddHours(3).UtcDateTime });
        await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{id}/seriousness",
            new { hospitalisation = s.Hospitalisation, lifeThreatening = s.LifeThreatening, unexpected = s.Unexpected, reason = "assessed" });
        var onset = DateOnly.FromDateTime(received.UtcDateTime).AddDays(-4);
        var reactionId = opened.GetProperty("reactions")[0].GetProperty("id").GetGuid();
        var future = await officer.PutAsJsonAsync($"/api/pv/cases/{id}/reactions/{reactionId}", new { onsetDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(3), outcome = "Recovering" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{id}/reactions/{reactionId}",
            new { onsetDate = onset, outcome = s.FollowUp ? "Recovered" : "NotRecovered", medDraCode = s.MedDra, medDraVersion = s.MedDra is null ? null : "27.1" });

        DateTimeOffset? replyAt = null;
        if (s.FollowUp)
        {
            await PvApi.SendAsync(officer, HttpMethod.Post, $"/api/pv/cases/{id}/follow-ups", new { template = "outcome" });
            replyAt = clock.GetUtcNow();
            var reply = new FollowUpMessage(channel, reporter, PvApi.Unique("dm"), $"Yes, I was kept in overnight. Thanks, {s.Handle}", replyAt.Value);
            Assert.True(await app.Factory.InScopeAsync(sp => sp.GetRequiredService<IAdverseEventIntake>().TryAttachFollowUpAsync(reply, CancellationToken.None)));
        }

        var response = await officer.GetAsync($"/api/pv/cases/{id}/e2b");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith("-e2b-r3.xml", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        var xml = await response.Content.ReadAsStringAsync();

        var problems = E2bSchemas.Validate(xml);
        Assert.True(problems.Count == 0, s.Name + ": " + string.Join(Environment.NewLine, problems));

        var doc = XDocument.Parse(xml);
        var number = opened.GetProperty("number").GetString()!;
        var pseudonym = opened.GetProperty("reporterPseudonym").GetString()!;
        Assert.DoesNotContain(s.Handle, xml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(reporter, xml, StringComparison.Ordinal);
        Assert.Contains(pseudonym, doc.Descendants(H + "investigationEvent").Single().Element(H + "text")!.Value, StringComparison.Ordinal);
        var reporterName = doc.Descendants(H + "assignedPerson").Single().Element(H + "name")!;
        Assert.Equal("MSK", reporterName.Attribute("nullFlavor")!.Value);

        var ids = doc.Descendants(H + "investigationEvent").Single().Elements(H + "id").Select(i => i.Attribute("extension")!.Value).ToList();
        Assert.All(ids, i => Assert.EndsWith(number, i, StringComparison.Ordinal));
        Assert.StartsWith(received.UtcDateTime.ToString("yyyyMMdd"), doc.Descendants(H + "effectiveTime").Elements(H + "low").First().Attribute("value")!.Value, StringComparison.Ordinal);
        var availability = doc.Descendants(H + "availabilityTime").Single().Attribute("value")!.Value;
        Assert.StartsWith((replyAt ?? received).UtcDateTime.ToString("yyyyMMddHHmm"), availability, StringComparison.Ordinal);

        Assert.Contains(doc.Descendants(H + "kindOfProduct").Elements(H + "name"), n => n.Value.Equals(s.Product, StringComparison.OrdinalIgnoreCase));
        var reactions = doc.Descendants(H + "originalText").Select(o => o.Value).ToList();
        Assert.Contains(s.Reaction, reactions);
        if (s.MedDra is not null)
        {
            Assert.Contains(doc.Descendants(H + "value"), v => v.Attribute("code")?.Value == s.MedDra && v.Attribute("codeSystemVersion")?.Value == "27.1");
        }

        var reaction = doc.Descendants(H + "observation").Single(o => o.Element(H + "code")?.Attribute("displayName")?.Value == "reaction");
        Assert.Equal(onset.ToString("yyyyMMdd"), reaction.Element(H + "effectiveTime")!.Element(H + "low")!.Attribute("value")!.Value);
        Assert.Equal(s.FollowUp ? "1" : "3", Flag("outcome"));

        string? Flag(string name) => doc.Descendants(H + "code").Where(c => c.Attribute("displayName")?.Value == name)
            .Select(c => c.Parent!.Element(H + "value")!).Select(v => v.Attribute("value")?.Value ?? v.Attribute("code")?.Value ?? v.Attribute("nullFlavor")!.Value).First();
        Assert.Equal(s.Hospitalisation ? "true" : "NI", Flag("requiresInpatientHospitalization"));
        Assert.Equal(s.LifeThreatening ? "true" : "NI", Flag("isLifeThreatening"));
        Assert.Equal("NI", Flag("resultsInDeath"));
        Assert.Equal(s.Expedited ? "true" : "false", Flag("localCriteriaForExpedited"));
        Assert.Equal(s.Sex == "male" ? "1" : "2", doc.Descendants(H + "administrativeGenderCode").Single().Attribute("code")!.Value);
        var age = doc.Descendants(H + "value").Single(v => v.Attribute(Xsi + "type")?.Value == "PQ");
        Assert.Equal(s.Age.ToString(System.Globalization.CultureInfo.InvariantCulture), age.Attribute("value")!.Value);
        Assert.Equal(s.Receiver, doc.Root!.Element(H + "PORR_IN049016UV")!.Element(H + "receiver")!.Descendants(H + "id").Single().Attribute("extension")!.Value);
        // FDA.C.1.7.1: the 15-day alert report type, only on US expedited cases.
        Assert.Equal(s.Receiver == "CDER" && s.Expedited, doc.Descendants(H + "code").Any(c => c.Attribute("displayName")?.Value == "localCriteriaReportType"));
        if (s.Language == "it")
        {
            Assert.Contains(doc.Descendants(H + "code"), c => c.Attribute("displayName")?.Value == "reactionForTranslation");
        }

        if (s.FollowUp)
        {
            Assert.Contains("Follow-up received", doc.Descendants(H + "investigationEvent").Single().Element(H + "text")!.Value, StringComparison.Ordinal);
        }

        var exported = await app.Factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<SalusDbContext>().AuditEntries
            .Count(a => a.EntityId == id.ToString() && a.Action == "pv.case.exported")));
        Assert.True(exported >= 1);
        _ = channels;
        return (number, doc);
    }
}

public sealed class E2bExportTests_Sqlite(SqlitePvApp app) : E2bExportTests(app, app.Channels), IClassFixture<SqlitePvApp>;

public sealed class E2bExportTests_Postgres(PostgresPvApp app) : E2bExportTests(app, app.Channels), IClassFixture<PostgresPvApp>;
