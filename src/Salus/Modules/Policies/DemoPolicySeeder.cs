using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Features.Authoring;
using Salus.Modules.Policies.Features.Review;
using Salus.Platform.Audit;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;

namespace Salus.Modules.Policies;

/// <summary>
/// The demo organisation's Italian policy, written from the IT pharma template, signed by its five stakeholders
/// (re-authenticating with the demo password) and published to every employee in Italy.
/// </summary>
internal sealed class DemoPolicySeeder(
    SalusDbContext db, UserManager<SalusUser> users, PolicyAuthoring authoring, PolicyReview review, AuditScope audit,
    IOptions<BootstrapOptions> bootstrap, IOptions<PoliciesOptions> options) : IDemoSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoPolicy || await db.Set<Policy>().AnyAsync(cancellationToken))
        {
            return;
        }

        var owner = await users.FindByEmailAsync("comms@demo.salus.local");
        if (owner is null)
        {
            return;
        }

        audit.ActAs(owner.Id, owner.DisplayName);
        var created = await authoring.CreateAsync(new CreatePolicyRequest("it-pharma", "it", "smp-it", null, null, "Demo policy"), owner.Id, cancellationToken);
        var version = created.Value;
        await authoring.SubmitAsync(version.Id, "Demo: sent for review", cancellationToken);
        foreach (var email in (string[])["legal@", "medical@", "regulatory@", "compliance@", "hr@"])
        {
            var signer = await users.FindByEmailAsync(email + "demo.salus.local");
            if (signer is null)
            {
                continue;
            }

            audit.ActAs(signer.Id, signer.DisplayName);
            await review.SignAsync(version.Id, new SignPolicyRequest(bootstrap.Value.DemoPassword, null, "approved", "Demo sign-off"), signer.Id, cancellationToken);
        }

        audit.ActAs(owner.Id, owner.DisplayName);
        await review.PublishAsync(version.Id, new PublishRequest("all", null, null, "Demo: published to every employee in Italy"), owner.Id, cancellationToken);
    }
}
