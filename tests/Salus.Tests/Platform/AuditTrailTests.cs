using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Platform.Audit;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Platform;

public abstract class AuditTrailTests(SalusApp app)
{
    [SkippableFact]
    public async Task A_state_change_records_who_what_old_new_and_why()
    {
        app.SkipIfUnavailable();
        var userId = await app.Factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<SalusUser>>();
            var user = (await users.FindByEmailAsync(Demo.Employee))!;
            sp.GetRequiredService<AuditScope>().Reason = "moved to the Milan office";
            user.Department = "Milan Sales";
            await users.UpdateAsync(user);
            return user.Id;
        }, actor: "admin-1");

        var row = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries
            .Where(a => a.EntityType == nameof(SalusUser) && a.EntityId == userId && a.Action == "updated" && a.Reason == "moved to the Milan office")
            .SingleAsync());
        Assert.Equal("admin-1", row.ActorId);
        Assert.Contains("\"Department\":\"Sales\"", row.OldValues, StringComparison.Ordinal);
        Assert.Contains("\"Department\":\"Milan Sales\"", row.NewValues, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash\":\"A", row.NewValues ?? "", StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Password_hashes_and_security_stamps_never_reach_the_trail()
    {
        app.SkipIfUnavailable();
        var rows = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries
            .Where(a => a.EntityType == nameof(SalusUser)).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.DoesNotContain("AQAAAA", r.NewValues ?? "", StringComparison.Ordinal); // Identity v3 hash prefix
            if (r.NewValues?.Contains("PasswordHash", StringComparison.Ordinal) == true)
            {
                Assert.Contains("\"PasswordHash\":\"***\"", r.NewValues, StringComparison.Ordinal);
            }
        });
    }

    [SkippableFact]
    public async Task Chain_verifies_then_an_edited_row_is_named_as_the_first_broken_one()
    {
        app.SkipIfUnavailable();
        var before = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
        Assert.True(before.Intact, before.Problem);
        Assert.True(before.RowsChecked > 10);

        // Someone with database access rewrites history.
        var victim = before.RowsChecked / 2;
        var originalName = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries
            .Where(a => a.Sequence == victim).Select(a => a.ActorName).SingleAsync());
        await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEntries\" SET \"ActorName\" = 'somebody else' WHERE \"Sequence\" = {0}", victim));
        try
        {
            var after = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
            Assert.False(after.Intact);
            Assert.Equal(victim, after.FirstBrokenSequence);

            // The command line says the same and fails.
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await Salus.Cli.SalusCli.RunAsync(
                ["audit", "verify", "--data", app.Database.DataFolder, "--provider", app.DatabaseProvider.ToString(),
                 .. (app.Database.ConnectionString is { } cs ? new[] { "--connection", cs } : [])], output, error);
            Assert.Equal(1, exit);
            Assert.Contains($"BROKEN at row {victim.ToString(CultureInfo.InvariantCulture)}", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().Database.ExecuteSqlRawAsync(
                "UPDATE \"AuditEntries\" SET \"ActorName\" = {0} WHERE \"Sequence\" = {1}", originalName, victim));
        }
    }

    [SkippableFact]
    public async Task A_deleted_row_breaks_the_chain_at_the_gap()
    {
        app.SkipIfUnavailable();
        var rows = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());
        var victim = rows[3];
        await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().Database.ExecuteSqlRawAsync(
            "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {0}", victim.Sequence));
        try
        {
            var result = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
            Assert.Equal(victim.Sequence + 1, result.FirstBrokenSequence);
        }
        finally
        {
            await app.Factory.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<SalusDbContext>();
                db.AuditEntries.Add(victim);
                await db.SaveChangesAsync();
            });
        }

        var repaired = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
        Assert.True(repaired.Intact, repaired.Problem);
    }

    [SkippableFact]
    public async Task Auditors_filter_and_export_the_trail_as_csv_and_employees_cannot()
    {
        app.SkipIfUnavailable();
        var auditor = await app.SignInAsync(Demo.Auditor);
        var csv = await auditor.GetStringAsync("/api/audit/export?entityType=SalusUser");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sequence,timestamp_utc,actor_id", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 5);
        Assert.All(lines.Skip(1), l => Assert.Contains(",SalusUser,", l, StringComparison.Ordinal));

        var page = await auditor.GetStringAsync("/audit?action=created");
        Assert.DoesNotContain("Hash chain intact", page, StringComparison.Ordinal);
        var verified = await auditor.GetStringAsync("/audit?action=created&verify=true");
        Assert.Contains("Hash chain intact", verified, StringComparison.Ordinal);

        var employee = await app.SignInAsync(Demo.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/audit/export")).StatusCode);
    }
}

public sealed class AuditTrailTests_Sqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTrailTests_Postgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;
