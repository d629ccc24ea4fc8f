using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salus.Modules.Policies.Contracts;
using Salus.Modules.Policies.Features.Acknowledgement;
using Salus.Platform.Identity;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Modules.Policies;

public abstract class PolicyAcknowledgementApiTests(SalusApp app)
{
    [SkippableFact]
    public async Task Employees_acknowledge_each_section_then_only_the_sections_changed_in_a_new_version()
    {
        app.SkipIfUnavailable();
        var api = new PolicyApi(app);
        var published = await api.PublishedAsync();
        var versionId = published.GetProperty("id").GetString()!;
        var employee = await api.As(Demo.Employee);
        var employeeId = await UserIdAsync(Demo.Employee);
        Assert.False(await HasAcknowledgedAsync(employeeId));

        var mine = (await employee.GetFromJsonAsync<JsonElement>("/api/policies/mine")).EnumerateArray().Single(v => v.GetProperty("versionId").GetString() == versionId);
        var pending = mine.GetProperty("pending").EnumerateArray().ToList();
        Assert.Equal(12, pending.Count);

        // A failed quiz does not acknowledge the section.
        var products = pending.Single(p => p.GetProperty("key").GetString() == "products");
        var right = products.GetProperty("quiz").EnumerateArray().Select(q => q.GetProperty("answer").GetInt32()).ToArray();
        var wrong = await employee.PostAsJsonAsync($"/api/policies/versions/{versionId}/acknowledge", new { sectionKey = "products", answers = right.Select(a => 1 - a).ToArray() });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("policy.quiz-failed", await PolicyApi.CodeOf(wrong));

        foreach (var section in pending)
        {
            var answers = section.GetProperty("quiz").EnumerateArray().Select(q => q.GetProperty("answer").GetInt32()).ToArray();
            var ack = await employee.PostAsJsonAsync($"/api/policies/versions/{versionId}/acknowledge", new { sectionKey = section.GetProperty("key").GetString(), answers });
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        Assert.True(await HasAcknowledgedAsync(employeeId));
        var coverage = await (await api.As(PolicyApi.Owner)).GetFromJsonAsync<JsonElement>($"/api/policies/versions/{versionId}/coverage");
        Assert.Equal(1, coverage.GetProperty("total").GetProperty("acknowledged").GetInt32());
        Assert.Contains(coverage.GetProperty("byDepartment").EnumerateArray(), r => r.GetProperty("group").GetString() == "Sales" && r.GetProperty("percent").GetInt32() == 100);

        // Version 2 changes one section: only that one is asked again, with the changes shown.
        var v2 = await (await api.As(PolicyApi.Owner)).PostAsJsonAsync($"/api/policies/{published.GetProperty("policyId").GetString()}/versions", new { reason = "update" });
        var v2Id = (await v2.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await api.SaveSectionAsync(v2Id, "confidentiality", "Riservatezza", "Non condividere mai risultati non pubblicati né prezzi.")).EnsureSuccessStatusCode();
        var diff = await (await api.As(Demo.Legal)).GetFromJsonAsync<JsonElement>($"/api/policies/versions/{v2Id}/diff");
        Assert.Equal(["confidentiality"], diff.EnumerateArray().Where(d => d.GetProperty("change").GetString() != "same").Select(d => d.GetProperty("key").GetString()));
        (await api.SubmitAsync(v2Id)).EnsureSuccessStatusCode();
        (await api.SignAsync(Demo.Legal, v2Id)).EnsureSuccessStatusCode();
        (await api.PublishAsync(v2Id)).EnsureSuccessStatusCode();
        Assert.Equal("superseded", (await api.GetAsync(versionId)).GetProperty("status").GetString());

        Assert.False(await HasAcknowledgedAsync(employeeId));
        var again = (await employee.GetFromJsonAsync<JsonElement>("/api/policies/mine")).EnumerateArray().Single(v => v.GetProperty("versionId").GetString() == v2Id);
        var changed = Assert.Single(again.GetProperty("pending").EnumerateArray());
        Assert.Equal("confidentiality", changed.GetProperty("key").GetString());
        Assert.Contains(changed.GetProperty("changes").EnumerateArray(), p => p.GetProperty("kind").GetString() == "Removed");
        (await employee.PostAsJsonAsync($"/api/policies/versions/{v2Id}/acknowledge", new { sectionKey = "confidentiality" })).EnsureSuccessStatusCode();
        Assert.True(await HasAcknowledgedAsync(employeeId));

        // Acknowledging a superseded version is refused.
        var stale = await employee.PostAsJsonAsync($"/api/policies/versions/{versionId}/acknowledge", new { sectionKey = "purpose" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [SkippableFact]
    public async Task Reminders_are_durable_jobs_that_remind_only_employees_who_have_not_acknowledged()
    {
        app.SkipIfUnavailable();
        var api = new PolicyApi(app);
        var published = await api.PublishedAsync("eu-healthcare", "en");
        var versionId = published.GetProperty("id").GetString()!;
        var job = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().Jobs.AsNoTracking()
            .SingleAsync(j => j.Type == AcknowledgementReminderHandler.JobType && j.Payload.Contains(versionId)));
        Assert.True(job.RunAfterUtc > app.Factory.Clock.GetUtcNow().UtcDateTime);

        await app.Factory.InScopeAsync(async sp =>
            await sp.GetRequiredKeyedService<IJobHandler>(AcknowledgementReminderHandler.JobType).HandleAsync(job, CancellationToken.None));
        var reminded = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == "policy.reminder" && a.NewValues!.Contains(published.GetProperty("label").GetString()!)).Select(a => a.EntityId).ToListAsync());
        // The EU policy reaches employees of markets without a published policy of their own, such as the US employee.
        Assert.Contains(await UserIdAsync("employee.us@demo.salus.local"), reminded);
        var next = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().Jobs.AsNoTracking()
            .CountAsync(j => j.Type == AcknowledgementReminderHandler.JobType && j.Payload.Contains(versionId)));
        Assert.Equal(2, next);
    }

    private Task<string> UserIdAsync(string email) =>
        app.Factory.InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<SalusUser>>().FindByEmailAsync(email))!.Id);

    private Task<bool> HasAcknowledgedAsync(string userId) =>
        app.Factory.InScopeAsync(sp => sp.GetRequiredService<IPolicyAcknowledgements>().HasAcknowledgedCurrentAsync(userId, CancellationToken.None));
}

public sealed class PolicyAcknowledgementApiTests_Sqlite(SqliteApp app) : PolicyAcknowledgementApiTests(app), IClassFixture<SqliteApp>;

public sealed class PolicyAcknowledgementApiTests_Postgres(PostgresApp app) : PolicyAcknowledgementApiTests(app), IClassFixture<PostgresApp>;
