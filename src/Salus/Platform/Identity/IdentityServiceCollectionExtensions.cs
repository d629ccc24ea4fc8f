using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Salus.Platform.Persistence;

namespace Salus.Platform.Identity;

public static class IdentityServiceCollectionExtensions
{
    public static IServiceCollection AddSalusIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OidcOptions>().Bind(configuration.GetSection(OidcOptions.Section))
            .Validate(o => !o.Enabled || (!string.IsNullOrWhiteSpace(o.Authority) && !string.IsNullOrWhiteSpace(o.ClientId)),
                $"{OidcOptions.Section}:Authority and {OidcOptions.Section}:ClientId are required when {OidcOptions.Section}:Enabled is true.")
            .ValidateOnStart();

        services.AddIdentity<SalusUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = Math.Max(12, security.MinimumPasswordLength);
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SalusDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ReplayGuardedAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddErrorDescriber<SalusIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<SalusClaimsFactory>()
            .AddSignInManager<SalusSignInManager>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "salus.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = EnforceAbsoluteTimeoutAsync;
        });

        // Deactivation and role changes take effect within a minute, not at the next sign-in.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // Refreshing the principal must not restart the absolute session clock.
            o.OnRefreshingPrincipal = context =>
            {
                var issued = context.CurrentPrincipal?.FindFirst(SalusClaimsFactory.IssuedClaim);
                var identity = context.NewPrincipal?.Identities.FirstOrDefault();
                if (issued is not null && identity is not null)
                {
                    foreach (var fresh in identity.FindAll(SalusClaimsFactory.IssuedClaim).ToList())
                    {
                        identity.RemoveClaim(fresh);
                    }

                    identity.AddClaim(new Claim(SalusClaimsFactory.IssuedClaim, issued.Value));
                }

                return Task.CompletedTask;
            };
        });

        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>();
        if (oidc is { Enabled: true })
        {
            services.AddAuthentication().AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, oidc.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.MapInboundClaims = true;
                o.Scope.Add("email");
                o.GetClaimsFromUserInfoEndpoint = true;
            });
        }

        services.AddAuthorization(AccessPolicies.Configure);
        return services;
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task EnforceAbsoluteTimeoutAsync(CookieValidatePrincipalContext context)
    {
        var issued = context.Principal?.FindFirstValue(SalusClaimsFactory.IssuedClaim);
        if (issued is not null && long.TryParse(issued, out var seconds))
        {
            var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
            var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
            if (age > TimeSpan.FromHours(options.AbsoluteTimeoutHours))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
