using System.Net.Http.Json;
using System.Text.Json;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Policies;

public abstract class DemoPolicyTests(SalusApp app)
{
    [SkippableFact]
    public async Task The_demo_seeds_the_italian_policy_signed_by_five_stakeholders_and_published()
    {
        app.SkipIfUnavailable();
        var client = await app.SignInAsync(Demo.Auditor);
        var policy = (await client.GetFromJsonAsync<JsonElement>("/api/policies")).EnumerateArray().Single();
        Assert.Equal("smp-it", policy.GetProperty("code").GetString());
        var version = policy.GetProperty("versions")[0];
        Assert.Equal("published", version.GetProperty("status").GetString());
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/policies/versions/{version.GetProperty("id").GetString()}");
        Assert.Equal(5, view.GetProperty("signatures").GetArrayLength());
        Assert.All(view.GetProperty("signatures").EnumerateArray(), s => Assert.Equal("valid", s.GetProperty("status").GetString()));

        var screen = await client.PostAsJsonAsync("/api/screen", new { text = "Il mio medico mi ha dato lo Zoloft", lang = "it", context = "employee-share", market = "IT" });
        var clauses = (await screen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clauses").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("5.1@smp-it/v1", clauses);
    }
}

public sealed class DemoPolicyApp_Sqlite : SqliteApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Salus:Policies:SeedDemoPolicy"] = "true" };
}

public sealed class DemoPolicyApp_Postgres : PostgresApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Salus:Policies:SeedDemoPolicy"] = "true" };
}

public sealed class DemoPolicyTests_Sqlite(DemoPolicyApp_Sqlite app) : DemoPolicyTests(app), IClassFixture<DemoPolicyApp_Sqlite>;

public sealed class DemoPolicyTests_Postgres(DemoPolicyApp_Postgres app) : DemoPolicyTests(app), IClassFixture<DemoPolicyApp_Postgres>;
