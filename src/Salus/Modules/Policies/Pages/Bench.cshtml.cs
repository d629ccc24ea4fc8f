using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Salus.Modules.Policies.Features;
using Salus.Modules.Policies.Features.Bench;

namespace Salus.Modules.Policies.Pages;

/// <summary>Paste a text, pick context and market, see the rules fired, findings, decision and clauses.</summary>
[Authorize(Policy = PolicyAccess.Bench)]
public sealed class BenchModel(RuleBench bench) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? VersionId { get; set; }

    [BindProperty] public string? Text { get; set; }

    [BindProperty] public string Context { get; set; } = "employee-share";

    [BindProperty] public string Market { get; set; } = "IT";

    [BindProperty] public string? Lang { get; set; }

    public BenchResult? Result { get; private set; }

    public string? Error { get; private set; }

    public static readonly string[] Contexts = ["inbound", "outbound", "employee-share", "community", "reply"];

    public async Task OnPostAsync(CancellationToken ct)
    {
        var result = await bench.RunAsync(new BenchRequest(Text, Context, Market, Lang, VersionId), ct);
        if (result.IsSuccess)
        {
            Result = result.Value;
        }
        else
        {
            Error = result.Error!.Message;
        }
    }
}
