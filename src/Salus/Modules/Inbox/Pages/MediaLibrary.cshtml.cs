using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Salus.Modules.Inbox.Domain;
using Salus.Modules.Inbox.Features.Media;
using Salus.Modules.Inbox.Features.Replies;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Inbox.Pages;

/// <summary>The media library: upload files or add links, preview them, MLR approval, share links, deletion.</summary>
[Authorize(Policy = AccessPolicies.InboxLibrary)]
public sealed class MediaLibraryModel(SalusDbContext db, MediaLibrary library, IOptions<MediaLibraryOptions> options, TimeProvider time, IStringLocalizer<InboxResource> l) : InboxFormPage
{

    public DateTime NowUtc { get; private set; }
    public IReadOnlyList<MediaAsset> Items { get; private set; } = [];
    public IReadOnlyDictionary<Guid, Uri> ShareLinks { get; private set; } = new Dictionary<Guid, Uri>();
    public bool IsMlr => User.IsInRole(Roles.MlrReviewer);
    public long MaxMegabytes => Math.Max(1, options.Value.MaxBytes / (1024 * 1024));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NowUtc = time.GetUtcNow().UtcDateTime;
        Items = [.. (await db.Set<MediaAsset>().AsNoTracking().Where(m => m.DeletedUtc == null).ToListAsync(cancellationToken))
            .OrderBy(m => m.Title, StringComparer.CurrentCulture)];
        var ids = Items.Select(i => i.Id).ToList();
        ShareLinks = (await db.Set<MediaShare>().AsNoTracking().Where(s => ids.Contains(s.MediaId) && s.RevokedUtc == null).ToListAsync(cancellationToken))
            .GroupBy(s => s.MediaId).ToDictionary(g => g.Key, g => library.ShareUrl(g.OrderBy(s => s.CreatedUtc).First().Token));
    }

    public async Task<IActionResult> OnPostLinkAsync(string? title, MediaKind kind, string? url, string? language, string? description, CancellationToken cancellationToken) =>
        Done(await library.AddLinkAsync(new MediaLinkRequest(title, kind, url, language, description), Actor.From(User), cancellationToken), l["Added to the library; it needs MLR approval."]);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, string? expires, CancellationToken cancellationToken)
    {
        if (!IsMlr)
        {
            return Forbid();
        }

        var until = ParseExpiry(expires);
        return Done(await library.ApproveAsync(id, until, Actor.From(User), cancellationToken), l["Approved."]);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        Done(await library.DeleteAsync(id, Actor.From(User), cancellationToken), l["Removed from the library."]);

    public async Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken cancellationToken) =>
        Done(await library.ShareAsync(id, Actor.From(User), cancellationToken), l["Share link ready."]);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken) =>
        Done(await library.RevokeShareAsync(id, Actor.From(User), cancellationToken), l["Share link revoked."]);

    private RedirectResult Done<T>(Result<T> result, string message) => Done(result, message, "/inbox/media");
}
