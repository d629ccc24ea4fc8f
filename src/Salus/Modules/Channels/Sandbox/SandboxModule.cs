using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Salus.Modules.Channels.Sandbox;

/// <summary>
/// Fake Facebook/Instagram, X, YouTube, LinkedIn, Mastodon, WordPress and feeds under <c>/sandbox/...</c>, mapped only
/// when <c>Salus:Channels:Sandbox:Enabled</c> is true or Salus runs with <c>--demo</c>. Anonymous to Salus (they are
/// "other companies' servers"); each checks its own bearer token like the real platform.
/// </summary>
internal static class SandboxModule
{
    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue($"{ChannelsOptions.Section}:Sandbox:Enabled", false) || configuration.GetValue("Salus:Bootstrap:Demo", false);

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SandboxState>();
        services.AddSingleton<SandboxMediaStore>();
        services.AddHttpClient(DemoTraffic.DeliveryClient);
        if (IsEnabled(configuration) && configuration.GetValue("Salus:Bootstrap:Demo", false)
            && configuration.GetValue($"{ChannelsOptions.Section}:Sandbox:DemoTraffic", true))
        {
            services.AddHostedService<DemoTraffic>();
        }
    }

    public static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        if (!IsEnabled(endpoints.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            return;
        }

        var sandbox = endpoints.MapGroup("/sandbox").AllowAnonymous().DisableRateLimiting().WithTags("Sandbox").ExcludeFromDescription();
        SandboxMeta.Map(sandbox);
        SandboxX.Map(sandbox);
        SandboxYouTube.Map(sandbox);
        SandboxLinkedIn.Map(sandbox);
        SandboxMastodon.Map(sandbox);
        SandboxWordPress.Map(sandbox);
        SandboxFeeds.Map(sandbox);
        SandboxMedia.Map(sandbox);
    }
}
