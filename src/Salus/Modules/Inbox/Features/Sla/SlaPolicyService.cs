using Microsoft.EntityFrameworkCore;
using Salus.Modules.Inbox.Domain;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Inbox.Features.Sla;

public sealed record SlaPolicyRequest(
    string? Name, RiskPriority? Priority, string? Market, int FirstResponseMinutes, int NextResponseMinutes, int ResolutionMinutes,
    bool BusinessHoursOnly, string? TimeZone, string? BusinessStart, string? BusinessEnd, int WarnAtPercent = 75);

/// <summary>The SLA policies a lead sets; they apply to conversations that arrive from then on.</summary>
public sealed class SlaPolicyService(SalusDbContext db)
{
    public async Task<Result<SlaPolicy>> AddAsync(SlaPolicyRequest r, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Name))
        {
            fields["name"] = ["Required."];
        }

        foreach (var (name, value) in new[] { ("firstResponseMinutes", r.FirstResponseMinutes), ("nextResponseMinutes", r.NextResponseMinutes), ("resolutionMinutes", r.ResolutionMinutes) })
        {
            if (value is < 1 or > 525_600)
            {
                fields[name] = ["1 minute to 1 year."];
            }
        }

        if (r.WarnAtPercent is < 1 or > 99)
        {
            fields["warnAtPercent"] = ["1 to 99."];
        }

        var zone = string.IsNullOrWhiteSpace(r.TimeZone) ? "UTC" : r.TimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            fields["timeZone"] = ["An IANA time zone such as Europe/Rome."];
        }

        var start = new TimeOnly(9, 0);
        var end = new TimeOnly(18, 0);
        if (r.BusinessHoursOnly && (!TimeOnly.TryParse(r.BusinessStart ?? "09:00", System.Globalization.CultureInfo.InvariantCulture, out start)
            || !TimeOnly.TryParse(r.BusinessEnd ?? "18:00", System.Globalization.CultureInfo.InvariantCulture, out end) || end <= start))
        {
            fields["businessStart"] = ["HH:mm, before businessEnd."];
        }

        if (fields.Count > 0)
        {
            return Errors.Validation("sla.invalid", "The SLA policy is not valid.", fields);
        }

        var policy = new SlaPolicy
        {
            Name = r.Name!.Trim(), Priority = r.Priority, Market = string.IsNullOrWhiteSpace(r.Market) ? null : r.Market.Trim().ToUpperInvariant(),
            FirstResponseMinutes = r.FirstResponseMinutes, NextResponseMinutes = r.NextResponseMinutes, ResolutionMinutes = r.ResolutionMinutes,
            BusinessHoursOnly = r.BusinessHoursOnly, TimeZone = zone, BusinessStart = start, BusinessEnd = end, WarnAtPercent = r.WarnAtPercent,
        };
        db.Set<SlaPolicy>().Add(policy);
        await db.SaveChangesAsync(cancellationToken);
        return policy;
    }
}
