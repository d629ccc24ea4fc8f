using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Pharmacovigilance;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Modules.Pharmacovigilance.Export;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Pharmacovigilance;

/// <summary>Pharmaceutical dose form (G.k.4.r.9.1) and batch/lot number (G.k.4.r.7) of a product: API, page, E2B(R3), CIOMS I, demo.</summary>
public abstract class PvDoseFormTests(SalusApp app)
{
    // The element paths of the FDA E2B(R3) element table (/work/shared/reference/e2b-r3/fda_icsr_data_elements_with_xpath.csv),
    // with the repeat indexes [r] and [k] set to the first message and the first drug, and the namespace prefixed.
    private const string Drug =
        "/h:MCCI_IN200100UV01/h:PORR_IN049016UV[1]/h:controlActProcess[@classCode='CACT'][@moodCode='EVN']/h:subject[@typeCode='SUBJ'][1]" +
        "/h:investigationEvent[@classCode='INVSTG'][@moodCode='EVN']/h:component[@typeCode='COMP'][h:adverseEventAssessment][1]" +
        "/h:adverseEventAssessment[@classCode='INVSTG'][@moodCode='EVN']/h:subject1[@typeCode='SBJ'][1]/h:primaryRole[@classCode='INVSBJ']" +
        "/h:subjectOf2[@typeCode='SBJ'][h:organizer/h:code[@code='4'][@codeSystem='2.16.840.1.113883.3.989.2.1.1.20']][1]" +
        "/h:organizer[@classCode='CATEGORY'][@moodCode='EVN']/h:component[@typeCode='COMP'][h:substanceAdministration/h:id][1]" +
        "/h:substanceAdministration[@classCode='SBADM'][@moodCode='EVN']";

    private const string Dosage = Drug + "/h:outboundRelationship2[@typeCode='COMP'][h:substanceAdministration][1]/h:substanceAdministration[@classCode='SBADM'][@moodCode='EVN']";

    private const string BatchPath = Dosage +
        "/h:consumable[@typeCode='CSM'][1]/h:instanceOfKind[@classCode='INST']/h:productInstanceInstance[@classCode='MMAT'][@determinerCode='INSTANCE']/h:lotNumberText";

    private const string DoseFormPath = Dosage +
        "/h:consumable[@typeCode='CSM'][1]/h:instanceOfKind[@classCode='INST']/h:kindOfProduct[@classCode='MMAT'][@determinerCode='KIND']/h:formCode[@codeSystem='TBD-DoseForm']/h:originalText";

    private const string RoutePath = Dosage + "/h:routeCode[@codeSystem='2.16.840.1.113883.3.989.2.1.1.14']";

    [SkippableFact]
    public async Task Officer_sets_and_clears_dose_form_and_batch_number_and_the_change_is_audited_with_the_reason()
    {
        var (officer, caseId, productId) = await OpenCaseAsync("Zoloft");
        var path = $"/api/pv/cases/{caseId}/products/{productId}";

        var saved = Product(await PvApi.SendAsync(officer, HttpMethod.Put, path, new
        {
            dose = 50m, doseUnit = "mg", route = "oral", doseForm = "  compressa rivestita con film ", batchNumber = "L2309-A7", reason = "Photo of the box",
        }), productId);
        Assert.Equal("compressa rivestita con film", saved.GetProperty("doseForm").GetString());
        Assert.Equal("L2309-A7", saved.GetProperty("batchNumber").GetString());
        Assert.Equal(50m, saved.GetProperty("dose").GetDecimal());

        var reread = Product(await PvApi.Json(await officer.GetAsync($"/api/pv/cases/{caseId}")), productId);
        Assert.Equal("compressa rivestita con film", reread.GetProperty("doseForm").GetString());
        Assert.Equal("L2309-A7", reread.GetProperty("batchNumber").GetString());

        var audited = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries
            .Where(a => a.EntityId == productId.ToString() && a.Reason == "Photo of the box").ToListAsync());
        Assert.Contains(audited, a => a.NewValues != null && a.NewValues.Contains("L2309-A7", StringComparison.Ordinal)
            && a.NewValues.Contains("compressa rivestita con film", StringComparison.Ordinal) && a.ActorName == PvApi.Officer);

        // The PUT replaces the product's dosing record, as it always did: an empty value clears, an omitted one too.
        var cleared = Product(await PvApi.SendAsync(officer, HttpMethod.Put, path, new { dose = 50m, doseUnit = "mg", route = "oral", doseForm = " " }), productId);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("doseForm").ValueKind);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("batchNumber").ValueKind);
        Assert.Equal("oral", cleared.GetProperty("route").GetString());
        var stored = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().Set<CaseProduct>().AsNoTracking().SingleAsync(p => p.Id == productId));
        Assert.Null(stored.DoseForm);
        Assert.Null(stored.BatchNumber);
    }

    [SkippableFact]
    public async Task Too_long_or_control_character_dose_form_and_batch_number_are_refused_naming_each_field_and_nothing_changes()
    {
        var (officer, caseId, productId) = await OpenCaseAsync("Lexapro");
        var path = $"/api/pv/cases/{caseId}/products/{productId}";
        await PvApi.SendAsync(officer, HttpMethod.Put, path, new { dose = 10m, doseUnit = "mg", doseForm = "tablet", batchNumber = "OK-1" });

        var tooLong = await officer.PutAsJsonAsync(path, new { dose = 20m, doseUnit = "mg", doseForm = new string('f', 61), batchNumber = new string('9', 36) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var errors = (await PvApi.Json(tooLong)).GetProperty("errors");
        Assert.Contains("60", errors.GetProperty("doseForm")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("35", errors.GetProperty("batchNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("dose", out _), errors.ToString());

        var controls = await officer.PutAsJsonAsync(path, new { dose = 20m, doseUnit = "mg", doseForm = "film-coated\ntablet", batchNumber = "AB\u0007CD" });
        Assert.Equal(HttpStatusCode.BadRequest, controls.StatusCode);
        var controlErrors = (await PvApi.Json(controls)).GetProperty("errors");
        Assert.True(controlErrors.TryGetProperty("doseForm", out _), controlErrors.ToString());
        Assert.True(controlErrors.TryGetProperty("batchNumber", out _), controlErrors.ToString());

        // a bad batch number alone also refuses the good fields sent with it
        var oneBad = await officer.PutAsJsonAsync(path, new { dose = 30m, doseUnit = "mg", doseForm = "capsule", batchNumber = "LOT\tTAB" });
        Assert.Equal(HttpStatusCode.BadRequest, oneBad.StatusCode);
        var oneBadErrors = (await PvApi.Json(oneBad)).GetProperty("errors");
        Assert.True(oneBadErrors.TryGetProperty("batchNumber", out _), oneBadErrors.ToString());
        Assert.False(oneBadErrors.TryGetProperty("doseForm", out _), oneBadErrors.ToString());

        var unchanged = Product(await PvApi.Json(await officer.GetAsync($"/api/pv/cases/{caseId}")), productId);
        Assert.Equal(10m, unchanged.GetProperty("dose").GetDecimal());
        Assert.Equal("tablet", unchanged.GetProperty("doseForm").GetString());
        Assert.Equal("OK-1", unchanged.GetProperty("batchNumber").GetString());

        // the limits themselves are accepted (and stored whole by both databases)
        var longest = Product(await PvApi.SendAsync(officer, HttpMethod.Put, path, new { doseForm = new string('f', 60), batchNumber = new string('9', 35) }), productId);
        Assert.Equal(60, longest.GetProperty("doseForm").GetString()!.Length);
        Assert.Equal(35, longest.GetProperty("batchNumber").GetString()!.Length);
    }

    [SkippableFact]
    public async Task Exported_e2b_carries_batch_and_dose_form_at_their_element_paths_and_stays_schema_valid_and_cioms_shows_them()
    {
        var (officer, caseId, productId) = await OpenCaseAsync("Ozempic");
        var path = $"/api/pv/cases/{caseId}/products/{productId}";
        await PvApi.SendAsync(officer, HttpMethod.Put, path, new
        {
            dose = 0.25m, doseUnit = "mg", route = "subcutaneous", doseForm = "soluzione iniettabile in penna preriempita", batchNumber = "NP5K312",
        });

        var doc = await ExportAsync(officer, caseId);
        var ns = Hl7();
        Assert.Equal("NP5K312", doc.XPathSelectElement(BatchPath, ns)?.Value);
        Assert.Equal("soluzione iniettabile in penna preriempita", doc.XPathSelectElement(DoseFormPath, ns)?.Value);
        var route = doc.XPathSelectElement(RoutePath, ns);
        Assert.Equal("058", route?.Attribute("code")?.Value);
        Assert.Equal("Subcutaneous", route?.Element(XName.Get("originalText", "urn:hl7-org:v3"))?.Value);

        // The Italian officer's CIOMS I form shows both in box 14, next to the suspect drug.
        var cioms = await officer.GetStringAsync($"/pv/cases/{caseId}/cioms");
        Assert.Contains("Forma farmaceutica: <span data-field=\"dose-form\">soluzione iniettabile in penna preriempita</span>", cioms, StringComparison.Ordinal);
        Assert.Contains("Numero di lotto: <span data-field=\"batch\">NP5K312</span>", cioms, StringComparison.Ordinal);

        // Only a batch number known: the dosage still carries it, with no empty form code, and the message stays valid.
        await PvApi.SendAsync(officer, HttpMethod.Put, path, new { batchNumber = "NP5K312" });
        var batchOnly = await ExportAsync(officer, caseId);
        Assert.Equal("NP5K312", batchOnly.XPathSelectElement(BatchPath, ns)?.Value);
        Assert.Null(batchOnly.XPathSelectElement(Dosage + "/h:consumable/h:instanceOfKind/h:kindOfProduct", ns));
        Assert.Null(batchOnly.XPathSelectElement(RoutePath, ns));

        // Only a dose form known.
        await PvApi.SendAsync(officer, HttpMethod.Put, path, new { doseForm = "film-coated tablet" });
        var formOnly = await ExportAsync(officer, caseId);
        Assert.Equal("film-coated tablet", formOnly.XPathSelectElement(DoseFormPath, ns)?.Value);
        Assert.Null(formOnly.XPathSelectElement(Dosage + "/h:consumable/h:instanceOfKind/h:productInstanceInstance", ns));

        // Neither: no consumable in the dosage, and the form says so.
        await PvApi.SendAsync(officer, HttpMethod.Put, path, new { route = "oral" });
        var neither = await ExportAsync(officer, caseId);
        Assert.Null(neither.XPathSelectElement(Dosage + "/h:consumable", ns));
        Assert.Equal("048", neither.XPathSelectElement(RoutePath, ns)?.Attribute("code")?.Value);
        var emptyForm = await officer.GetStringAsync($"/pv/cases/{caseId}/cioms");
        Assert.Contains("<span data-field=\"batch\">non riferito</span>", emptyForm, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Case_page_form_saves_dose_form_and_batch_number_and_shows_the_field_error_without_saving_bad_input()
    {
        var (officer, caseId, productId) = await OpenCaseAsync("Tachipirina");
        var casePath = $"/pv/cases/{caseId}";
        var page = await officer.GetStringAsync(casePath);
        Assert.Contains($"<label for=\"doseform-{productId}\">Forma farmaceutica</label>", page, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"batch-{productId}\">Numero di lotto</label>", page, StringComparison.Ordinal);
        Assert.Contains("maxlength=\"35\"", page, StringComparison.Ordinal);

        var bad = await SalusApp.PostFormAsync(officer, casePath + "?handler=Dosing", new()
        {
            ["productId"] = productId.ToString(), ["doseForm"] = "compressa", ["batchNumber"] = new string('X', 40),
        }, tokenFrom: casePath);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("batchNumber:", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var untouched = Product(await PvApi.Json(await officer.GetAsync($"/api/pv/cases/{caseId}")), productId);
        Assert.Equal(JsonValueKind.Null, untouched.GetProperty("doseForm").ValueKind);

        var good = await SalusApp.PostFormAsync(officer, casePath + "?handler=Dosing", new()
        {
            ["productId"] = productId.ToString(), ["dose"] = "1000", ["doseUnit"] = "mg", ["route"] = "oral",
            ["doseForm"] = "compressa effervescente", ["batchNumber"] = "T24-0912", ["reason"] = "foto della confezione",
        }, tokenFrom: casePath);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var saved = Product(await PvApi.Json(await officer.GetAsync($"/api/pv/cases/{caseId}")), productId);
        Assert.Equal("compressa effervescente", saved.GetProperty("doseForm").GetString());
        Assert.Equal("T24-0912", saved.GetProperty("batchNumber").GetString());
        var shown = await officer.GetStringAsync(casePath);
        Assert.Contains("value=\"T24-0912\"", shown, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Demo_italian_case_product_has_a_dose_form_and_a_batch_number_in_its_e2b_export()
    {
        await app.Factory.InScopeAsync(sp => new PvDemoSeeder(sp).SeedAsync(CancellationToken.None), "demo");
        var italian = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().Set<PvCase>().AsNoTracking()
            .Include(c => c.Products).SingleAsync(c => c.SourceId == "demo-it-1"));
        var product = Assert.Single(italian.Products);
        Assert.Equal("compressa rivestita con film", product.DoseForm);
        Assert.False(string.IsNullOrWhiteSpace(product.BatchNumber));

        var officer = await app.SignInAsync(PvApi.Officer);
        var doc = await ExportAsync(officer, italian.Id);
        Assert.Equal(product.BatchNumber, doc.XPathSelectElement(BatchPath, Hl7())?.Value);
        Assert.Equal("compressa rivestita con film", doc.XPathSelectElement(DoseFormPath, Hl7())?.Value);
    }

    private static async Task<XDocument> ExportAsync(HttpClient officer, Guid caseId)
    {
        var response = await officer.GetAsync($"/api/pv/cases/{caseId}/e2b");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = await response.Content.ReadAsStringAsync();
        var problems = E2bSchemas.Validate(xml);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        return XDocument.Parse(xml);
    }

    private static XmlNamespaceManager Hl7()
    {
        var ns = new XmlNamespaceManager(new NameTable());
        ns.AddNamespace("h", "urn:hl7-org:v3");
        return ns;
    }

    private static JsonElement Product(JsonElement pvCase, Guid productId) =>
        pvCase.GetProperty("products").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == productId);

    private Task<(HttpClient Officer, Guid CaseId, Guid ProductId)> OpenCaseAsync(string product) =>
        PvApi.OpenCaseWithProductAsync(app, product, $"Da quando prendo {product} ho mal di testa", "mal di testa", "IT", "it");
}

public sealed class PvDoseFormTests_Sqlite(SqlitePvApp app) : PvDoseFormTests(app), IClassFixture<SqlitePvApp>;

public sealed class PvDoseFormTests_Postgres(PostgresPvApp app) : PvDoseFormTests(app), IClassFixture<PostgresPvApp>;

/// <summary>The route codes sent in G.k.4.r.10.2b, pinned to the ICH E2B route-of-administration list (see docs/pharmacovigilance.md).</summary>
public sealed class PvRouteCodeTests
{
    [Theory]
    [InlineData("oral", "048", "Oral")]
    [InlineData("intravenous", "042", "Intravenous (not otherwise specified)")]
    [InlineData("subcutaneous", "058", "Subcutaneous")]
    [InlineData("intramuscular", "030", "Intramuscular")]
    [InlineData("topical", "061", "Topical")]
    [InlineData("cutaneous", "003", "Cutaneous")]
    [InlineData("transdermal", "062", "Transdermal")]
    [InlineData("inhalation", "055", "Respiratory (inhalation)")]
    [InlineData("nasal", "045", "Nasal")]
    [InlineData("ophthalmic", "047", "Ophthalmic")]
    [InlineData("auricular", "001", "Auricular (otic)")]
    [InlineData("sublingual", "060", "Sublingual")]
    [InlineData("buccal", "002", "Buccal")]
    [InlineData("rectal", "054", "Rectal")]
    [InlineData("vaginal", "067", "Vaginal")]
    [InlineData("other", "050", "Other")]
    [InlineData("unknown", "065", "Unknown")]
    public void Route_has_its_official_ich_e2b_code_and_term(string key, string code, string term)
    {
        var route = Dosing.RouteFor(key);
        Assert.NotNull(route);
        Assert.Equal(code, route.E2bCode);
        Assert.Equal(term, route.E2bTerm);
    }

    [Fact]
    public void Every_route_is_pinned_by_a_test_and_keys_and_codes_are_unique_three_digit_codes_of_the_list()
    {
        var theory = typeof(PvRouteCodeTests).GetMethod(nameof(Route_has_its_official_ich_e2b_code_and_term))!;
        var pinned = theory.GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(theory).Single()[0]).ToList();
        Assert.Equal(pinned.Order(StringComparer.Ordinal), Dosing.Routes.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Dosing.Routes.Count, Dosing.Routes.Select(r => r.E2bCode).Distinct().Count());
        Assert.All(Dosing.Routes, r =>
        {
            Assert.Matches("^[0-9]{3}$", r.E2bCode);
            Assert.InRange(int.Parse(r.E2bCode, CultureInfo.InvariantCulture), 1, 67);
            Assert.False(string.IsNullOrWhiteSpace(r.Italian));
        });
    }
}
