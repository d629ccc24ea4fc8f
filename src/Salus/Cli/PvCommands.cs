using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Pharmacovigilance.Export;
using Salus.Modules.Pharmacovigilance.Features.Cases;
using Salus.Platform.Persistence;

namespace Salus.Cli;

/// <summary><c>salus pv export CASE --out FILE</c>: a case as ICH E2B(R3) XML, validated against the ICH schemas.</summary>
internal static class PvCommands
{
    public static Command Create()
    {
        var caseArgument = new Argument<string>("case") { Description = "Case number (e.g. PV-2026-0001) or id." };
        var output = new Option<string>("--out") { Description = "File to write, or - for standard output.", DefaultValueFactory = _ => "-" };
        var export = new Command("export", "Export a case as an ICH E2B(R3) ICSR XML message (schema-validated).") { caseArgument, output };
        export.SetAction(async parse => await CliHost.RunScopedAsync(parse, async services =>
        {
            var key = parse.GetValue(caseArgument)!;
            var pvCase = await services.GetRequiredService<CaseWork>().FindAsync(key);
            if (pvCase is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"No PV case '{key}'.");
                return 1;
            }

            var result = services.GetRequiredService<CaseExporter>().Export(pvCase);
            if (!result.IsSuccess)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"Cannot export {pvCase.Number}: {result.Error!.Message}");
                return 1;
            }

            await services.GetRequiredService<SalusDbContext>().SaveChangesAsync();
            var path = parse.GetValue(output)!;
            if (path == "-")
            {
                await parse.InvocationConfiguration.Output.WriteAsync(result.Value.Xml);
            }
            else
            {
                await File.WriteAllTextAsync(path, result.Value.Xml, new UTF8Encoding(false));
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Wrote {pvCase.Number} to {path} (valid against the ICH E2B(R3) schemas).");
            }

            return 0;
        }));
        return new Command("pv", "Pharmacovigilance tools.") { export };
    }
}
