using Microsoft.EntityFrameworkCore;
using Salus.Modules.Policies.Domain;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Policies.Features;

/// <summary>Loads a version with its policy and sections, or a not-found error.</summary>
internal static class PolicyLoader
{
    public static async Task<Result<PolicyVersion>> VersionAsync(SalusDbContext db, Guid versionId, CancellationToken ct, bool tracking = true)
    {
        var query = db.Set<PolicyVersion>().Include(v => v.Policy).Include(v => v.Sections).AsQueryable();
        if (!tracking)
        {
            query = query.AsNoTracking();
        }

        var version = await query.FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null)
        {
            return Errors.NotFound("policy.version-not-found", $"There is no policy version {versionId}.");
        }

        version.Sections.Sort((a, b) => a.Order.CompareTo(b.Order));
        return version;
    }

    public static Error NotEditable(PolicyVersion v) =>
        Errors.Conflict("policy.not-editable",
            $"Version {v.Number} is {PolicyWorkflow.Name(v.Status)}: only a draft or a version with changes requested can be edited. Start a new version instead.");

    public static Error IllegalTransition(PolicyVersion v, PolicyStatus to) =>
        Errors.Conflict("policy.illegal-transition",
            $"Version {v.Number} cannot go from {PolicyWorkflow.Name(v.Status)} to {PolicyWorkflow.Name(to)}.");
}
