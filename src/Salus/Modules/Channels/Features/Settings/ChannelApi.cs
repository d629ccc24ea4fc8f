using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Channels.Domain;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Channels.Features.Settings;

/// <summary>A channel's configuration as the API shows it: never its credentials.</summary>
public sealed record ChannelView(
    Guid Id, ChannelKind Kind, string Name, string Market, string? Product, bool Enabled, bool Streaming, bool IsSandbox, DateTime UpdatedUtc)
{
    public static ChannelView From(Channel c) => new(c.Id, c.Kind, c.Name, c.Market, c.Product, c.Enabled, c.Streaming, c.IsSandbox, c.UpdatedUtc);
}

/// <summary>
/// <c>/api/channels</c>: administrators read the channels' configuration and set the product a channel is about. Channels
/// are added and their credentials typed on the page (<c>/channels/edit</c>), which applies the same product rule.
/// </summary>
internal static class ChannelApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/channels").RequireAuthorization(AccessPolicies.Administration).WithTags("Channels");
        api.MapGet("/", async (SalusDbContext db, CancellationToken ct) =>
                (await db.Set<Channel>().AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct)).Select(ChannelView.From))
            .WithName("ListChannels").WithSummary("Every channel's configuration (no credentials).");
        api.MapGet("/{id:guid}", async (Guid id, SalusDbContext db, CancellationToken ct) =>
                await db.Set<Channel>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } channel
                    ? Results.Ok(ChannelView.From(channel))
                    : SetProductEndpoint.NotFound().ToProblem())
            .WithName("GetChannel");
        api.MapPut("/{id:guid}/product", SetProductEndpoint.HandleAsync)
            .WithName("SetChannelProduct")
            .WithSummary("Sets (or, with null or blank, clears) the medicine the channel is about: {\"product\": \"Tachipirina\", \"reason\": \"...\"}.");
    }
}
