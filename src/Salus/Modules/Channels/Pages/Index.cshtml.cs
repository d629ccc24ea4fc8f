using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Salus.Modules.Channels.Domain;
using Salus.Modules.Channels.Ingest;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;

namespace Salus.Modules.Channels.Pages;

/// <summary>The channels with their health; a banner names the broken ones and tokens about to expire.</summary>
[Authorize(Policy = AccessPolicies.Administration)]
public sealed class IndexModel(SalusDbContext db, ConnectorRegistry connectors, ChannelDirectory directory, ChannelHealthRecorder health,
    TimeProvider time, IStringLocalizer<ChannelResource> localizer) : PageModel
{
    public sealed record Row(Channel Channel, ChannelState? State, ChannelHealth Health, bool Webhooks);

    public List<Row> Rows { get; private set; } = [];

    public List<string> Broken { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageOk { get; set; }

    public async Task OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var channels = await db.Set<Channel>().AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        var states = await db.Set<ChannelState>().AsNoTracking().ToDictionaryAsync(s => s.ChannelId);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var channel in channels)
        {
            var state = states.GetValueOrDefault(channel.Id);
            Rows.Add(new Row(channel, state, state?.Health ?? ChannelHealth.Unknown, connectors.For(channel.Kind).SupportsWebhooks));
            if (!channel.Enabled)
            {
                continue;
            }

            if (state?.Health == ChannelHealth.Failing)
            {
                Broken.Add(localizer["{0}: {1}", channel.Name, state.LastError ?? ""]);
            }

            if (channel.TokenExpiresUtc is { } expiry && expiry < now.AddDays(7))
            {
                Broken.Add(expiry < now ? localizer["{0}: the access token expired on {1:u}", channel.Name, expiry] : localizer["{0}: the access token expires on {1:u}", channel.Name, expiry]);
            }
        }
    }

    public async Task<IActionResult> OnPostTestAsync(Guid id)
    {
        var channel = await db.Set<Channel>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);
        if (channel is null)
        {
            return NotFound();
        }

        var result = await connectors.For(channel.Kind).TestAsync(directory.ToContext(channel), HttpContext.RequestAborted);
        var state = await health.StateOfAsync(channel.Id, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            health.Succeeded(state);
            Message = localizer["Connection to {0} works: {1}.", channel.Name, result.Value];
            MessageOk = true;
        }
        else
        {
            health.Failed(state, result.Error!);
            Message = localizer["Connection to {0} failed: {1}", channel.Name, result.Error!.Message];
            MessageOk = false;
        }

        db.RecordEvent("channel.tested", "Channel", channel.Id.ToString(), details: result.IsSuccess ? "ok" : result.Error!.Code);
        await db.SaveChangesAsync();
        return RedirectToPage();
    }
}
