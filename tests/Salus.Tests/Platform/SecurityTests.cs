using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Secrets;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Platform;

public sealed class SecurityTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Pages_carry_csp_nosniff_frame_denial_and_no_store()
    {
        var response = await app.Anonymous().GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Unknown_pages_get_a_page_in_the_users_language_and_unknown_api_paths_problem_details()
    {
        // Anonymous visitors are sent to sign in whatever the address, so the site's map is not revealed.
        var anonymous = await app.Anonymous().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);

        var admin = await app.SignInAsync(Demo.Admin);
        await SalusApp.PostFormAsync(admin, "/culture", new() { ["culture"] = "it", ["returnUrl"] = "/" }, tokenFrom: "/");
        var page = await admin.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Pagina non trovata", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await admin.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_refused()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = Demo.Admin, ["Password"] = "salus-demo-2026" });
        var response = await app.Anonymous().PostAsync("/account/login", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Api_validation_errors_are_rfc9457_problem_details_with_field_errors()
    {
        var admin = await app.SignInAsync(Demo.Admin);
        var response = await admin.PostAsJsonAsync("/api/admin/users", new { email = "not-an-email", displayName = "", roles = new[] { "wizard" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("user.invalid", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("displayName", out _));
        Assert.Contains("wizard", errors.GetProperty("roles")[0].GetString(), StringComparison.Ordinal);

        var missing = await admin.GetAsync("/api/admin/users/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Administrators_invite_assign_roles_and_deactivate_and_the_deactivated_cannot_sign_in()
    {
        var admin = await app.SignInAsync(Demo.Admin);
        var invited = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            email = "new.stakeholder@demo.salus.local", displayName = "Nora Nuova", roles = new[] { "policy-stakeholder" }, function = "Regulatory", market = "it",
        });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var body = JsonDocument.Parse(await invited.Content.ReadAsStringAsync()).RootElement;
        var id = body.GetProperty("id").GetString()!;
        var password = body.GetProperty("oneTimePassword").GetString()!;
        Assert.True(password.Length >= 12);

        // The one-time password works but only leads to the change-password page.
        var nora = await app.SignInAsync("new.stakeholder@demo.salus.local", password);
        var home = await nora.GetAsync("/");
        Assert.Equal("/account/change-password", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await nora.GetAsync("/api/me")).StatusCode);

        var roles = await admin.PutAsJsonAsync($"/api/admin/users/{id}/roles", new { roles = new[] { "policy-stakeholder", "mlr-reviewer" }, reason = "joins MLR" });
        Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        Assert.Contains("mlr-reviewer", await roles.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var deactivated = await admin.PostAsJsonAsync($"/api/admin/users/{id}/deactivate", new { reason = "left the company" });
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync("new.stakeholder@demo.salus.local", password));

        // Never deleted, and the reason is in the trail.
        var reason = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries
            .AnyAsync(a => a.EntityId == id && a.Reason == "left the company"));
        Assert.True(reason);
        Assert.NotNull(await app.Factory.InScopeAsync(sp => sp.GetRequiredService<UserManager<SalusUser>>().FindByIdAsync(id)));
    }

    [Fact]
    public async Task Passwords_shorter_than_twelve_characters_are_rejected()
    {
        var result = await app.Factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<SalusUser>>();
            return await users.CreateAsync(new SalusUser { UserName = "short@x.local", Email = "short@x.local", DisplayName = "Short" }, "elevenchars");
        });
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordTooShort");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await SalusApp.PostFormAsync(client, "/account/login", new() { ["Email"] = "mlr@demo.salus.local", ["Password"] = "wrong-password-" + i });
        }

        var locked = await SalusApp.PostFormAsync(client, "/account/login", new() { ["Email"] = "mlr@demo.salus.local", ["Password"] = "salus-demo-2026" });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Secrets_are_encrypted_with_keys_kept_in_the_database()
    {
        var protectedValue = await app.Factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<SecretProtector>().Protect("EAAB-page-token-123")));
        Assert.DoesNotContain("page-token", protectedValue, StringComparison.Ordinal);
        Assert.Equal("EAAB-page-token-123", await app.Factory.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<SecretProtector>().Unprotect(protectedValue))));
        var keys = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().DataProtectionKeys.CountAsync());
        Assert.True(keys >= 1);
    }

    [Fact]
    public async Task Health_endpoints_answer_without_signing_in_and_openapi_is_published()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/admin/users", out _));
    }

    [Fact]
    public void Idle_and_absolute_session_timeouts_are_configured()
    {
        var security = app.Factory.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var cookie = app.Factory.Services.GetRequiredService<IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(security.IdleTimeoutMinutes), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
        Assert.Equal(12, security.AbsoluteTimeoutHours);
    }
}

/// <summary>A session older than the absolute limit ends even while it is kept busy.</summary>
public sealed class AbsoluteTimeoutApp : SqliteApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Salus:Security:IdleTimeoutMinutes"] = "1440",
        ["Salus:Security:AbsoluteTimeoutHours"] = "1",
    };
}

public sealed class AbsoluteTimeoutTests(AbsoluteTimeoutApp app) : IClassFixture<AbsoluteTimeoutApp>
{
    [Fact]
    public async Task A_busy_session_still_ends_at_the_absolute_timeout()
    {
        var client = await app.SignInAsync(Demo.Employee);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        for (var i = 0; i < 2; i++)
        {
            app.Factory.Clock.Advance(TimeSpan.FromMinutes(25));
            var busy = await client.GetAsync("/api/me");
            Assert.True(busy.StatusCode == HttpStatusCode.OK, $"request {i} after {(i + 1) * 25} min: {(int)busy.StatusCode}");
        }

        app.Factory.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }
}

public sealed class RateLimitApp : SqliteApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Salus:Security:RequestsPerMinute"] = "5",
    };
}

public sealed class RateLimitTests(RateLimitApp app) : IClassFixture<RateLimitApp>
{
    [Fact]
    public async Task Too_many_requests_get_429_with_retry_after_and_a_problem_body()
    {
        var client = app.Anonymous();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8; i++)
        {
            last = await client.GetAsync("/account/login");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
