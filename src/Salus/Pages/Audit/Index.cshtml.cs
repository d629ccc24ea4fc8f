using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Salus.Platform.Audit;

namespace Salus.Pages.Audit;

public sealed class IndexModel(AuditQuery query, AuditVerifier verifier) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }

    [BindProperty(SupportsGet = true)] public DateTime? To { get; set; }

    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)] public string? Action { get; set; }

    [BindProperty(SupportsGet = true)] public int Skip { get; set; }

    /// <summary>Recomputing the whole chain costs a full read of the trail, so it runs when asked, not on every view.</summary>
    [BindProperty(SupportsGet = true)] public bool Verify { get; set; }

    public List<AuditEntry> Entries { get; private set; } = [];

    public AuditVerification? Verification { get; private set; }

    public string QueryString { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var filter = new AuditFilter(From, To, Actor, EntityType, null, Action);
        Entries = await query.PageAsync(filter, Math.Max(0, Skip), 100);
        Verification = Verify ? await verifier.VerifyAsync() : null;
        QueryString = string.Join('&', new (string Key, string? Value)[]
            {
                ("from", From?.ToString("s")), ("to", To?.ToString("s")), ("actor", Actor), ("entityType", EntityType), ("action", Action),
            }.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }
}
