using Microsoft.Extensions.Options;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Modules.Pharmacovigilance.Features.Intake;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Pharmacovigilance.Export;

public sealed record ExportedIcsr(string FileName, string Xml);

/// <summary>Exports a case as E2B(R3) XML, refusing to hand out a message that is not valid against the ICH schemas.</summary>
internal sealed class CaseExporter(SalusDbContext db, TimeProvider time, IOptions<PharmacovigilanceOptions> options, DrugLinker linker)
{
    public Result<ExportedIcsr> Export(PvCase pvCase)
    {
        ArgumentNullException.ThrowIfNull(pvCase);
        if (pvCase.Reactions.Count == 0 || pvCase.Products.Count == 0)
        {
            return Errors.Conflict("pv.export.incomplete", "An ICSR needs at least one reaction and one product.");
        }

        var document = E2bWriter.Write(pvCase, new E2bContext(options.Value.SenderId, options.Value.SenderOrganisation, time.GetUtcNow().UtcDateTime), linker.ReactionTerms);
        var xml = E2bWriter.ToXml(document);
        var problems = E2bSchemas.Validate(xml);
        if (problems.Count > 0)
        {
            // A bug in the writer, never the officer's fault: say so plainly rather than hand out an invalid message.
            throw new InvalidOperationException("The generated E2B(R3) message is not schema-valid: " + string.Join(" | ", problems.Take(5)));
        }

        db.RecordEvent("pv.case.exported", nameof(PvCase), pvCase.Id.ToString(), "{\"format\":\"e2b-r3\"}");
        return new ExportedIcsr($"{pvCase.Number}-e2b-r3.xml", xml);
    }
}
