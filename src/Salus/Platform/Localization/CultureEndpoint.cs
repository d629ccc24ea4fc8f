using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Salus.Platform.Identity;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Salus.Platform.Localization;

public static class CultureEndpoint
{
    /// <summary><c>POST /culture</c>: the language picker. Remembered in a cookie and, when signed in, on the account.</summary>
    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/culture", async ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext http, UserManager<SalusUser> users) =>
        {
            if (!Cultures.Supported.Contains(culture, StringComparer.Ordinal))
            {
                return HttpResults.Problem(detail: $"Unsupported language '{culture}'. Use en or it.", statusCode: StatusCodes.Status400BadRequest);
            }

            RememberCulture(http, culture);
            if (await users.GetUserAsync(http.User) is { } user && user.PreferredCulture != culture)
            {
                user.PreferredCulture = culture;
                await users.UpdateAsync(user);
            }

            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
            return HttpResults.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// At sign-in: the account's language applies on a browser that has not chosen one yet (a choice made on the
    /// sign-in page wins). Takes effect from the next page, the one the sign-in redirects to.
    /// </summary>
    public static void ApplyAccountCulture(HttpContext http, SalusUser user)
    {
        if (user.PreferredCulture is { } culture && Cultures.Supported.Contains(culture, StringComparer.Ordinal)
            && !http.Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName))
        {
            RememberCulture(http, culture);
        }
    }

    private static void RememberCulture(HttpContext http, string culture) =>
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
}
