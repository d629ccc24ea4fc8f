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

            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
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
}
