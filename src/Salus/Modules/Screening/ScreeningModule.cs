using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Screening.Contracts;
using Salus.Platform.Hosting;
using Salus.Platform.Identity;
using Salus.Platform.Results;
using Salus.Screening;

namespace Salus.Modules.Screening;

public sealed record ScreenTextRequest(string? Text, string? Lang, string? Context, string? Market, string? Channel);

public sealed record ScreenFindingResponse(string Category, int Start, int End, string Text, string? Code, double Score, IReadOnlyDictionary<string, string> Details);

public sealed record ScreenTextResponse(
    IReadOnlyList<string> Categories, string Decision, string Language, IReadOnlyList<ScreenFindingResponse> Findings,
    IReadOnlyDictionary<string, double> Scores, IReadOnlyList<string> Clauses);

/// <summary>Makes the screening engine available to the other modules (one instance) and to staff over <c>/api/screen</c>.</summary>
public sealed class ScreeningModule : ISalusModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => Screener.CreateDefault());
        services.AddSingleton<IPolicyScreener, PolicyScreener>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/screen", (ScreenTextRequest request, IPolicyScreener screener) =>
            {
                if (string.IsNullOrWhiteSpace(request.Text))
                {
                    return Errors.Validation("screen.text", "The text to screen is missing.",
                        new Dictionary<string, string[]> { ["text"] = ["Required."] }).ToProblem();
                }

                if (request.Text.Length > 100_000)
                {
                    return Errors.Validation("screen.too-long", "Texts longer than 100,000 characters are not screened here; use `salus screen`.").ToProblem();
                }

                var context = ScreeningContext.Inbound;
                if (request.Context is not null && !Salus.Screening.Cli.JsonlScreening.TryParseContext(request.Context, out context))
                {
                    return Errors.Validation("screen.context", $"Unknown context '{request.Context}'. Use inbound, outbound, employee-share, community or reply.").ToProblem();
                }

                if (request.Lang is not null and not ("en" or "it"))
                {
                    return Errors.Validation("screen.lang", $"Unknown language '{request.Lang}'. Use en or it, or leave it out to detect.").ToProblem();
                }

                var result = screener.Screen(new ScreeningRequest(request.Text, request.Lang, context, request.Market?.ToUpperInvariant(), request.Channel));
                return TypedResults.Ok(new ScreenTextResponse(
                    result.Categories, Salus.Screening.Cli.JsonlScreening.DecisionName(result.Decision), result.Language,
                    [.. result.Findings.Select(f => new ScreenFindingResponse(f.Category, f.Start, f.End, f.Text, f.Code, f.Score, f.Details))],
                    result.Scores, result.Clauses));
            })
            .RequireAuthorization(AccessPolicies.Staff).WithTags("Screening").WithName("ScreenText")
            .WithSummary("Screens one text under the policy published for its market (the default rules when none is) and returns categories, findings and the decision.");
}
