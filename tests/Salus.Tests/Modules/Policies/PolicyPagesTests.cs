using System.Net;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Policies;

public abstract class PolicyPagesTests(SalusApp app)
{
    [SkippableFact]
    public async Task Pages_show_the_version_its_signatures_and_the_bench_cites_the_clause()
    {
        app.SkipIfUnavailable();
        var api = new PolicyApi(app);
        var published = await api.PublishedAsync();
        var id = published.GetProperty("id").GetString()!;
        var label = published.GetProperty("label").GetString()!;

        var legal = await api.As(Demo.Legal);
        var page = await legal.GetStringAsync($"/policies/versions/{id}");
        Assert.Contains("Luca Legale", page, StringComparison.Ordinal);
        Assert.Contains("Prodotti e medicinali soggetti a prescrizione", page, StringComparison.Ordinal);
        Assert.Contains("<strong>", page, StringComparison.Ordinal); // Markdown rendered

        // A stakeholder comments on a passage through the form.
        var comment = await SalusApp.PostFormAsync(legal, $"/policies/versions/{id}?handler=Comment", new()
        {
            ["sectionKey"] = "products", ["quote"] = "art. 115", ["body"] = "Chiaro.",
        }, tokenFrom: $"/policies/versions/{id}");
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
        Assert.Contains("Chiaro.", await legal.GetStringAsync($"/policies/versions/{id}"), StringComparison.Ordinal);

        var export = await legal.GetAsync($"/api/policies/versions/{id}/export");
        var html = await export.Content.ReadAsStringAsync();
        Assert.Equal("text/html", export.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Luca Legale", html, StringComparison.Ordinal);
        Assert.Contains("approved", html, StringComparison.Ordinal);

        var bench = await SalusApp.PostFormAsync(legal, "/policies/bench", new()
        {
            ["Text"] = "Provate il nostro Ozempic!", ["Context"] = "employee-share", ["Market"] = "IT", ["Lang"] = "it",
        });
        var benchPage = await bench.Content.ReadAsStringAsync();
        Assert.Contains($"5.1@{label}", benchPage, StringComparison.Ordinal);
        Assert.Contains("rx-employee-share", benchPage, StringComparison.Ordinal);

        var employee = await api.As(Demo.Employee);
        var mine = await employee.GetStringAsync("/policies/acknowledge");
        Assert.Contains("Ho letto e compreso", WebUtility.HtmlDecode(mine), StringComparison.Ordinal);
        var ack = await SalusApp.PostFormAsync(employee, "/policies/acknowledge", new() { ["versionId"] = id, ["sectionKey"] = "purpose" });
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);

        var coverage = await (await api.As(PolicyApi.Owner)).GetStringAsync($"/policies/versions/{id}/coverage");
        Assert.Contains("Sales", coverage, StringComparison.Ordinal);
    }
}

public sealed class PolicyPagesTests_Sqlite(SqliteApp app) : PolicyPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PolicyPagesTests_Postgres(PostgresApp app) : PolicyPagesTests(app), IClassFixture<PostgresApp>;
