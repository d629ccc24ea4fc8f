using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Salus.Modules.Channels.Connectors;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Features.Actions;
using Salus.Modules.Channels.Features.Settings;
using Salus.Modules.Channels.Ingest;
using Salus.Modules.Channels.Sandbox;
using Salus.Platform.Hosting;
using Salus.Platform.Identity;
using Salus.Platform.Jobs;
using Salus.Platform.Navigation;

namespace Salus.Modules.Channels;

/// <summary>Connectors to the platforms, loss-free ingest (webhooks and polling), channel setup, and the sandbox platforms.</summary>
public sealed class ChannelsModule : ISalusModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChannelsOptions>().Bind(configuration.GetSection(ChannelsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient<PlatformHttp>(c => c.DefaultRequestHeaders.UserAgent.ParseAdd("Salus/1.0"))
            .AddResilienceHandler("channels", ChannelHttpResilience.Configure);
        services.AddTransient<IChannelConnector, FacebookConnector>();
        services.AddTransient<IChannelConnector, InstagramConnector>();
        services.AddTransient<IChannelConnector, XConnector>();
        services.AddTransient<IChannelConnector, YouTubeConnector>();
        services.AddTransient<IChannelConnector, LinkedInConnector>();
        services.AddTransient<IChannelConnector, MastodonConnector>();
        services.AddTransient<IChannelConnector, WordPressConnector>();
        services.AddTransient<IChannelConnector, FeedConnector>();
        services.AddTransient<ConnectorRegistry>();
        // The live streams: no overall timeout (a stream is open for hours) and no retry handler (ChannelStream reconnects itself).
        services.AddHttpClient(ChannelStreamSupervisor.HttpClientName, c =>
        {
            c.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            c.DefaultRequestHeaders.UserAgent.ParseAdd("Salus/1.0");
        });

        services.AddSingleton<ChannelDirectory>();
        services.AddScoped<RawEventStore>();
        services.AddSingleton<WebhookIngestQueue>();
        services.AddSingleton<WebhookBatchWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookBatchWriter>());
        services.AddScoped<ChannelHealthRecorder>();
        services.AddScoped<PollScheduling>();
        services.AddScoped<StreamedEventStore>();
        services.AddSingleton<ChannelStreamSupervisor>();
        services.AddScoped<IChannelActions, ChannelActions>();
        services.AddJobHandler<ProcessRawEventHandler>(RawEventStore.ProcessJob);
        services.AddJobHandler<PollChannelHandler>(PollScheduling.PollJob);
        services.AddJobHandler<StatusRecheckHandler>(StatusRecheckHandler.RecheckJob);
        if (configuration.GetValue($"{ChannelsOptions.Section}:RunPollScheduler", true))
        {
            services.AddHostedService<PollSchedulerService>();
        }

        if (configuration.GetValue($"{ChannelsOptions.Section}:RunStreaming", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<ChannelStreamSupervisor>());
        }

        services.AddSingleton(new NavItem("/channels", typeof(ChannelResource), "Channels", 80, user => user.IsInRole(Roles.Administrator)));
        SandboxModule.AddServices(services, configuration);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        WebhookEndpoints.Map(endpoints);
        ChannelApi.Map(endpoints);
        SandboxModule.MapEndpoints(endpoints);
    }
}
