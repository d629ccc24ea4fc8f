using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Salus.Platform.Identity;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Platform;

/// <summary>
/// Every endpoint × every role. The first test proves the matrix covers every endpoint the app maps (a new,
/// forgotten endpoint fails it); the second walks the matrix with real sign-ins.
/// </summary>
public abstract class RoleMatrixTests(SalusApp app)
{
    private const string Anyone = "*";
    private static readonly string[] StaffRoles = [.. Roles.All];
    private static readonly string[] AdminOnly = [Roles.Administrator];
    private static readonly string[] AuditReaders = [Roles.Auditor, Roles.Administrator];
    private static readonly string[] InboxWork = [Roles.CommunityAgent, Roles.CommunityLead, Roles.MedicalInformationSpecialist];
    private static readonly string[] InboxLead = [Roles.CommunityLead, Roles.Administrator];
    private static readonly string[] InboxLibrary = [Roles.CommunityAgent, Roles.CommunityLead, Roles.MedicalInformationSpecialist, Roles.MlrReviewer, Roles.CommunicationsManager];
    private static readonly string[] Mlr = [Roles.MlrReviewer];
    private const string SomeId = "00000000-0000-0000-0000-000000000001";

    /// <summary>(method, route pattern, a concrete path, who may use it; "*" = any signed-in account incl. patients).</summary>
    public static readonly (string Method, string Pattern, string Path, string[] Allowed)[] Matrix =
    [
        ("GET", "/", "/", StaffRoles),
        ("GET", "/account/manage", "/account/manage", StaffRoles),
        ("GET", "/account/two-factor", "/account/two-factor", StaffRoles),
        ("GET", "/account/change-password", "/account/change-password", StaffRoles),
        ("GET", "/audit", "/audit", AuditReaders),
        ("GET", "/admin/users", "/admin/users", AdminOnly),
        ("GET", "/admin/jobs", "/admin/jobs", AdminOnly),
        ("GET", "/api/me", "/api/me", [Anyone]),
        ("GET", "/api/admin/users/", "/api/admin/users", AdminOnly),
        ("GET", "/api/admin/users/{id}", "/api/admin/users/nobody", AdminOnly),
        ("POST", "/api/admin/users/", "/api/admin/users", AdminOnly),
        ("PUT", "/api/admin/users/{id}/roles", "/api/admin/users/nobody/roles", AdminOnly),
        ("POST", "/api/admin/users/{id}/deactivate", "/api/admin/users/nobody/deactivate", AdminOnly),
        ("POST", "/api/admin/users/{id}/reactivate", "/api/admin/users/nobody/reactivate", AdminOnly),
        ("GET", "/api/audit/", "/api/audit", AuditReaders),
        ("GET", "/api/audit/export", "/api/audit/export", AuditReaders),
        ("GET", "/api/audit/verify", "/api/audit/verify", AuditReaders),
        ("GET", "/api/admin/jobs/", "/api/admin/jobs", AdminOnly),
        ("POST", "/api/admin/jobs/{id:long}/retry", "/api/admin/jobs/0/retry", AdminOnly),
        ("POST", "/api/screen", "/api/screen", StaffRoles),
        ("GET", "/inbox", "/inbox", InboxWork),
        ("GET", "/inbox/conversations/{id:guid}", $"/inbox/conversations/{SomeId}", InboxWork),
        ("GET", "/inbox/rota", "/inbox/rota", [.. InboxWork, Roles.Administrator]),
        ("GET", "/inbox/saved-replies", "/inbox/saved-replies", InboxLibrary),
        ("GET", "/inbox/metrics", "/inbox/metrics", InboxLead),
        ("GET", "/api/inbox/conversations", "/api/inbox/conversations", InboxWork),
        ("GET", "/api/inbox/conversations/{id:guid}", $"/api/inbox/conversations/{SomeId}", InboxWork),
        ("POST", "/api/inbox/conversations/{id:guid}/replies", $"/api/inbox/conversations/{SomeId}/replies", InboxWork),
        ("POST", "/api/inbox/conversations/{id:guid}/status", $"/api/inbox/conversations/{SomeId}/status", InboxWork),
        ("POST", "/api/inbox/conversations/{id:guid}/assign", $"/api/inbox/conversations/{SomeId}/assign", InboxWork),
        ("POST", "/api/inbox/conversations/{id:guid}/notes", $"/api/inbox/conversations/{SomeId}/notes", InboxWork),
        ("POST", "/api/inbox/conversations/{id:guid}/move-to-private", $"/api/inbox/conversations/{SomeId}/move-to-private", InboxWork),
        ("POST", "/api/inbox/conversations/bulk", "/api/inbox/conversations/bulk", InboxWork),
        ("POST", "/api/inbox/items/{id:guid}/hide", $"/api/inbox/items/{SomeId}/hide", InboxWork),
        ("POST", "/api/inbox/items/{id:guid}/delete", $"/api/inbox/items/{SomeId}/delete", InboxWork),
        ("POST", "/api/inbox/items/{id:guid}/report-adverse-event", $"/api/inbox/items/{SomeId}/report-adverse-event", InboxWork),
        ("POST", "/api/inbox/people/{id:guid}/merge", $"/api/inbox/people/{SomeId}/merge", InboxWork),
        ("POST", "/api/inbox/notifications/{id:guid}/acknowledge", $"/api/inbox/notifications/{SomeId}/acknowledge", InboxWork),
        ("GET", "/api/inbox/sla-policies", "/api/inbox/sla-policies", InboxLead),
        ("POST", "/api/inbox/sla-policies", "/api/inbox/sla-policies", InboxLead),
        ("GET", "/api/inbox/notifications", "/api/inbox/notifications", InboxWork),
        ("GET", "/api/inbox/rota", "/api/inbox/rota", InboxWork),
        ("POST", "/api/inbox/rota/teams/{id:guid}/handover", $"/api/inbox/rota/teams/{SomeId}/handover", InboxWork),
        ("GET", "/api/inbox/stream", "/api/inbox/stream?once=true", InboxWork),
        ("GET", "/api/inbox/metrics", "/api/inbox/metrics", InboxLead),
        ("POST", "/api/inbox/rota/teams", "/api/inbox/rota/teams", InboxLead),
        ("POST", "/api/inbox/rota/shifts", "/api/inbox/rota/shifts", InboxLead),
        ("POST", "/api/inbox/rota/holidays", "/api/inbox/rota/holidays", InboxLead),
        ("GET", "/api/inbox/saved-replies", "/api/inbox/saved-replies", InboxLibrary),
        ("POST", "/api/inbox/saved-replies", "/api/inbox/saved-replies", InboxLibrary),
        ("GET", "/api/inbox/media", "/api/inbox/media", InboxLibrary),
        ("POST", "/api/inbox/media", "/api/inbox/media", InboxLibrary),
        ("POST", "/api/inbox/saved-replies/{id:guid}/approve", $"/api/inbox/saved-replies/{SomeId}/approve", Mlr),
        ("POST", "/api/inbox/replies/{id:guid}/review", $"/api/inbox/replies/{SomeId}/review", Mlr),
    ];

    /// <summary>Reachable without signing in, on purpose.</summary>
    public static readonly string[] Anonymous =
    [
        "/account/login", "/account/login-2fa", "/account/logout", "/account/denied", "/account/external-callback", "/error/{code:int?}", "/culture",
        "/health/live", "/health/ready", "/openapi/{documentName}.json", "/scalar/{documentName?}",
    ];

    [SkippableFact]
    public void Every_mapped_endpoint_is_in_the_matrix_or_deliberately_anonymous()
    {
        app.SkipIfUnavailable();
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticAsset(e)).ToList();
        var known = Matrix.Select(m => Normalize(m.Pattern)).Concat(Anonymous.Select(Normalize)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = endpoints.Select(e => Normalize(e.RoutePattern.RawText ?? "")).Where(p => !known.Contains(p)).Distinct().ToList();
        Assert.True(unknown.Count == 0, "Endpoints missing from the authorisation matrix: " + string.Join(", ", unknown));

        foreach (var endpoint in endpoints)
        {
            var pattern = Normalize(endpoint.RoutePattern.RawText ?? "");
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            Assert.True(anonymous == Anonymous.Select(Normalize).Contains(pattern, StringComparer.OrdinalIgnoreCase),
                $"{pattern}: anonymous={anonymous} disagrees with the matrix");
        }
    }

    [SkippableFact]
    public async Task Each_role_reaches_exactly_what_the_matrix_allows()
    {
        app.SkipIfUnavailable();
        var accounts = new List<(string Role, string Email, bool Patient)>
        {
            (Roles.Administrator, Demo.Admin, false), (Roles.Auditor, Demo.Auditor, false), (Roles.Employee, Demo.Employee, false),
            (Roles.PolicyStakeholder, Demo.Legal, false), (Roles.CommunityAgent, Demo.Agent, false),
            (Roles.CommunicationsManager, "comms@demo.salus.local", false), (Roles.MlrReviewer, "mlr@demo.salus.local", false),
            (Roles.CommunityLead, "lead@demo.salus.local", false), (Roles.PharmacovigilanceOfficer, "pv@demo.salus.local", false),
            (Roles.MedicalInformationSpecialist, "medinfo@demo.salus.local", false), ("patient", Demo.Patient, true),
        };
        var failures = new List<string>();
        foreach (var (role, email, patient) in accounts)
        {
            var client = await app.SignInAsync(email);
            foreach (var (method, _, path, allowed) in Matrix)
            {
                var response = await SendAsync(client, method, path);
                var mayUse = allowed.Contains(Anyone) || (!patient && allowed.Contains(role));
                var refused = IsRefused(response, path);
                if (mayUse == refused)
                {
                    failures.Add($"{role} {method} {path}: {(int)response.StatusCode} {response.Headers.Location} (expected {(mayUse ? "allowed" : "refused")})");
                }
            }
        }

        var anonymous = app.Anonymous();
        foreach (var (method, _, path, _) in Matrix)
        {
            var response = await SendAsync(anonymous, method, path);
            var challenged = response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal));
            if (!challenged)
            {
                failures.Add($"anonymous {method} {path}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool IsRefused(HttpResponseMessage response, string path) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) => method switch
    {
        "GET" => await client.GetAsync(path),
        "POST" => await client.PostAsJsonAsync(path, new { reason = "matrix" }),
        "PUT" => await client.PutAsJsonAsync(path, new { roles = Array.Empty<string>() }),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText is { } raw && (raw.Contains(":file}", StringComparison.Ordinal) || raw.StartsWith("_content", StringComparison.Ordinal) || raw.StartsWith("/_content", StringComparison.Ordinal)
            || raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('{', StringComparison.Ordinal));

    private static string Normalize(string pattern) => "/" + pattern.Trim('/');
}

public sealed class RoleMatrixTests_Sqlite(SqliteApp app) : RoleMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class RoleMatrixTests_Postgres(PostgresApp app) : RoleMatrixTests(app), IClassFixture<PostgresApp>;
