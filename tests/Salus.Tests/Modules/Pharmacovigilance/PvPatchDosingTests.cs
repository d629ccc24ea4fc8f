using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Pharmacovigilance;

/// <summary>
/// <c>PATCH /api/pv/cases/{id}/products/{productId}</c> (JSON Merge Patch, RFC 7396) next to the PUT that replaces the
/// whole dosing record: absent keeps, null clears, the merged record is checked as a whole, bad input changes nothing.
/// </summary>
public abstract class PvPatchDosingTests(SalusApp app)
{
    private const string MergePatch = "application/merge-patch+json";

    [SkippableFact]
    public async Task Patch_with_only_a_batch_number_keeps_every_other_stored_field_as_it_was()
    {
        var (officer, path, caseId, productId, today) = await OpenCaseWithFullDosingAsync("Zoloft");
        var before = Fields(await ProductAsync(officer, caseId, productId));

        var response = await PatchAsync(officer, path, """{ "batchNumber": "NEW-LOT-9", "reason": "Second photo of the box" }""");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var after = Fields(await ProductAsync(officer, caseId, productId));
        Assert.Equal("\"NEW-LOT-9\"", after["batchNumber"]);
        Assert.Equal(before.Where(f => f.Key != "batchNumber"), after.Where(f => f.Key != "batchNumber"));
        var stored = await StoredAsync(productId);
        Assert.Equal(50m, stored.DoseValue);
        Assert.Equal("oral", stored.Route);
        Assert.Equal("compressa rivestita con film", stored.DoseForm);
        Assert.Equal(today.AddDays(-10), stored.TherapyStart);
        Assert.Equal(DrugAction.NotChanged, stored.Action);
    }

    [SkippableFact]
    public async Task Null_clears_a_member_a_value_sets_one_and_an_absent_member_keeps_its_value()
    {
        var (officer, path, _, productId, _) = await OpenCaseWithFullDosingAsync("Lexapro");

        var response = await PatchAsync(officer, path, """{ "doseForm": null, "frequency": "twice a day", "reason": "Reporter corrected it" }""",
            "application/json");

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var stored = await StoredAsync(productId);
        Assert.Null(stored.DoseForm);
        Assert.Equal("twice a day", stored.Frequency);
        Assert.Equal("LOT-1", stored.BatchNumber);
        Assert.Equal("depressione", stored.Indication);
        Assert.Equal(50m, stored.DoseValue);
    }

    [SkippableFact]
    public async Task Older_client_put_without_dose_form_and_batch_number_still_replaces_the_whole_record_and_clears_them()
    {
        var (officer, path, _, productId, _) = await OpenCaseWithFullDosingAsync("Augmentin");

        await PvApi.SendAsync(officer, HttpMethod.Put, path, new { dose = 875m, doseUnit = "mg", route = "oral", reason = "old client" });

        var stored = await StoredAsync(productId);
        Assert.Equal(875m, stored.DoseValue);
        Assert.Null(stored.DoseForm);
        Assert.Null(stored.BatchNumber);
        Assert.Null(stored.Frequency);
        Assert.Null(stored.TherapyStart);
    }

    [SkippableTheory]
    [InlineData("""{ "route": "by-mouth", "reason": "r" }""", "route")]
    [InlineData("""{ "dose": "abc", "reason": "r" }""", "dose")]
    [InlineData("""{ "dose": "12", "reason": "r" }""", "dose")]
    [InlineData("""{ "therapyStart": "02/12/2026", "reason": "r" }""", "therapyStart")]
    [InlineData("""{ "batchNumber": 12345, "reason": "r" }""", "batchNumber")]
    [InlineData("""{ "action": "stopped-a-bit", "reason": "r" }""", "action")]
    [InlineData("""{ "colour": "blue", "batchNumber": "X", "reason": "r" }""", "colour")]
    [InlineData("""{ "batchNumber": "X", "dose": 5,, "reason": "r" }""", "dose")]
    [InlineData("""{ "batchNumber": "X", "batchNumber": "Y", "reason": "r" }""", "batchNumber")]
    [InlineData("""{ "batchNumber": "X" }""", "reason")]
    [InlineData("""{ "batchNumber": "X", "reason": "  " }""", "reason")]
    [InlineData("""[ { "batchNumber": "X" } ]""", "$")]
    [InlineData("""null""", "$")]
    [InlineData("", "$")]
    public async Task Invalid_patch_answers_problem_details_naming_the_member_and_changes_nothing(string body, string member)
    {
        var (officer, path, caseId, productId, _) = await OpenCaseWithFullDosingAsync("Ozempic");
        var before = Fields(await ProductAsync(officer, caseId, productId));

        var response = await PatchAsync(officer, path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await PvApi.Json(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(member, out _), errors.ToString());
        Assert.Equal(before, Fields(await ProductAsync(officer, caseId, productId)));
    }

    [SkippableFact]
    public async Task Patch_in_another_media_type_is_refused_and_changes_nothing()
    {
        var (officer, path, caseId, productId, _) = await OpenCaseWithFullDosingAsync("Brufen");
        var before = Fields(await ProductAsync(officer, caseId, productId));

        var response = await PatchAsync(officer, path, """{ "batchNumber": "X", "reason": "r" }""", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, Fields(await ProductAsync(officer, caseId, productId)));
    }

    [SkippableFact]
    public async Task Merged_record_is_checked_as_a_whole_so_a_stop_before_the_stored_start_is_refused_and_changes_nothing()
    {
        var (officer, path, caseId, productId, today) = await OpenCaseWithFullDosingAsync("Tachipirina");
        var before = Fields(await ProductAsync(officer, caseId, productId));

        var stop = today.AddDays(-20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var early = await PatchAsync(officer, path, $$"""{ "therapyStop": "{{stop}}", "reason": "typo" }""");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.True((await PvApi.Json(early)).GetProperty("errors").TryGetProperty("therapyStop", out _));

        // clearing the dose alone leaves its stored unit without a dose
        var noDose = await PatchAsync(officer, path, """{ "dose": null, "reason": "unknown after all" }""");
        Assert.Equal(HttpStatusCode.BadRequest, noDose.StatusCode);
        Assert.True((await PvApi.Json(noDose)).GetProperty("errors").TryGetProperty("dose", out _));

        Assert.Equal(before, Fields(await ProductAsync(officer, caseId, productId)));
    }

    [SkippableFact]
    public async Task Audit_entry_of_a_patch_lists_exactly_the_changed_fields_with_the_reason()
    {
        var (officer, path, _, productId, _) = await OpenCaseWithFullDosingAsync("Eutirox");

        // the dose is sent with its stored value: not a change, so not in the trail
        var response = await PatchAsync(officer, path, """{ "batchNumber": "LOT-2", "frequency": null, "dose": 50, "reason": "Pharmacy label" }""");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var entry = Assert.Single(await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == productId.ToString() && a.Reason == "Pharmacy label").ToListAsync()));
        Assert.Equal("updated", entry.Action);
        Assert.Equal(PvApi.Officer, entry.ActorName);
        using var oldDocument = JsonDocument.Parse(entry.OldValues!);
        using var newDocument = JsonDocument.Parse(entry.NewValues!);
        var (oldValues, newValues) = (oldDocument.RootElement, newDocument.RootElement);
        Assert.Equal(["BatchNumber", "Frequency"], newValues.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("LOT-1", oldValues.GetProperty("BatchNumber").GetString());
        Assert.Equal("once a day", oldValues.GetProperty("Frequency").GetString());
        Assert.Equal("LOT-2", newValues.GetProperty("BatchNumber").GetString());
        Assert.Equal(JsonValueKind.Null, newValues.GetProperty("Frequency").ValueKind);
    }

    [SkippableFact]
    public async Task Openapi_names_the_patch_next_to_the_put_and_says_it_takes_a_merge_patch()
    {
        app.SkipIfUnavailable();
        using var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"));
        var operations = document.RootElement.GetProperty("paths").GetProperty("/api/pv/cases/{id}/products/{productId}");
        var patch = operations.GetProperty("patch");
        Assert.Equal("PatchPvProductDosing", patch.GetProperty("operationId").GetString());
        Assert.Contains("RFC 7396", patch.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(patch.GetProperty("requestBody").GetProperty("content").TryGetProperty(MergePatch, out _), patch.ToString());
        Assert.Equal("SetPvProductDosing", operations.GetProperty("put").GetProperty("operationId").GetString());
        Assert.Contains("Replaces the whole dosing record", operations.GetProperty("put").GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A case whose product has every dosing field set through the PUT.</summary>
    private async Task<(HttpClient Officer, string Path, Guid CaseId, Guid ProductId, DateOnly Today)> OpenCaseWithFullDosingAsync(string product)
    {
        var (officer, caseId, productId) = await PvApi.OpenCaseWithProductAsync(
            app, product, $"Since I started {product} I get terrible headaches", "terrible headaches", "US", "en");
        var today = DateOnly.FromDateTime(app.Factory.Clock.GetUtcNow().UtcDateTime);
        var path = $"/api/pv/cases/{caseId}/products/{productId}";
        await PvApi.SendAsync(officer, HttpMethod.Put, path, new
        {
            dose = 50m, doseUnit = "mg", frequency = "once a day", route = "oral", indication = "depressione",
            therapyStart = today.AddDays(-10), therapyStop = today.AddDays(-2), action = "not-changed",
            doseForm = "compressa rivestita con film", batchNumber = "LOT-1", reason = "first record",
        });
        return (officer, path, caseId, productId, today);
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string path, string body, string mediaType = MergePatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> ProductAsync(HttpClient officer, Guid caseId, Guid productId) =>
        (await PvApi.Json(await officer.GetAsync($"/api/pv/cases/{caseId}"))).GetProperty("products").EnumerateArray()
            .Single(p => p.GetProperty("id").GetGuid() == productId);

    /// <summary>Every member of the product as raw JSON, to compare a whole record before and after.</summary>
    private static Dictionary<string, string> Fields(JsonElement product) =>
        product.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());

    private Task<CaseProduct> StoredAsync(Guid productId) =>
        app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().Set<CaseProduct>().AsNoTracking().SingleAsync(p => p.Id == productId));
}

public sealed class PvPatchDosingTests_Sqlite(SqlitePvApp app) : PvPatchDosingTests(app), IClassFixture<SqlitePvApp>;

public sealed class PvPatchDosingTests_Postgres(PostgresPvApp app) : PvPatchDosingTests(app), IClassFixture<PostgresPvApp>;
