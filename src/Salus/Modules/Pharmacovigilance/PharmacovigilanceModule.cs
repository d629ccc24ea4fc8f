using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Pharmacovigilance.Contracts;
using Salus.Modules.Pharmacovigilance.Export;
using Salus.Modules.Pharmacovigilance.Features;
using Salus.Modules.Pharmacovigilance.Features.Cases;
using Salus.Modules.Pharmacovigilance.Features.Deadlines;
using Salus.Modules.Pharmacovigilance.Features.Duplicates;
using Salus.Modules.Pharmacovigilance.Features.Erasure;
using Salus.Modules.Pharmacovigilance.Features.FollowUps;
using Salus.Modules.Pharmacovigilance.Features.Intake;
using Salus.Modules.Pharmacovigilance.Features.Reconciliation;
using Salus.Platform.Hosting;
using Salus.Platform.Identity;
using Salus.Platform.Jobs;
using Salus.Platform.Navigation;
using Salus.Platform.Persistence;

namespace Salus.Modules.Pharmacovigilance;

/// <summary>
/// Pharmacovigilance: adverse events seen on social media become case proposals, then cases with the four minimum
/// criteria, day 0, seriousness and due dates, follow-up with the reporter, duplicate detection, reconciliation, and
/// ICH E2B(R3) / CIOMS I exports.
/// </summary>
public sealed class PharmacovigilanceModule : ISalusModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PharmacovigilanceOptions>().Bind(configuration.GetSection(PharmacovigilanceOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DrugLinker>();
        services.AddScoped<IAdverseEventIntake, AdverseEventIntake>();
        services.AddScoped<CaseWork>();
        services.AddScoped<DeadlineScheduler>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<FollowUpRequests>();
        services.AddScoped<CaseErasure>();
        services.AddScoped<ReconciliationReport>();
        services.AddScoped<CaseExporter>();
        services.AddJobHandler<DeadlineJobHandler>(DeadlineScheduler.JobType);
        services.AddScoped<IDemoSeeder, PvDemoSeeder>();
        services.AddSingleton(new NavItem("/pv", typeof(PvResource), "Pharmacovigilance", 50, u => u.IsInRole(Roles.PharmacovigilanceOfficer)));
        services.AddSingleton(new NavItem("/pv/reconciliation", typeof(PvResource), "PV reconciliation", 51,
            u => u.IsInRole(Roles.Auditor) && !u.IsInRole(Roles.PharmacovigilanceOfficer)));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => PvApi.Map(endpoints);
}
