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
    private static readonly string[] PolicyReaders = [Roles.Administrator, Roles.CommunicationsManager, Roles.PolicyStakeholder, Roles.Auditor];
    private static readonly string[] PolicyOwners = [Roles.Administrator, Roles.CommunicationsManager];
    private static readonly string[] PolicyCollaborators = [Roles.Administrator, Roles.CommunicationsManager, Roles.PolicyStakeholder];
    private static readonly string[] PolicyBench = [.. PolicyReaders, Roles.MlrReviewer];
    private const string NoVersion = "/api/policies/versions/00000000-0000-0000-0000-000000000001";
    private static readonly string[] PvOfficers = [Roles.PharmacovigilanceOfficer];
    private static readonly string[] AdverseEventFlaggers = [Roles.CommunityAgent, Roles.CommunityLead, Roles.PharmacovigilanceOfficer];
    private static readonly string[] PvReconcilers = [Roles.PharmacovigilanceOfficer, Roles.Auditor];
    private const string NoCase = "00000000-0000-0000-0000-000000000001";
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
        ("POST", "/account/passkeys/creation-options", "/account/passkeys/creation-options", StaffRoles),
        ("GET", "/policies", "/policies", PolicyReaders),
        ("GET", "/policies/versions/{id:guid}", "/policies/versions/00000000-0000-0000-0000-000000000001", PolicyReaders),
        ("GET", "/policies/versions/{id:guid}/sections/{key}", "/policies/versions/00000000-0000-0000-0000-000000000001/sections/purpose", PolicyCollaborators),
        ("GET", "/policies/versions/{id:guid}/diff", "/policies/versions/00000000-0000-0000-0000-000000000001/diff", PolicyReaders),
        ("GET", "/policies/versions/{id:guid}/coverage", "/policies/versions/00000000-0000-0000-0000-000000000001/coverage", PolicyReaders),
        ("GET", "/policies/bench", "/policies/bench", PolicyBench),
        ("GET", "/policies/acknowledge", "/policies/acknowledge", [Roles.Employee]),
        ("GET", "/api/policies/", "/api/policies", PolicyReaders),
        ("GET", "/api/policies/templates", "/api/policies/templates", PolicyReaders),
        ("POST", "/api/policies/", "/api/policies", PolicyOwners),
        ("POST", "/api/policies/{policyId:guid}/versions", "/api/policies/00000000-0000-0000-0000-000000000001/versions", PolicyOwners),
        ("GET", "/api/policies/versions/{versionId:guid}/", NoVersion, PolicyReaders),
        ("PUT", "/api/policies/versions/{versionId:guid}/sections/{key}", NoVersion + "/sections/purpose", PolicyOwners),
        ("POST", "/api/policies/versions/{versionId:guid}/submit", NoVersion + "/submit", PolicyOwners),
        ("POST", "/api/policies/versions/{versionId:guid}/sign", NoVersion + "/sign", [Roles.PolicyStakeholder]),
        ("POST", "/api/policies/versions/{versionId:guid}/publish", NoVersion + "/publish", PolicyOwners),
        ("GET", "/api/policies/versions/{versionId:guid}/diff", NoVersion + "/diff", PolicyReaders),
        ("GET", "/api/policies/versions/{versionId:guid}/export", NoVersion + "/export", PolicyReaders),
        ("POST", "/api/policies/versions/{versionId:guid}/comments", NoVersion + "/comments", PolicyCollaborators),
        ("GET", "/api/policies/versions/{versionId:guid}/comments", NoVersion + "/comments", PolicyReaders),
        ("POST", "/api/policies/versions/{versionId:guid}/proposals", NoVersion + "/proposals", PolicyCollaborators),
        ("GET", "/api/policies/versions/{versionId:guid}/proposals", NoVersion + "/proposals", PolicyReaders),
        ("POST", "/api/policies/versions/{versionId:guid}/acknowledge", NoVersion + "/acknowledge", [Roles.Employee]),
        ("GET", "/api/policies/versions/{versionId:guid}/coverage", NoVersion + "/coverage", PolicyReaders),
        ("POST", "/api/policies/comments/{commentId:guid}/resolve", "/api/policies/comments/00000000-0000-0000-0000-000000000001/resolve", PolicyCollaborators),
        ("POST", "/api/policies/proposals/{proposalId:guid}/accept", "/api/policies/proposals/00000000-0000-0000-0000-000000000001/accept", PolicyOwners),
        ("POST", "/api/policies/proposals/{proposalId:guid}/reject", "/api/policies/proposals/00000000-0000-0000-0000-000000000001/reject", PolicyOwners),
        ("GET", "/api/policies/mine", "/api/policies/mine", [Roles.Employee]),
        ("POST", "/api/policies/bench", "/api/policies/bench", PolicyBench),
        ("GET", "/channels", "/channels", AdminOnly),
        ("GET", "/channels/edit/{id:guid?}", "/channels/edit", AdminOnly),
        ("GET", "/api/channels/", "/api/channels", AdminOnly),
        ("GET", "/api/channels/{id:guid}", $"/api/channels/{SomeId}", AdminOnly),
        ("PUT", "/api/channels/{id:guid}/product", $"/api/channels/{SomeId}/product", AdminOnly),
        ("GET", "/pv", "/pv", PvOfficers),
        ("GET", "/pv/alerts", "/pv/alerts", PvOfficers),
        ("GET", "/pv/reconciliation", "/pv/reconciliation", PvReconcilers),
        ("GET", "/pv/cases/{id:guid}", $"/pv/cases/{NoCase}", PvOfficers),
        ("GET", "/pv/cases/{id:guid}/cioms", $"/pv/cases/{NoCase}/cioms", PvOfficers),
        ("POST", "/api/pv/signals", "/api/pv/signals", AdverseEventFlaggers),
        ("GET", "/api/pv/proposals", "/api/pv/proposals", PvOfficers),
        ("POST", "/api/pv/proposals/{id:guid}/confirm", $"/api/pv/proposals/{NoCase}/confirm", PvOfficers),
        ("POST", "/api/pv/proposals/{id:guid}/reject", $"/api/pv/proposals/{NoCase}/reject", PvOfficers),
        ("GET", "/api/pv/cases", "/api/pv/cases", PvOfficers),
        ("GET", "/api/pv/cases/{id:guid}", $"/api/pv/cases/{NoCase}", PvOfficers),
        ("PUT", "/api/pv/cases/{id:guid}/criteria/{criterion}", $"/api/pv/cases/{NoCase}/criteria/patient", PvOfficers),
        ("PUT", "/api/pv/cases/{id:guid}/day0", $"/api/pv/cases/{NoCase}/day0", PvOfficers),
        ("PUT", "/api/pv/cases/{id:guid}/seriousness", $"/api/pv/cases/{NoCase}/seriousness", PvOfficers),
        ("PUT", "/api/pv/cases/{id:guid}/patient", $"/api/pv/cases/{NoCase}/patient", PvOfficers),
        ("PUT", "/api/pv/cases/{id:guid}/narrative", $"/api/pv/cases/{NoCase}/narrative", PvOfficers),
        ("POST", "/api/pv/cases/{id:guid}/reactions", $"/api/pv/cases/{NoCase}/reactions", PvOfficers),
        ("PUT", "/api/pv/cases/{id:guid}/reactions/{reactionId:guid}", $"/api/pv/cases/{NoCase}/reactions/{NoCase}", PvOfficers),
        ("POST", "/api/pv/cases/{id:guid}/products", $"/api/pv/cases/{NoCase}/products", PvOfficers),
        ("PUT", "/api/pv/cases/{id:guid}/products/{productId:guid}", $"/api/pv/cases/{NoCase}/products/{NoCase}", PvOfficers),
        ("PATCH", "/api/pv/cases/{id:guid}/products/{productId:guid}", $"/api/pv/cases/{NoCase}/products/{NoCase}", PvOfficers),
        ("POST", "/api/pv/cases/{id:guid}/follow-ups", $"/api/pv/cases/{NoCase}/follow-ups", PvOfficers),
        ("POST", "/api/pv/cases/{id:guid}/reported", $"/api/pv/cases/{NoCase}/reported", PvOfficers),
        ("GET", "/api/pv/cases/{id:guid}/e2b", $"/api/pv/cases/{NoCase}/e2b", PvOfficers),
        ("GET", "/api/pv/cases/{id:guid}/duplicates", $"/api/pv/cases/{NoCase}/duplicates", PvOfficers),
        ("POST", "/api/pv/duplicates/{id:guid}/link", $"/api/pv/duplicates/{NoCase}/link", PvOfficers),
        ("POST", "/api/pv/duplicates/{id:guid}/dismiss", $"/api/pv/duplicates/{NoCase}/dismiss", PvOfficers),
        ("POST", "/api/pv/erasure", "/api/pv/erasure", PvOfficers),
        ("GET", "/api/pv/alerts", "/api/pv/alerts", PvOfficers),
        ("GET", "/api/pv/reaction-terms", "/api/pv/reaction-terms", PvOfficers),
        ("GET", "/api/pv/reconciliation/", "/api/pv/reconciliation", PvReconcilers),
        ("GET", "/api/pv/reconciliation/csv", "/api/pv/reconciliation/csv", PvReconcilers),
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
        ("GET", "/api/inbox/media/{id:guid}", $"/api/inbox/media/{SomeId}", InboxLibrary),
        ("POST", "/api/inbox/media/{id:guid}/delete", $"/api/inbox/media/{SomeId}/delete", InboxLibrary),
        ("POST", "/api/inbox/media/{id:guid}/share", $"/api/inbox/media/{SomeId}/share", InboxLibrary),
        ("POST", "/api/inbox/media/{id:guid}/share/revoke", $"/api/inbox/media/{SomeId}/share/revoke", InboxLibrary),
        ("POST", "/api/inbox/media/{id:guid}/approve", $"/api/inbox/media/{SomeId}/approve", Mlr),
        ("GET", "/inbox/media", "/inbox/media", InboxLibrary),
        ("POST", "/inbox/media/upload", "/inbox/media/upload", InboxLibrary),
        ("GET", "/media/{id:guid}", $"/media/{SomeId}", InboxLibrary),
        ("POST", "/api/inbox/saved-replies/{id:guid}/approve", $"/api/inbox/saved-replies/{SomeId}/approve", Mlr),
        ("POST", "/api/inbox/replies/{id:guid}/review", $"/api/inbox/replies/{SomeId}/review", Mlr),
    ];

    /// <summary>Reachable without signing in, on purpose.</summary>
    public static readonly string[] Anonymous =
    [
        "/account/login", "/account/login-2fa", "/account/logout", "/account/denied", "/account/external-callback", "/error/{code:int?}", "/culture",
        "/account/passkeys/request-options",
        "/health/live", "/health/ready", "/openapi/{documentName}.json", "/scalar/{documentName?}",
        // Platforms cannot sign in: every POST must carry the platform's signature (Channels module).
        "/webhooks/channels/{channelId:guid}",
        // Fake platforms, mapped only with Salus:Channels:Sandbox:Enabled or --demo; they check their own tokens.
        "/sandbox/graph/v19.0/{id}", "/sandbox/graph/v19.0/{id}/{edge}", "/sandbox/x/2/users/me", "/sandbox/x/2/users/{id}/mentions",
        "/sandbox/x/2/tweets", "/sandbox/x/2/tweets/{id}/hidden", "/sandbox/x/2/tweets/{id}", "/sandbox/x/2/dm_conversations/with/{participantId}/messages",
        "/sandbox/youtube/v3/channels", "/sandbox/youtube/v3/commentThreads", "/sandbox/youtube/v3/comments", "/sandbox/youtube/v3/comments/setModerationStatus",
        "/sandbox/linkedin/rest/organizations/{id}", "/sandbox/linkedin/rest/posts", "/sandbox/linkedin/rest/socialActions/{target}/comments",
        "/sandbox/linkedin/rest/socialActions/{target}/comments/{commentId}", "/sandbox/mastodon/api/v1/accounts/verify_credentials",
        "/sandbox/mastodon/api/v1/accounts/{id}", "/sandbox/mastodon/api/v1/notifications", "/sandbox/mastodon/api/v1/statuses",
        "/sandbox/mastodon/api/v1/statuses/{id}",
        "/sandbox/mastodon/api/v1/streaming", "/sandbox/mastodon/api/v1/streaming/health", "/sandbox/mastodon/api/v1/streaming/user",
        "/sandbox/mastodon/api/v1/streaming/user/notification", "/sandbox/x/2/dm_events", "/sandbox/wordpress/wp-json/wp/v2/users/me", "/sandbox/wordpress/wp-json/wp/v2/comments",
        "/sandbox/wordpress/wp-json/wp/v2/comments/{id}", "/sandbox/feeds/rss.xml", "/sandbox/feeds/atom.xml",
        "/sandbox/mastodon/api/v2/media", "/sandbox/mastodon/api/v1/media/{id}", "/sandbox/x/2/media/upload/initialize",
        "/sandbox/x/2/media/upload/{id}/append", "/sandbox/x/2/media/upload/{id}/finalize", "/sandbox/x/2/media/upload",
        // Public share links of media-library files: unguessable, revocable (Inbox module).
        "/media/shared/{token}",
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

        // A second method on a listed pattern (a PATCH next to a PUT) is a new endpoint too.
        var rows = Matrix.Select(m => $"{m.Method} {Normalize(m.Pattern)}").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unlisted = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalize(e.RoutePattern.RawText ?? "")}"))
            .Where(r => !rows.Contains(r)).Distinct().ToList();
        Assert.True(unlisted.Count == 0, "Methods missing from the authorisation matrix: " + string.Join(", ", unlisted));

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
        "PATCH" => await client.PatchAsJsonAsync(path, new { reason = "matrix" }),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText is { } raw && (raw.Contains(":file}", StringComparison.Ordinal) || raw.StartsWith("_content", StringComparison.Ordinal) || raw.StartsWith("/_content", StringComparison.Ordinal)
            || raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('{', StringComparison.Ordinal));

    private static string Normalize(string pattern) => "/" + pattern.Trim('/');
}

public sealed class RoleMatrixTests_Sqlite(SqliteApp app) : RoleMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class RoleMatrixTests_Postgres(PostgresApp app) : RoleMatrixTests(app), IClassFixture<PostgresApp>;
