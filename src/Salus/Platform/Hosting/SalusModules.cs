using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Salus.Platform.Hosting;

/// <summary>A module's only two entry points.</summary>
public interface ISalusModule
{
    void AddServices(IServiceCollection services, IConfiguration configuration);

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}

public static class SalusModules
{
    /// <summary>The modules in the order they are composed. Each lives in <c>Modules/&lt;Name&gt;</c>.</summary>
    public static readonly IReadOnlyList<ISalusModule> All =
    [
        new Modules.Screening.ScreeningModule(),
        new Modules.Policies.PoliciesModule(),
        new Modules.Channels.ChannelsModule(),
        new Modules.Pharmacovigilance.PharmacovigilanceModule(),
        new Modules.Inbox.InboxModule(),
    ];
}
