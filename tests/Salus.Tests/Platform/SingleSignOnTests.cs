using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Platform;

/// <summary>Salus configured for single sign-on against a real (local) OpenID Connect provider.</summary>
public sealed class OidcApp : SqliteApp
{
    public FakeOidcProvider IdentityProvider { get; } = new();

    protected override IDictionary<string, string?> Settings => IdentityProvider.Settings;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await IdentityProvider.DisposeAsync();
    }
}

public sealed class SingleSignOnTests(OidcApp app) : IClassFixture<OidcApp>
{
    [Fact]
    public async Task Sign_in_page_offers_the_configured_provider()
    {
        var page = await app.Anonymous().GetStringAsync("/account/login");
        Assert.Contains("Test SSO", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invited_user_signs_in_through_the_provider_and_the_login_is_linked()
    {
        var client = Browser();
        var landed = await SsoAsync(client, subject: "idp-legal-1", email: Demo.Legal);

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal("/", landed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).StatusCode);
        var linked = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries
            .CountAsync(a => a.Action == "sso.linked"));
        Assert.Equal(1, linked);

        // The second time the link is used: no new link is recorded.
        var again = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await SsoAsync(again, subject: "idp-legal-1", email: Demo.Legal)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/account/manage")).StatusCode);
        Assert.Equal(1, await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries
            .CountAsync(a => a.Action == "sso.linked")));
    }

    [Fact]
    public async Task An_identity_without_an_invited_account_is_refused_and_not_signed_in()
    {
        var client = Browser();
        var refused = await SsoAsync(client, subject: "idp-stranger", email: "stranger@example.org");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("invite", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var manage = await client.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.Contains("/account/login", manage.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_callback_without_the_correlation_cookie_does_not_sign_in()
    {
        var client = Browser();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "forged", ["state"] = "forged" });
        var response = await client.PostAsync("/signin-oidc", form);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/manage")).StatusCode);
    }

    // Correlation and nonce cookies are Secure, so the client speaks https to the test server.
    private HttpClient Browser()
    {
        app.SkipIfUnavailable();
        var now = DateTimeOffset.UtcNow;
        if (app.Factory.Clock.GetUtcNow() < now)
        {
            app.Factory.Clock.SetUtcNow(now); // the cookie container judges cookie expiry by the real clock
        }

        return app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
    }

    private async Task<HttpResponseMessage> SsoAsync(HttpClient client, string subject, string email)
    {
        var challenge = await SalusApp.PostFormAsync(client, "/account/login?handler=External", new() { ["provider"] = "OpenIdConnect" }, tokenFrom: "/account/login");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith($"{app.IdentityProvider.Authority}/authorize", authorize.AbsoluteUri, StringComparison.Ordinal);

        var code = app.IdentityProvider.Authorize(authorize, subject, email);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        var callback = new Uri(query["redirect_uri"].ToString());
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code, ["state"] = query["state"].ToString() });
        var afterProvider = await client.PostAsync(callback.PathAndQuery, form);
        Assert.Equal(HttpStatusCode.Redirect, afterProvider.StatusCode);
        Assert.Contains("/account/external-callback", afterProvider.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return await client.GetAsync(afterProvider.Headers.Location);
    }
}
