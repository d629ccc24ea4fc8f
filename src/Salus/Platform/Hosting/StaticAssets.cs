using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;

namespace Salus.Platform.Hosting;

/// <summary>
/// Static web assets: this library's <c>wwwroot</c> (served as <c>/_content/Salus.App/...</c>) and the executable's.
/// The SDK describes them in manifests named after the executable, <c>salus.staticwebassets.*.json</c>, but
/// <c>ApplicationName</c> is <c>Salus.App</c> (so MVC finds the pages whatever the host), and both
/// <c>MapStaticAssets()</c> and the Development-only file provider look for <c>Salus.App.staticwebassets.*.json</c>:
/// a published app did not start, and from build output the stylesheet was redirected to the sign-in page.
/// </summary>
internal static class StaticAssets
{
    /// <summary>The assembly name of <c>Salus.Host</c>.</summary>
    public const string ExecutableName = "salus";

    public static string EndpointsManifest => Path.Combine(AppContext.BaseDirectory, $"{ExecutableName}.staticwebassets.endpoints.json");

    public static string RuntimeManifest => Path.Combine(AppContext.BaseDirectory, $"{ExecutableName}.staticwebassets.runtime.json");

    /// <summary>
    /// From build output (<c>dotnet run</c>, tests) the files stay in the projects' folders and the runtime manifest maps
    /// them, in every environment, not only Development. A published app has no runtime manifest: it serves its wwwroot.
    /// </summary>
    public static void UseBuildOutputAssets(WebApplicationBuilder builder)
    {
        if (File.Exists(RuntimeManifest))
        {
            builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, RuntimeManifest);
            builder.WebHost.UseStaticWebAssets();
        }
    }

    /// <summary>Maps the assets and lets the pages link to their fingerprinted, immutable URLs.</summary>
    public static void Map(IEndpointRouteBuilder endpoints, PageActionEndpointConventionBuilder pages)
    {
        if (File.Exists(EndpointsManifest))
        {
            endpoints.MapStaticAssets(EndpointsManifest).AllowAnonymous();
            pages.WithStaticAssets(EndpointsManifest);
        }
    }
}
