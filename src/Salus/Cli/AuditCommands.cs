using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Salus.Platform.Audit;

namespace Salus.Cli;

internal static class AuditCommands
{
    public static Command Create()
    {
        var verify = new Command("verify", "Recompute the audit trail's hash chain; exit 1 and name the first broken row if it was altered.");
        verify.SetAction(async parse => await CliHost.RunScopedAsync(parse, async services =>
        {
            var result = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
            if (result.Intact)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Audit trail intact: {result.RowsChecked} rows verified.");
                return 0;
            }

            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"Audit trail BROKEN at row {result.FirstBrokenSequence}: {result.Problem}. Rows checked: {result.RowsChecked}.");
            return 1;
        }, migrate: false));

        var output = new Option<string>("--out") { Description = "CSV file to write, or - for standard output.", DefaultValueFactory = _ => "-" };
        var from = new Option<DateTime?>("--from") { Description = "Only entries at or after this UTC time." };
        var to = new Option<DateTime?>("--to") { Description = "Only entries at or before this UTC time." };
        var entity = new Option<string?>("--entity-type") { Description = "Only this entity type." };
        var export = new Command("export", "Export the audit trail as CSV.") { output, from, to, entity };
        export.SetAction(async parse => await CliHost.RunScopedAsync(parse, async services =>
        {
            var filter = new AuditFilter(parse.GetValue(from)?.ToUniversalTime(), parse.GetValue(to)?.ToUniversalTime(), EntityType: parse.GetValue(entity));
            var path = parse.GetValue(output)!;
            var query = services.GetRequiredService<AuditQuery>();
            if (path == "-")
            {
                await query.ExportCsvAsync(filter, parse.InvocationConfiguration.Output);
            }
            else
            {
                await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
                await query.ExportCsvAsync(filter, writer);
            }

            return 0;
        }, migrate: false));
        return new Command("audit", "Audit trail tools.") { verify, export };
    }
}
