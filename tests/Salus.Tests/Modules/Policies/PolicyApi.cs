using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Policies;

/// <summary>Drives the policy API as the demo people do.</summary>
internal sealed class PolicyApi(SalusApp app)
{
    public const string Owner = "comms@demo.salus.local";
    public const string Medical = "medical@demo.salus.local";

    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task<HttpClient> As(string email)
    {
        if (!_clients.TryGetValue(email, out var client))
        {
            client = await app.SignInAsync(email);
            _clients[email] = client;
        }

        return client;
    }

    public async Task<JsonElement> CreateAsync(string[] signOffs, string template = "it-pharma", string language = "it")
    {
        var code = "t-" + Guid.NewGuid().ToString("N")[..10];
        var response = await (await As(Owner)).PostAsJsonAsync("/api/policies", new { template, language, code, requiredSignOffs = signOffs, reason = "test" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetAsync(string versionId) =>
        await (await As(Owner)).GetFromJsonAsync<JsonElement>($"/api/policies/versions/{versionId}");

    public async Task<HttpResponseMessage> SubmitAsync(string versionId) =>
        await (await As(Owner)).PostAsJsonAsync($"/api/policies/versions/{versionId}/submit", new { reason = "please review" });

    public async Task<HttpResponseMessage> SignAsync(string email, string versionId, string meaning = "approved", string? password = null, string? comment = null) =>
        await (await As(email)).PostAsJsonAsync($"/api/policies/versions/{versionId}/sign",
            new { password = password ?? app.Factory.DemoPassword, meaning, comment = comment ?? "ok" });

    public async Task<HttpResponseMessage> PublishAsync(string versionId, string audience = "all", string? value = null) =>
        await (await As(Owner)).PostAsJsonAsync($"/api/policies/versions/{versionId}/publish", new { audience, audienceValue = value, reason = "go live" });

    public async Task<HttpResponseMessage> SaveSectionAsync(string versionId, string key, string title, string body, object? quiz = null) =>
        await (await As(Owner)).PutAsJsonAsync($"/api/policies/versions/{versionId}/sections/{key}", new { title, body, quiz, reason = "edit" });

    /// <summary>Creates, submits, has Legal approve and publishes: the published version.</summary>
    public async Task<JsonElement> PublishedAsync(string template = "it-pharma", string language = "it")
    {
        var v = await CreateAsync(["Legal"], template, language);
        var id = v.GetProperty("id").GetString()!;
        (await SubmitAsync(id)).EnsureSuccessStatusCode();
        (await SignAsync(Demo.Legal, id)).EnsureSuccessStatusCode();
        (await PublishAsync(id)).EnsureSuccessStatusCode();
        return await GetAsync(id);
    }

    public static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
}
