using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Policies.Contracts;
using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Text;
using Salus.Platform.Audit;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Policies.Features.Acknowledgement;

public sealed record AcknowledgeRequest(string? SectionKey, IReadOnlyList<int>? Answers);

/// <summary>A section an employee still has to acknowledge; <see cref="Changes"/> shows what changed since the text they acknowledged.</summary>
public sealed record PendingSection(string Key, string Title, string Body, IReadOnlyList<QuizQuestion> Quiz, IReadOnlyList<DiffPiece>? Changes);

public sealed record EmployeeVersionState(Guid VersionId, string PolicyTitle, string Label, int PassMarkPercent, IReadOnlyList<PendingSection> Pending, int SectionCount);

public sealed record CoverageRow(string Group, int Employees, int Acknowledged)
{
    public int Percent => Employees == 0 ? 0 : (int)Math.Round(100.0 * Acknowledged / Employees);
}

public sealed record CoverageReport(Guid VersionId, string Label, IReadOnlyList<CoverageRow> ByDepartment, IReadOnlyList<CoverageRow> ByMarket, CoverageRow Total);

/// <summary>
/// Acknowledgement of published versions per section (after the section's quiz, if any). A section whose text is
/// unchanged since the employee acknowledged it in an earlier version needs no new acknowledgement.
/// </summary>
public sealed class PolicyAcknowledgementService(SalusDbContext db, UserManager<SalusUser> users, AuditScope audit, TimeProvider time) : IPolicyAcknowledgements
{
    public async Task<bool> HasAcknowledgedCurrentAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return false;
        }

        var versions = await ApplicableAsync(user, cancellationToken);
        if (versions.Count == 0)
        {
            return false; // no policy published for them: nothing acknowledged, so no sharing
        }

        foreach (var v in versions)
        {
            if ((await PendingAsync(user.Id, v, cancellationToken)).Count > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The published versions whose audience includes this employee.</summary>
    public async Task<List<PolicyVersion>> ApplicableAsync(SalusUser user, CancellationToken ct)
    {
        var published = await db.Set<PolicyVersion>().AsNoTracking().Include(v => v.Policy).Include(v => v.Sections)
            .Where(v => v.Status == PolicyStatus.Published).ToListAsync(ct);
        var ownMarkets = published.Select(v => v.Policy!.Market).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. published.Where(v => Includes(v, user, ownMarkets))];
    }

    public static bool Includes(PolicyVersion v, SalusUser user, IReadOnlySet<string> marketsWithOwnPolicy)
    {
        var market = v.Policy!.Market;
        var inMarket = string.Equals(user.Market, market, StringComparison.OrdinalIgnoreCase)
            || (market == "EU" && (user.Market is null || !marketsWithOwnPolicy.Contains(user.Market)));
        return v.AudienceKind switch
        {
            AudienceKind.Department => inMarket && string.Equals(user.Department, v.AudienceValue, StringComparison.OrdinalIgnoreCase),
            AudienceKind.Market => string.Equals(user.Market, v.AudienceValue, StringComparison.OrdinalIgnoreCase),
            _ => inMarket,
        };
    }

    public async Task<List<EmployeeVersionState>> StateAsync(string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return [];
        }

        var result = new List<EmployeeVersionState>();
        foreach (var v in await ApplicableAsync(user, ct))
        {
            v.Sections.Sort((a, b) => a.Order.CompareTo(b.Order));
            result.Add(new EmployeeVersionState(v.Id, v.Policy!.Title, v.Label(v.Policy), v.QuizPassMarkPercent, await PendingAsync(userId, v, ct), v.Sections.Count));
        }

        return result;
    }

    public async Task<List<PendingSection>> PendingAsync(string userId, PolicyVersion version, CancellationToken ct)
    {
        var keys = version.Sections.Select(s => s.Key).ToList();
        var acks = await db.Set<PolicyAcknowledgement>().AsNoTracking()
            .Where(a => a.UserId == userId && keys.Contains(a.SectionKey)).ToListAsync(ct);
        var pending = new List<PendingSection>();
        foreach (var section in version.Sections.OrderBy(s => s.Order))
        {
            var hash = PolicyContent.SectionHash(section);
            var mine = acks.Where(a => a.SectionKey == section.Key).ToList();
            if (mine.Any(a => a.SectionHash == hash))
            {
                continue;
            }

            IReadOnlyList<DiffPiece>? changes = null;
            var lastAck = mine.OrderByDescending(a => a.AcknowledgedUtc).FirstOrDefault();
            if (lastAck is not null)
            {
                var before = await db.Set<PolicySection>().AsNoTracking().FirstOrDefaultAsync(s => s.VersionId == lastAck.VersionId && s.Key == section.Key, ct);
                changes = before is null ? null : WordDiff.Compare(before.Body, section.Body);
            }

            pending.Add(new PendingSection(section.Key, section.Title, section.Body, section.Quiz, changes));
        }

        return pending;
    }

    public async Task<Result<int>> AcknowledgeAsync(Guid versionId, AcknowledgeRequest request, string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        var loaded = await PolicyLoader.VersionAsync(db, versionId, ct, tracking: false);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var version = loaded.Value;
        if (version.Status != PolicyStatus.Published || user is null
            || !Includes(version, user, (await db.Set<PolicyVersion>().Where(v => v.Status == PolicyStatus.Published).Select(v => v.Policy!.Market).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase)))
        {
            return Errors.Conflict("policy.not-for-you", "This version is not the one published for you.");
        }

        var section = version.Sections.FirstOrDefault(s => s.Key == request.SectionKey);
        if (section is null)
        {
            return Errors.Validation("policy.ack-section", "Unknown section.", new Dictionary<string, string[]> { ["sectionKey"] = ["Unknown section."] });
        }

        int? score = null;
        var quiz = section.Quiz;
        if (quiz.Count > 0)
        {
            var answers = request.Answers ?? [];
            if (answers.Count != quiz.Count)
            {
                return Errors.Validation("policy.ack-quiz", $"Answer all {quiz.Count} quiz questions of this section.", new Dictionary<string, string[]> { ["answers"] = [$"{quiz.Count} answers expected."] });
            }

            var right = quiz.Where((q, i) => q.Answer == answers[i]).Count();
            score = (int)Math.Round(100.0 * right / quiz.Count);
            if (score < version.QuizPassMarkPercent)
            {
                db.RecordEvent("policy.quiz-failed", nameof(PolicyVersion), version.Id.ToString(), $"{{\"section\":\"{section.Key}\",\"score\":{score}}}");
                await db.SaveChangesAsync(ct);
                return Errors.Validation("policy.quiz-failed", $"{right} of {quiz.Count} right ({score}%); the pass mark is {version.QuizPassMarkPercent}%. Read the section again and retry.",
                    new Dictionary<string, string[]> { ["answers"] = [$"Score {score}% below {version.QuizPassMarkPercent}%."] });
            }
        }

        if (!await db.Set<PolicyAcknowledgement>().AnyAsync(a => a.VersionId == versionId && a.UserId == userId && a.SectionKey == section.Key, ct))
        {
            db.Set<PolicyAcknowledgement>().Add(new PolicyAcknowledgement
            {
                Id = Guid.NewGuid(), VersionId = versionId, SectionKey = section.Key, SectionHash = PolicyContent.SectionHash(section),
                UserId = userId, AcknowledgedUtc = time.GetUtcNow().UtcDateTime, QuizScorePercent = score,
            });
            audit.Reason = $"Acknowledged section '{section.Title}' of {version.Label(version.Policy!)}";
            await db.SaveChangesAsync(ct);
        }

        return (await PendingAsync(userId, version, ct)).Count;
    }

    /// <summary>How many employees of the audience have acknowledged every section, by department and by market.</summary>
    public async Task<Result<CoverageReport>> CoverageAsync(Guid versionId, CancellationToken ct)
    {
        var loaded = await PolicyLoader.VersionAsync(db, versionId, ct, tracking: false);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var version = loaded.Value;
        var own = (await db.Set<PolicyVersion>().Where(v => v.Status == PolicyStatus.Published).Select(v => v.Policy!.Market).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var employees = (await users.GetUsersInRoleAsync(Roles.Employee)).Where(u => u.IsActive && Includes(version, u, own)).ToList();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in employees)
        {
            if ((await PendingAsync(e.Id, version, ct)).Count == 0)
            {
                done.Add(e.Id);
            }
        }

        List<CoverageRow> Group(Func<SalusUser, string?> key) =>
            [.. employees.GroupBy(e => key(e) ?? "-").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CoverageRow(g.Key, g.Count(), g.Count(e => done.Contains(e.Id))))];

        return new CoverageReport(version.Id, version.Label(version.Policy!), Group(u => u.Department), Group(u => u.Market),
            new CoverageRow("all", employees.Count, done.Count));
    }
}
