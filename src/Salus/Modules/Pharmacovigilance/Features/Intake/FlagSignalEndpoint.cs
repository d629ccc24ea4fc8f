using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Salus.Modules.Pharmacovigilance.Contracts;
using Salus.Modules.Screening.Contracts;
using Salus.Platform.Identity;
using Salus.Platform.Results;
using Salus.Screening;

namespace Salus.Modules.Pharmacovigilance.Features.Intake;

public sealed record FlagSignalRequest(
    string? Text, string? SourceType, string? SourceId, string? Channel, Guid? ChannelId, string? Market, string? Language,
    string? ReporterPlatformId, string? ReporterHandle, string? ReporterDisplayName, string? Permalink, DateTimeOffset? ReceivedAt,
    IReadOnlyList<string>? Products, IReadOnlyList<string>? Reactions);

public sealed record FlagSignalResponse(Guid ProposalId, IReadOnlyList<SignalProduct> Products, IReadOnlyList<SignalReaction> Reactions);

/// <summary>
/// <c>POST /api/pv/signals</c>: a member of staff (community agent, PV officer) flags an item as a possible adverse
/// event. Products and reactions not given are detected by screening the text under the published policy.
/// </summary>
internal static class FlagSignalEndpoint
{
    public static async Task<IResult> HandleAsync(
        FlagSignalRequest request, IAdverseEventIntake intake, IPolicyScreener screener, DrugLinker linker, TimeProvider time,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            fields["text"] = ["The text as received is required."];
        }
        else if (request.Text.Length > 20_000)
        {
            fields["text"] = ["At most 20,000 characters."];
        }

        if (request.Language is not null and not ("en" or "it"))
        {
            fields["language"] = ["Use en or it, or leave it out to detect."];
        }

        if (request.SourceId is { Length: > 300 } || request.SourceType is { Length: > 64 })
        {
            fields["sourceId"] = ["Source type at most 64 and source id at most 300 characters."];
        }

        if (fields.Count > 0)
        {
            return Errors.Validation("pv.signal.invalid", "The signal is not valid.", fields).ToProblem();
        }

        var screening = screener.Screen(new ScreeningRequest(request.Text!, request.Language, ScreeningContext.Inbound, request.Market?.ToUpperInvariant(), request.Channel));
        IReadOnlyList<SignalProduct> products = request.Products is { Count: > 0 }
            ? [.. request.Products.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => linker.Link(p)).Select(l => new SignalProduct(l.Name, l.Code, l.Ingredients))]
            : [.. screening.Findings.Where(f => f.Category == Categories.DrugMention)
                .Select(f => linker.Link(f.Detail("product") ?? f.Text, f.Code))
                .DistinctBy(l => l.Name).Select(l => new SignalProduct(l.Name, l.Code, l.Ingredients))];
        IReadOnlyList<SignalReaction> reactions = request.Reactions is { Count: > 0 }
            ? [.. request.Reactions.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => new SignalReaction(r.Trim(), linker.ReactionTermFor(r)))]
            : [.. screening.Findings.Where(f => f.Category == Categories.AdverseEvent)
                .Select(f => new SignalReaction(f.Text, f.Detail("reaction") is { } term && linker.IsReactionTerm(term) ? term : null))];

        var who = user.FindFirstValue(SalusClaimsFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "staff";
        var signal = new AdverseEventSignal(
            string.IsNullOrWhiteSpace(request.SourceType) ? "manual" : request.SourceType.Trim(),
            string.IsNullOrWhiteSpace(request.SourceId) ? Guid.NewGuid().ToString("N") : request.SourceId.Trim(),
            request.Channel, request.Market?.ToUpperInvariant(), request.Language ?? screening.Language, request.Text!,
            request.ReporterPlatformId, request.ReporterHandle, request.ReporterDisplayName, request.Permalink,
            request.ReceivedAt ?? time.GetUtcNow(), products, reactions, who)
        {
            ChannelId = request.ChannelId,
        };
        var id = await intake.ProposeAsync(signal, cancellationToken);
        return TypedResults.Created($"/api/pv/proposals/{id}", new FlagSignalResponse(id, products, reactions));
    }
}
