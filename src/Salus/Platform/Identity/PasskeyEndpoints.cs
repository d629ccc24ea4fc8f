using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Salus.Platform.Web;

namespace Salus.Platform.Identity;

/// <summary>
/// The two WebAuthn option documents the browser needs (JSON made by Identity; the ceremony state travels in Identity's
/// own cookie). Registering and signing in then post the browser's credential through ordinary forms.
/// </summary>
public static class PasskeyEndpoints
{
    public static void MapPasskeyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/passkeys/creation-options", async Task<IResult> (HttpContext http, SignInManager<SalusUser> signIn, IAntiforgery antiforgery) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return ForgedRequest();
                }

                var user = await signIn.UserManager.GetUserAsync(http.User);
                if (user is null)
                {
                    return TypedResults.Unauthorized();
                }

                var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
                {
                    Id = user.Id, Name = user.Email ?? user.UserName ?? user.Id, DisplayName = user.DisplayName,
                });
                return TypedResults.Content(options, "application/json");
            })
            .RequireAuthorization(AccessPolicies.Staff).ExcludeFromDescription();

        endpoints.MapPost("/account/passkeys/request-options", async Task<IResult> (HttpContext http, SignInManager<SalusUser> signIn, IAntiforgery antiforgery) =>
                await antiforgery.IsRequestValidAsync(http)
                    ? (IResult)TypedResults.Content(await signIn.MakePasskeyRequestOptionsAsync(user: null), "application/json")
                    : ForgedRequest())
            .AllowAnonymous().RequireRateLimiting(RateLimiting.SignInPolicy).ExcludeFromDescription();
    }

    private static ProblemHttpResult ForgedRequest() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The antiforgery token is missing or invalid.",
            detail: "Send the page's __RequestVerificationToken in the X-CSRF-TOKEN header.");
}
