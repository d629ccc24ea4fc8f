using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Salus.Platform.Identity;

/// <summary>Accounts with a one-time password reach nothing but the change-password page until they pick their own.</summary>
public static class PasswordChangeGate
{
    public const string Claim = "salus:must-change-password";

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.HasClaim(Claim, "true")
                && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/_content") && !path.StartsWithSegments("/culture")
                && !path.StartsWithSegments("/health"))
            {
                if (path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsJsonAsync(new
                    {
                        type = "https://salus.local/problems/password-change-required", title = "Password change required.", status = 403,
                        detail = "Sign in to the web application and choose a new password first.",
                    }, options: null, contentType: "application/problem+json");
                    return;
                }

                context.Response.Redirect("/account/change-password");
                return;
            }

            await next(context);
        });
}
