using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>Authentication, injected failures and error bodies in each platform's own shape.</summary>
internal static class SandboxHttp
{
    /// <summary>Null when the request may go on; otherwise the platform's refusal (bad token or an injected failure).</summary>
    public static IResult? Gate(HttpContext http, SandboxState state, string platform)
    {
        if (state.TakeFailure(platform) is { } failure)
        {
            if (failure.RetryAfterSeconds is { } seconds)
            {
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return Error(platform, failure.Status, failure.Status == 429 ? "Too Many Requests" : "Injected failure");
        }

        return Authorised(http, state, platform) ? null : Error(platform, 401, "Invalid access token");
    }

    private static bool Authorised(HttpContext http, SandboxState state, string platform)
    {
        if (!state.TokensValid)
        {
            return false;
        }

        var header = http.Request.Headers.Authorization.ToString();
        if (platform == "wordpress")
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"salus:{SandboxState.Token}"));
            return header == expected;
        }

        return header == "Bearer " + SandboxState.Token;
    }

    public static IResult Error(string platform, int status, string message) => platform switch
    {
        "graph" => Results.Json(new { error = new { message, type = status == 401 ? "OAuthException" : "GraphMethodException", code = status == 401 ? 190 : 100 } }, statusCode: status),
        "x" => Results.Json(new { title = status == 429 ? "Too Many Requests" : message, type = "about:blank", status, detail = message }, statusCode: status),
        "youtube" => Results.Json(new { error = new { code = status, message, errors = new[] { new { reason = status == 403 ? "quotaExceeded" : "backendError", domain = "youtube.quota" } } } }, statusCode: status),
        "linkedin" => Results.Json(new { status, serviceErrorCode = 65600, code = status == 401 ? "INVALID_ACCESS_TOKEN" : "ERROR", message }, statusCode: status),
        "mastodon" => Results.Json(new { error = message }, statusCode: status),
        "wordpress" => Results.Json(new { code = status == 401 ? "rest_not_logged_in" : "rest_error", message, data = new { status } }, statusCode: status),
        _ => Results.Text(message, "text/plain", Encoding.UTF8, status),
    };

    public static async Task<System.Text.Json.JsonElement> JsonBodyAsync(HttpRequest request)
    {
        using var document = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
        return document.RootElement.Clone();
    }

    public static string? Str(System.Text.Json.JsonElement element, string name) =>
        element.ValueKind == System.Text.Json.JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
