using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Pharmacovigilance.Contracts;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Modules.Pharmacovigilance.Features.Cases;
using Salus.Platform.Audit;
using Salus.Platform.Persistence;

namespace Salus.Modules.Pharmacovigilance;

/// <summary>Demo PV data: a serious Italian case, an incomplete English case and a pending proposal.</summary>
internal sealed class PvDemoSeeder(IServiceProvider services) : IDemoSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SalusDbContext>();
        if (await db.Set<CaseProposal>().AnyAsync(p => p.SourceType == "demo", cancellationToken))
        {
            return;
        }

        services.GetRequiredService<AuditScope>().ActAs("demo", "demo seed");
        var intake = services.GetRequiredService<IAdverseEventIntake>();
        var work = services.GetRequiredService<CaseWork>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        var italian = await intake.ProposeAsync(new AdverseEventSignal("demo", "demo-it-1", "Facebook · Salus Italia", "IT", "it",
            "Da quando prendo lo Zoloft ho delle vertigini fortissime, ieri sono svenuta e mi hanno portata al pronto soccorso. @anna_agente potete aiutarmi?",
            "fb-user-1001", "giulia.b", "Giulia B.", null, now.AddDays(-6),
            [new SignalProduct("Zoloft", null, [])], [new SignalReaction("vertigini fortissime", "dizziness"), new SignalReaction("svenuta", "loss_of_consciousness")], "Anna Agente"),
            cancellationToken);
        var english = await intake.ProposeAsync(new AdverseEventSignal("demo", "demo-us-1", "X · Salus US", "US", "en",
            "After starting Lexapro I get terrible headaches every day.", "x-user-2002", "mike_runs", "Mike R.", null, now.AddDays(-2),
            [new SignalProduct("Lexapro", null, [])], [new SignalReaction("terrible headaches", "headache")], "Andy Agent"), cancellationToken);
        await intake.ProposeAsync(new AdverseEventSignal("demo", "demo-it-2", "Instagram · Salus Italia", "IT", "it",
            "Mio figlio ha preso l'Augmentin e gli è venuto uno sfogo su tutto il corpo", "ig-user-3003", "papa.luca", "Luca", null, now.AddHours(-5),
            [new SignalProduct("Augmentin", null, [])], [new SignalReaction("sfogo su tutto il corpo", "rash")], "Anna Agente"), cancellationToken);

        var serious = await work.ConfirmAsync(italian, "Demo: valid spontaneous report", cancellationToken);
        if (serious.IsSuccess)
        {
            var id = serious.Value.Id;
            await work.SetPatientAsync(id, new PatientUpdate("GB", PatientSex.Female, 34), "Reporter is the patient", cancellationToken);
            await work.SetCriterionAsync(id, Criterion.Patient, true, "The reporter herself (first person), woman, 34", now.AddDays(-5).UtcDateTime, null, cancellationToken);
            await work.SetSeriousnessAsync(id, new Seriousness(Hospitalisation: true), true, "Emergency department visit after syncope", cancellationToken);
            if (serious.Value.Products.FirstOrDefault() is { } product)
            {
                var today = DateOnly.FromDateTime(now.UtcDateTime);
                await work.SetDosingAsync(id, product.Id, new DosingUpdate(50, "mg", "una volta al giorno", "oral", "depressione", today.AddDays(-40), null, DrugAction.NotChanged,
                    "compressa rivestita con film", "DEMO-LOT-2026A"),
                    "Dosing from the reporter's follow-up", cancellationToken);
            }
        }

        await work.ConfirmAsync(english, "Demo: patient still to be identified", cancellationToken);
    }
}
