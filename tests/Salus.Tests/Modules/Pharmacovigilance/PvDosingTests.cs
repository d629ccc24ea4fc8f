using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Pharmacovigilance.Export;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Pharmacovigilance;

/// <summary>Dose, route, indication, therapy dates and action taken of a suspect product: API, E2B(R3) export and CIOMS I.</summary>
public abstract class PvDosingTests(SalusApp app)
{
    private static readonly XNamespace H = "urn:hl7-org:v3";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    [SkippableFact]
    public async Task Officer_records_dosing_of_a_product_and_the_change_is_audited_with_the_reason()
    {
        var (officer, caseId, productId, today) = await OpenCaseAsync("Zoloft");

        var saved = await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{caseId}/products/{productId}", new
        {
            dose = 50m, doseUnit = "mg", frequency = "once a day", route = "oral", indication = "depressione",
            therapyStart = today.AddDays(-30), therapyStop = today.AddDays(-2), action = "withdrawn", reason = "Reporter answered the follow-up",
        });

        var product = saved.GetProperty("products").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == productId);
        Assert.Equal(50m, product.GetProperty("dose").GetDecimal());
        Assert.Equal("mg", product.GetProperty("doseUnit").GetString());
        Assert.Equal("once a day", product.GetProperty("frequency").GetString());
        Assert.Equal("oral", product.GetProperty("route").GetString());
        Assert.Equal("depressione", product.GetProperty("indication").GetString());
        Assert.Equal(today.AddDays(-30), DateOnly.Parse(product.GetProperty("therapyStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(today.AddDays(-2), DateOnly.Parse(product.GetProperty("therapyStop").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("withdrawn", product.GetProperty("action").GetString());

        var reread = await PvApi.Json(await officer.GetAsync($"/api/pv/cases/{caseId}"));
        Assert.Equal("mg", reread.GetProperty("products")[0].GetProperty("doseUnit").GetString());

        var audited = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries
            .Where(a => a.EntityId == productId.ToString() && a.Reason == "Reporter answered the follow-up").ToListAsync());
        Assert.Contains(audited, a => a.NewValues != null && a.NewValues.Contains("mg", StringComparison.Ordinal) && a.ActorName == PvApi.Officer);
    }

    [SkippableFact]
    public async Task Bad_dosing_is_refused_naming_each_field_and_nothing_changes()
    {
        var (officer, caseId, productId, today) = await OpenCaseAsync("Lexapro");
        await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{caseId}/products/{productId}",
            new { dose = 10m, doseUnit = "mg", route = "oral", therapyStart = today.AddDays(-10) });

        var bad = await officer.PutAsJsonAsync($"/api/pv/cases/{caseId}/products/{productId}", new
        {
            dose = 20m, doseUnit = "spoonful", route = "by-mouth", therapyStart = today.AddDays(-5), therapyStop = today.AddDays(-8),
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await PvApi.Json(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("doseUnit", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("route", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("therapyStop", out _), errors.ToString());

        var future = await officer.PutAsJsonAsync($"/api/pv/cases/{caseId}/products/{productId}", new
        {
            dose = 20m, doseUnit = "mg", therapyStart = today.AddDays(1), therapyStop = today.AddDays(3),
        });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var futureErrors = (await PvApi.Json(future)).GetProperty("errors");
        Assert.True(futureErrors.TryGetProperty("therapyStart", out _), futureErrors.ToString());
        Assert.True(futureErrors.TryGetProperty("therapyStop", out _), futureErrors.ToString());

        var action = await officer.PutAsJsonAsync($"/api/pv/cases/{caseId}/products/{productId}", new { action = "stopped-a-bit" });
        Assert.Equal(HttpStatusCode.BadRequest, action.StatusCode);
        Assert.True((await PvApi.Json(action)).GetProperty("errors").TryGetProperty("action", out _));

        var unchanged = (await PvApi.Json(await officer.GetAsync($"/api/pv/cases/{caseId}"))).GetProperty("products")[0];
        Assert.Equal(10m, unchanged.GetProperty("dose").GetDecimal());
        Assert.Equal("mg", unchanged.GetProperty("doseUnit").GetString());
        Assert.Equal("oral", unchanged.GetProperty("route").GetString());
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("therapyStop").ValueKind);
    }

    [SkippableFact]
    public async Task Exported_e2b_with_dosing_is_schema_valid_and_carries_dose_route_dates_indication_and_action_and_cioms_shows_them()
    {
        var (officer, caseId, productId, today) = await OpenCaseAsync("Augmentin");
        var start = today.AddDays(-7);
        var stop = today.AddDays(-3);
        await PvApi.SendAsync(officer, HttpMethod.Put, $"/api/pv/cases/{caseId}/products/{productId}", new
        {
            dose = 875.5m, doseUnit = "mg", frequency = "twice a day", route = "intravenous", indication = "sinusitis",
            therapyStart = start, therapyStop = stop, action = "dose-reduced", reason = "from the reporter",
        });

        var response = await officer.GetAsync($"/api/pv/cases/{caseId}/e2b");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = await response.Content.ReadAsStringAsync();
        var problems = E2bSchemas.Validate(xml);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        var doc = XDocument.Parse(xml);
        // G.k: the drug is a component of the drugInformation organizer under the patient.
        var drug = doc.Descendants(H + "organizer").Single(o => o.Element(H + "code")?.Attribute("displayName")?.Value == "drugInformation")
            .Elements(H + "component").Select(c => c.Element(H + "substanceAdministration")!).Single();
        // G.k.4.r: drug/outboundRelationship2[@typeCode='COMP']/substanceAdministration
        var dosage = drug.Elements(H + "outboundRelationship2").Single(r => r.Attribute("typeCode")!.Value == "COMP").Element(H + "substanceAdministration")!;
        Assert.Equal("875.5", dosage.Element(H + "doseQuantity")!.Attribute("value")!.Value);
        Assert.Equal("mg", dosage.Element(H + "doseQuantity")!.Attribute("unit")!.Value);
        Assert.Contains("twice a day", dosage.Element(H + "text")!.Value, StringComparison.Ordinal);
        var route = dosage.Element(H + "routeCode")!;
        Assert.Equal("042", route.Attribute("code")!.Value);
        Assert.Equal("2.16.840.1.113883.3.989.2.1.1.14", route.Attribute("codeSystem")!.Value);
        // G.k.4.r.4 / G.k.4.r.5: effectiveTime[@xsi:type='IVL_TS']/low and /high
        var period = dosage.Element(H + "effectiveTime")!;
        Assert.Equal("IVL_TS", period.Attribute(Xsi + "type")!.Value);
        Assert.Equal(start.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), period.Element(H + "low")!.Attribute("value")!.Value);
        Assert.Equal(stop.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), period.Element(H + "high")!.Attribute("value")!.Value);

        // G.k.7.r.1: inboundRelationship[@typeCode='RSON']/observation[code/@code='19']/value/originalText
        var indication = drug.Elements(H + "inboundRelationship").Single(r => r.Attribute("typeCode")!.Value == "RSON").Element(H + "observation")!;
        Assert.Equal("19", indication.Element(H + "code")!.Attribute("code")!.Value);
        Assert.Equal("sinusitis", indication.Element(H + "value")!.Element(H + "originalText")!.Value);
        // G.k.8: inboundRelationship[@typeCode='CAUS']/act/code[@codeSystem='...1.15']/@code
        var action = drug.Elements(H + "inboundRelationship").Single(r => r.Attribute("typeCode")!.Value == "CAUS").Element(H + "act")!.Element(H + "code")!;
        Assert.Equal("2", action.Attribute("code")!.Value);
        Assert.Equal("2.16.840.1.113883.3.989.2.1.1.15", action.Attribute("codeSystem")!.Value);

        // The demo PV officer works in Italian: the form shows the Italian labels.
        var cioms = await officer.GetStringAsync($"/pv/cases/{caseId}/cioms");
        Assert.Contains("lang=\"it\"", cioms, StringComparison.Ordinal);
        Assert.Contains("data-field=\"dose\">875.5 mg<", cioms, StringComparison.Ordinal);
        Assert.Contains("data-field=\"route\">Endovenosa<", cioms, StringComparison.Ordinal);
        Assert.Contains("data-field=\"indication\">sinusitis<", cioms, StringComparison.Ordinal);
        Assert.Contains($"data-field=\"therapy\">{start:yyyy-MM-dd} / {stop:yyyy-MM-dd}<", cioms, StringComparison.Ordinal);
        Assert.Contains("data-field=\"action\">Dose ridotta<", cioms, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Case_page_form_saves_dosing_and_shows_field_errors_without_saving_bad_input()
    {
        var (officer, caseId, productId, today) = await OpenCaseAsync("Tachipirina");
        var casePath = $"/pv/cases/{caseId}";
        var page = await officer.GetStringAsync(casePath);
        Assert.Contains($"id=\"route-{productId}\"", page, StringComparison.Ordinal);
        Assert.Contains("Endovenosa", page, StringComparison.Ordinal);

        var bad = await SalusApp.PostFormAsync(officer, casePath + "?handler=Dosing", new()
        {
            ["productId"] = productId.ToString(), ["dose"] = "500", ["doseUnit"] = "cups", ["route"] = "oral",
            ["therapyStart"] = today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, tokenFrom: casePath);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var shown = await bad.Content.ReadAsStringAsync();
        Assert.Contains("doseUnit:", shown, StringComparison.Ordinal);
        Assert.Contains("therapyStart:", shown, StringComparison.Ordinal);
        var untouched = (await PvApi.Json(await officer.GetAsync($"/api/pv/cases/{caseId}"))).GetProperty("products")[0];
        Assert.Equal(JsonValueKind.Null, untouched.GetProperty("dose").ValueKind);

        var good = await SalusApp.PostFormAsync(officer, casePath + "?handler=Dosing", new()
        {
            ["productId"] = productId.ToString(), ["dose"] = "2.5", ["doseUnit"] = "mL", ["route"] = "oral", ["frequency"] = "3 volte al giorno",
            ["therapyStart"] = today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["action"] = "NotChanged",
            ["reason"] = "dal messaggio privato",
        }, tokenFrom: casePath);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var saved = (await PvApi.Json(await officer.GetAsync($"/api/pv/cases/{caseId}"))).GetProperty("products")[0];
        Assert.Equal(2.5m, saved.GetProperty("dose").GetDecimal()); // the number input's dot, even on the Italian page
        Assert.Equal("oral", saved.GetProperty("route").GetString());
        Assert.Equal("not-changed", saved.GetProperty("action").GetString());
        Assert.Equal("3 volte al giorno", saved.GetProperty("frequency").GetString());
    }

    private async Task<(HttpClient Officer, Guid CaseId, Guid ProductId, DateOnly Today)> OpenCaseAsync(string product)
    {
        var (officer, caseId, productId) = await PvApi.OpenCaseWithProductAsync(
            app, product, $"Since I started {product} I get terrible headaches", "terrible headaches", "US", "en");
        return (officer, caseId, productId, DateOnly.FromDateTime(app.Factory.Clock.GetUtcNow().UtcDateTime));
    }
}

public sealed class PvDosingTests_Sqlite(SqlitePvApp app) : PvDosingTests(app), IClassFixture<SqlitePvApp>;

public sealed class PvDosingTests_Postgres(PostgresPvApp app) : PvDosingTests(app), IClassFixture<PostgresPvApp>;
