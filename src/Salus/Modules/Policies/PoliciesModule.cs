using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Policies.Contracts;
using Salus.Modules.Policies.Features;
using Salus.Modules.Policies.Features.Acknowledgement;
using Salus.Modules.Policies.Features.Authoring;
using Salus.Modules.Policies.Features.Bench;
using Salus.Modules.Policies.Features.Review;
using Salus.Platform.Hosting;
using Salus.Platform.Identity;
using Salus.Platform.Jobs;
using Salus.Platform.Navigation;
using Salus.Platform.Persistence;

namespace Salus.Modules.Policies;

/// <summary>The social media policy: co-written, signed, versioned, acknowledged, and enforced as code.</summary>
public sealed class PoliciesModule : ISalusModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PoliciesOptions>().Bind(configuration.GetSection(PoliciesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ActivePolicyRules>();
        services.AddSingleton<IActivePolicyRules>(sp => sp.GetRequiredService<ActivePolicyRules>());
        services.AddScoped<PolicyAuthoring>();
        services.AddScoped<PolicyReview>();
        services.AddScoped<RuleBench>();
        services.AddScoped<PolicyAcknowledgementService>();
        services.AddScoped<IPolicyAcknowledgements>(sp => sp.GetRequiredService<PolicyAcknowledgementService>());
        services.AddScoped<IDemoSeeder, DemoPolicySeeder>();
        services.AddJobHandler<AcknowledgementReminderHandler>(AcknowledgementReminderHandler.JobType);
        services.Configure<AuthorizationOptions>(o =>
        {
            Add(o, PolicyAccess.Read, PolicyAccess.ReadRoles);
            Add(o, PolicyAccess.Own, PolicyAccess.OwnRoles);
            Add(o, PolicyAccess.Collaborate, PolicyAccess.CollaborateRoles);
            Add(o, PolicyAccess.SignOff, PolicyAccess.SignRoles);
            Add(o, PolicyAccess.Acknowledge, PolicyAccess.AcknowledgeRoles);
            Add(o, PolicyAccess.Bench, PolicyAccess.BenchRoles);
        });
        services.AddSingleton(new NavItem("/policies", typeof(PolicyResource), "Policies", 20, u => PolicyAccess.ReadRoles.Any(u.IsInRole)));
        services.AddSingleton(new NavItem("/policies/acknowledge", typeof(PolicyResource), "My policy", 21, u => u.IsInRole(Roles.Employee)));
        services.AddSingleton(new NavItem("/policies/bench", typeof(PolicyResource), "Rule test bench", 22, u => PolicyAccess.BenchRoles.Any(u.IsInRole)));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => PolicyEndpoints.Map(endpoints);

    private static void Add(AuthorizationOptions o, string name, string[] roles) =>
        o.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireClaim(AccessPolicies.AccountKindClaim, nameof(AccountKind.Staff)).RequireRole(roles));
}
