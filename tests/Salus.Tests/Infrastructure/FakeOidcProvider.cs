using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Salus.Tests.Infrastructure;

/// <summary>
/// A small OpenID Connect provider on a real Kestrel port: discovery, JWKS, the token endpoint (authorization code with
/// PKCE S256 checked) and userinfo, issuing RS256-signed ID tokens. The test plays the user's browser at the authorize step.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    public const string ClientId = "salus-test";
    public const string ClientSecret = "salus-test-secret";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key-1" };
    private readonly ConcurrentDictionary<string, Grant> _grants = new();

    private sealed record Grant(string Subject, string Email, string Nonce, string CodeChallenge);

    public FakeOidcProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = $"{Authority}/authorize",
            ["token_endpoint"] = $"{Authority}/token",
            ["userinfo_endpoint"] = $"{Authority}/userinfo",
            ["jwks_uri"] = $"{Authority}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        _app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (!ClientAuthenticated(request, form))
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            }

            if (form["grant_type"] != "authorization_code" || !_grants.TryRemove(form["code"].ToString(), out var grant)
                || !Pkce(form["code_verifier"].ToString()).Equals(grant.CodeChallenge, StringComparison.Ordinal))
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            TokenRequests++;
            return Results.Json(new { access_token = $"at-{grant.Subject}", token_type = "Bearer", expires_in = 300, id_token = IdToken(grant) });
        });
        _app.MapGet("/userinfo", (HttpRequest request) =>
        {
            var subject = request.Headers.Authorization.ToString().Replace("Bearer at-", "", StringComparison.Ordinal);
            var email = _emails.GetValueOrDefault(subject);
            return email is null ? Results.Unauthorized() : Results.Json(new { sub = subject, email, email_verified = true });
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Authority = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    private readonly ConcurrentDictionary<string, string> _emails = new();

    public string Authority { get; private set; } = "";

    public int TokenRequests { get; private set; }

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Salus:Oidc:Enabled"] = "true",
        ["Salus:Oidc:Authority"] = Authority,
        ["Salus:Oidc:ClientId"] = ClientId,
        ["Salus:Oidc:ClientSecret"] = ClientSecret,
        ["Salus:Oidc:RequireHttpsMetadata"] = "false",
        ["Salus:Oidc:DisplayName"] = "Test SSO",
    };

    /// <summary>The user authenticates at the provider: returns the code the provider would send back to the client.</summary>
    public string Authorize(Uri authorizeRequest, string subject, string email)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorizeRequest.Query);
        if (query["client_id"] != ClientId || query["code_challenge_method"] != "S256")
        {
            throw new InvalidOperationException("The client did not send a PKCE S256 authorization request.");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _grants[code] = new Grant(subject, email, query["nonce"].ToString(), query["code_challenge"].ToString());
        _emails[subject] = email;
        return code;
    }

    private static bool ClientAuthenticated(HttpRequest request, IFormCollection form)
    {
        var basic = request.Headers.Authorization.ToString();
        if (basic.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..])).Split(':', 2);
            return pair is [ClientId, ClientSecret];
        }

        return form["client_id"] == ClientId && form["client_secret"] == ClientSecret;
    }

    private static string Pkce(string verifier) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private string IdToken(Grant grant)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = grant.Subject, ["nonce"] = grant.Nonce, ["email"] = grant.Email },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
