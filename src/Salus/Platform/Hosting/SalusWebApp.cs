using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;
using Salus.Platform.Api;
using Salus.Platform.Identity;
using Salus.Platform.Jobs;
using Salus.Platform.Localization;
using Salus.Platform.Scale;
using Salus.Platform.Persistence;
using Salus.Platform.Secrets;
using Salus.Platform.Signatures;
using Salus.Platform.Web;

namespace Salus.Platform.Hosting;

/// <summary>The composition root of <c>salus serve</c>: platform services, then each module's AddX / MapX.</summary>
public static class SalusWebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SalusWebApp).Assembly.GetName().Name,
            ContentRootPath = ContentRoot(args),
        });
        builder.Configuration.AddEnvironmentVariables("SALUS_");
        StaticAssets.UseBuildOutputAssets(builder);
        ConfigureServices(builder);
        // After the modules, so a caller (a test replacing a platform) has the last word on a service.
        configure?.Invoke(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    /// <summary>
    /// The folder of the executable (its appsettings.json and, once published, its wwwroot), not the working directory:
    /// <c>salus</c> started from elsewhere (a service manager, another shell folder) otherwise found neither and served
    /// empty stylesheets. <c>--contentRoot</c> or <c>DOTNET_CONTENTROOT</c> / <c>ASPNETCORE_CONTENTROOT</c> still choose.
    /// </summary>
    private static string? ContentRoot(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            ? null
            : AppContext.BaseDirectory;

    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var dataFolder = DataFolder.Resolve(configuration[DataFolder.ConfigKey]);
        services.AddSingleton(new SalusPaths(dataFolder));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        services.AddSalusPersistence(configuration, dataFolder);
        services.AddDataProtection().SetApplicationName("Salus").PersistKeysToDbContext<SalusDbContext>();
        services.AddSingleton<SecretProtector>();
        services.AddSalusIdentity(configuration);
        services.AddScoped<SignatureService>();
        services.AddScoped<Audit.AuditVerifier>();
        services.AddScoped<Audit.AuditQuery>();
        services.AddScoped<Identity.UserAdministration>();
        services.AddSalusJobs(configuration);
        services.AddScoped<DatabaseInitializer>();
        services.AddOptions<BootstrapOptions>().Bind(configuration.GetSection(BootstrapOptions.Section));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorPages(o =>
            {
                // Pages live with their module (Modules/<Name>/Pages) as well as in Pages/; every page declares its route.
                o.RootDirectory = "/";
                o.Conventions.AuthorizeFolder("/", AccessPolicies.Staff);
                foreach (var page in (string[])["Login", "LoginWith2fa", "Logout", "Denied", "ExternalCallback"])
                {
                    o.Conventions.AllowAnonymousToPage($"/Pages/Account/{page}");
                }

                o.Conventions.AllowAnonymousToPage("/Pages/Error");
                o.Conventions.AuthorizeFolder("/Pages/Admin", AccessPolicies.Administration);
                o.Conventions.AuthorizeFolder("/Pages/Audit", AccessPolicies.AuditRead);
                o.Conventions.AuthorizePage("/Pages/Account/ChangePassword");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures.English).AddSupportedCultures(Cultures.Supported).AddSupportedUICultures(Cultures.Supported);
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<SalusDbContext>("database", tags: ["ready"]);
        services.AddSalusScaleOut(configuration);
        services.AddSalusRateLimiting(configuration);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        foreach (var module in SalusModules.All)
        {
            module.AddServices(services, configuration);
        }
    }

    public static void ConfigurePipeline(WebApplication app)
    {
        app.UseForwardedHeaders();
        // API callers get RFC 9457 problem details; people get a page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseExceptionHandler());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseExceptionHandler("/error"));
        // Empty error responses: problem details for the API, a page in the user's language for people.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/error/{0}"));
        if (!app.Environment.IsDevelopment() && app.Configuration.GetValue($"{SecurityOptions.Section}:Hsts", true))
        {
            app.UseHsts();
        }

        app.UseSalusSecurityHeaders();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseAntiforgery();

        StaticAssets.Map(app, app.MapRazorPages());
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/scalar", o => o.WithTitle("Salus API")).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous().DisableRateLimiting();
        app.MapPlatformApi();
        app.MapCultureEndpoint();
        app.MapPasskeyEndpoints();
        foreach (var module in SalusModules.All)
        {
            module.MapEndpoints(app);
        }
    }
}

/// <summary>Where local state lives.</summary>
public sealed record SalusPaths(string DataFolder);
