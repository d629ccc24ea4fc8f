using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Channels.Contracts;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Platform.Audit;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Pharmacovigilance.Features.FollowUps;

/// <summary>
/// Sends an approved follow-up template to the reporter as a private message through the channel the item came from
/// (the Channels module's <see cref="IChannelActions"/>); the reply attaches to the case through the intake.
/// </summary>
public sealed class FollowUpRequests(SalusDbContext db, IServiceProvider services, AuditScope audit, TimeProvider time)
{
    public async Task<Result<FollowUp>> RequestAsync(Guid caseId, string? templateKey, string? language, CancellationToken ct)
    {
        var template = FollowUpTemplates.Find(templateKey);
        if (template is null)
        {
            return Errors.Validation("pv.follow-up.template", "Choose an approved template.",
                new Dictionary<string, string[]> { ["template"] = [$"One of: {string.Join(", ", FollowUpTemplates.All.Select(t => t.Key))}."] });
        }

        var pvCase = await db.Set<PvCase>().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (pvCase is null)
        {
            return Errors.NotFound("pv.case.not-found", "No such case.");
        }

        if (pvCase.ChannelId is not { } channelId || string.IsNullOrEmpty(pvCase.ReporterPlatformId))
        {
            return Errors.Conflict("pv.follow-up.no-channel", "The source item has no channel or reporter account to reply to; follow up by other means.");
        }

        if (pvCase.PseudonymisedUtc is not null)
        {
            return Errors.Conflict("pv.follow-up.erased", "The reporter asked for erasure; no further contact.");
        }

        var actions = services.GetService<IChannelActions>();
        if (actions is null)
        {
            return Errors.Conflict("pv.follow-up.channels-unavailable", "No channel connector is available to send private messages.");
        }

        var lang = language is "it" or "en" ? language : pvCase.Language == "it" ? "it" : "en";
        var text = template.Render(lang, pvCase.Number);
        var sent = await actions.SendPrivateMessageAsync(channelId, pvCase.ReporterPlatformId, pvCase.SourceId, text, ct);
        if (!sent.IsSuccess)
        {
            return sent.Error!;
        }

        var followUp = new FollowUp
        {
            CaseId = pvCase.Id, Kind = FollowUpKind.Request, TemplateKey = template.Key, Language = lang, Text = text,
            PlatformItemId = sent.Value, AtUtc = time.GetUtcNow().UtcDateTime, By = audit.Actor.Name,
        };
        audit.Reason = $"Follow-up requested ({template.Key})";
        db.Set<FollowUp>().Add(followUp);
        pvCase.AwaitingFollowUp = true;
        await db.SaveChangesAsync(ct);
        return followUp;
    }
}
