using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Inbox.Features;
using Salus.Modules.Inbox.Features.Conversations;
using Salus.Modules.Inbox.Features.Demo;
using Salus.Modules.Inbox.Features.Ingest;
using Salus.Modules.Inbox.Features.Live;
using Salus.Modules.Inbox.Features.Media;
using Salus.Modules.Inbox.Features.Metrics;
using Salus.Modules.Inbox.Features.Replies;
using Salus.Modules.Inbox.Features.Rota;
using Salus.Modules.Inbox.Features.Routing;
using Salus.Modules.Inbox.Features.Sla;
using Salus.Platform.Hosting;
using Salus.Platform.Identity;
using Salus.Platform.Jobs;
using Salus.Platform.Navigation;
using Salus.Platform.Persistence;

namespace Salus.Modules.Inbox;

/// <summary>
/// The unified inbox of the 24/7 team: receives channel items (<see cref="IInboundItemSink"/>), screens, prioritises,
/// routes, assigns by rota, times SLAs, and sends screened replies through the channel connectors.
/// </summary>
public sealed class InboxModule : ISalusModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MediaLibraryOptions>().Bind(configuration.GetSection(MediaLibraryOptions.Section)).ValidateDataAnnotations()
            .Validate(MediaLibraryOptions.HasValidBaseUrl, $"{MediaLibraryOptions.Section}:PublicBaseUrl must be an absolute http(s) address.").ValidateOnStart();
        services.AddSingleton<MediaFileStore>();
        services.AddSingleton<MediaOrphanSweep>();
        services.AddHostedService<MediaOrphanSweepService>();
        services.AddScoped<MediaLibrary>();
        services.AddSingleton<InboxLiveFeed>();
        services.AddScoped<InboxNotifier>();
        services.AddScoped<ItemScreening>();
        services.AddScoped<IInboundItemSink, InboundItemSink>();
        services.AddScoped<RotaQueries>();
        services.AddScoped<RotaService>();
        services.AddScoped<AssignmentService>();
        services.AddScoped<SlaService>();
        services.AddScoped<SlaPolicyService>();
        services.AddScoped<SavedReplyService>();
        services.AddScoped<ReplyService>();
        services.AddScoped<ConversationActions>();
        services.AddScoped<InboxQueries>();
        services.AddScoped<PersonLinking>();
        services.AddScoped<InboxMetrics>();
        services.AddScoped<IDemoSeeder, InboxDemoSeeder>();

        services.AddJobHandler<SlaCheckJob>(SlaService.JobType);
        services.AddJobHandler<ProposeAdverseEventJob>(RoutingJobNames.ProposeAdverseEvent);
        services.AddJobHandler<OfferFollowUpJob>(RoutingJobNames.OfferFollowUp);
        services.AddJobHandler<PageOnCallJob>(RoutingJobNames.PageOnCall);

        bool Works(System.Security.Claims.ClaimsPrincipal u) =>
            u.IsInRole(Roles.CommunityAgent) || u.IsInRole(Roles.CommunityLead) || u.IsInRole(Roles.MedicalInformationSpecialist);
        services.AddSingleton(new NavItem("/inbox", typeof(InboxResource), "Inbox", 20, Works));
        services.AddSingleton(new NavItem("/inbox/rota", typeof(InboxResource), "Rota", 21, u => Works(u) || u.IsInRole(Roles.Administrator)));
        services.AddSingleton(new NavItem("/inbox/saved-replies", typeof(InboxResource), "Saved replies", 22,
            u => Works(u) || u.IsInRole(Roles.MlrReviewer) || u.IsInRole(Roles.CommunicationsManager)));
        services.AddSingleton(new NavItem("/inbox/media", typeof(InboxResource), "Media library", 22,
            u => Works(u) || u.IsInRole(Roles.MlrReviewer) || u.IsInRole(Roles.CommunicationsManager)));
        services.AddSingleton(new NavItem("/inbox/metrics", typeof(InboxResource), "Inbox metrics", 23,
            u => u.IsInRole(Roles.CommunityLead) || u.IsInRole(Roles.Administrator)));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        InboxApi.Map(endpoints);
        MediaEndpoints.Map(endpoints);
    }
}
