using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Rules;
using Salus.Modules.Policies.Templates;
using Salus.Platform.Audit;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Modules.Policies.Features.Authoring;

public sealed record CreatePolicyRequest(string? Template, string? Language, string? Code, string? Title, string[]? RequiredSignOffs, string? Reason);

public sealed record SaveSectionRequest(string? Title, string? Body, IReadOnlyList<QuizQuestion>? Quiz, string? Reason);

public sealed record CommentRequest(string? SectionKey, string? Body, string? Quote, Guid? ParentId);

public sealed record ProposalRequest(string? SectionKey, string? Body, string? Rationale);

public sealed record ReasonBody(string? Reason);

/// <summary>Writing a policy together: create from a template, edit sections, new versions, submit, comments, proposals.</summary>
public sealed partial class PolicyAuthoring(SalusDbContext db, AuditScope audit, TimeProvider time)
{
    public async Task<Result<PolicyVersion>> CreateAsync(CreatePolicyRequest request, string ownerId, CancellationToken ct)
    {
        var template = PolicyTemplates.Find(request.Template);
        if (template is null)
        {
            return Errors.Validation("policy.template", $"Unknown template '{request.Template}'. Use {string.Join(", ", PolicyTemplates.All.Select(t => t.Id))}.",
                new Dictionary<string, string[]> { ["template"] = ["Unknown template."] });
        }

        var language = (request.Language ?? template.DefaultLanguage).ToLowerInvariant();
        if (language is not ("en" or "it"))
        {
            return Errors.Validation("policy.language", "The language is en or it.", new Dictionary<string, string[]> { ["language"] = ["Use en or it."] });
        }

        var functions = new List<StakeholderFunction>();
        foreach (var f in request.RequiredSignOffs ?? template.RequiredSignOffs.Select(x => x.ToString()).ToArray())
        {
            if (!Enum.TryParse<StakeholderFunction>(f, true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Errors.Validation("policy.sign-offs", $"Unknown stakeholder function '{f}'. Use {string.Join(", ", Enum.GetNames<StakeholderFunction>())}.",
                    new Dictionary<string, string[]> { ["requiredSignOffs"] = [$"Unknown function '{f}'."] });
            }

            functions.Add(parsed);
        }

        if (functions.Count == 0)
        {
            return Errors.Validation("policy.sign-offs", "At least one stakeholder function must sign off.", new Dictionary<string, string[]> { ["requiredSignOffs"] = ["Required."] });
        }

        var code = (request.Code ?? $"smp-{template.Market.ToLowerInvariant()}").Trim().ToLowerInvariant();
        if (!CodePattern().IsMatch(code))
        {
            return Errors.Validation("policy.code", "The code is 2-40 lower-case letters, digits or dashes (e.g. smp-it).", new Dictionary<string, string[]> { ["code"] = ["Invalid code."] });
        }

        if (await db.Set<Policy>().AnyAsync(p => p.Code == code, ct))
        {
            return Errors.Conflict("policy.code-taken", $"A policy with code '{code}' exists already.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var policy = new Policy
        {
            Id = Guid.NewGuid(), Code = code, Market = template.Market, Language = language, OwnerId = ownerId, CreatedUtc = now,
            Title = string.IsNullOrWhiteSpace(request.Title) ? template.Title(language) : request.Title.Trim(),
        };
        policy.SetRequiredFunctions(functions);
        var version = new PolicyVersion
        {
            Id = Guid.NewGuid(), PolicyId = policy.Id, Number = 1, Status = PolicyStatus.Draft, CreatedBy = ownerId, CreatedUtc = now,
            Sections = [.. template.Sections.Select((s, i) => new PolicySection
            {
                Id = Guid.NewGuid(), Key = s.Key, Order = i, Title = s.Title(language), Body = s.Body(language), QuizJson = QuizQuestion.Serialize(s.Quiz(language)),
            })],
        };
        policy.Versions.Add(version);
        db.Set<Policy>().Add(policy);
        audit.Reason = request.Reason ?? $"Policy created from template {template.Id}";
        await db.SaveChangesAsync(ct);
        version.Policy = policy;
        return version;
    }

    public async Task<Result<PolicyVersion>> NewVersionAsync(Guid policyId, string userId, string? reason, CancellationToken ct)
    {
        var policy = await db.Set<Policy>().Include(p => p.Versions).ThenInclude(v => v.Sections).FirstOrDefaultAsync(p => p.Id == policyId, ct);
        if (policy is null)
        {
            return Errors.NotFound("policy.not-found", $"There is no policy {policyId}.");
        }

        if (policy.Versions.Any(v => v.Status is not (PolicyStatus.Published or PolicyStatus.Superseded)))
        {
            return Errors.Conflict("policy.version-open", "A version of this policy is still being written or reviewed; finish or publish it first.");
        }

        var latest = policy.Versions.OrderByDescending(v => v.Number).First();
        var version = new PolicyVersion
        {
            Id = Guid.NewGuid(), PolicyId = policy.Id, Number = latest.Number + 1, Status = PolicyStatus.Draft, CreatedBy = userId,
            CreatedUtc = time.GetUtcNow().UtcDateTime, QuizPassMarkPercent = latest.QuizPassMarkPercent,
            Sections = [.. latest.Sections.OrderBy(s => s.Order).Select(s => new PolicySection
            {
                Id = Guid.NewGuid(), Key = s.Key, Order = s.Order, Title = s.Title, Body = s.Body, QuizJson = s.QuizJson,
            })],
        };
        db.Set<PolicyVersion>().Add(version);
        audit.Reason = reason ?? $"New version {version.Number} started from version {latest.Number}";
        await db.SaveChangesAsync(ct);
        version.Policy = policy;
        return version;
    }

    /// <summary>Updates (or adds, for a new key) a section; returns the version's rule compile errors, which do not stop saving.</summary>
    public async Task<Result<IReadOnlyList<RuleCompileError>>> SaveSectionAsync(Guid versionId, string key, SaveSectionRequest request, CancellationToken ct)
    {
        var loaded = await PolicyLoader.VersionAsync(db, versionId, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var version = loaded.Value;
        if (!PolicyWorkflow.IsEditable(version.Status))
        {
            return PolicyLoader.NotEditable(version);
        }

        var fields = new Dictionary<string, string[]>();
        if (!SectionKeyPattern().IsMatch(key ?? ""))
        {
            fields["key"] = ["A section key is 1-64 lower-case letters, digits or dashes."];
        }

        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 300)
        {
            fields["title"] = ["A title of 1-300 characters is required."];
        }

        if (request.Body is null || request.Body.Length > 100_000)
        {
            fields["body"] = ["The Markdown text is required (at most 100,000 characters)."];
        }

        if (QuizQuestion.Validate(request.Quiz) is { } quizError)
        {
            fields["quiz"] = [quizError];
        }

        if (fields.Count > 0)
        {
            return Errors.Validation("policy.section", "The section is not valid.", fields);
        }

        var section = version.Sections.FirstOrDefault(s => s.Key == key);
        if (section is null)
        {
            section = new PolicySection { Id = Guid.NewGuid(), VersionId = version.Id, Key = key!, Order = version.Sections.Count == 0 ? 0 : version.Sections.Max(s => s.Order) + 1 };
            version.Sections.Add(section);
            db.Set<PolicySection>().Add(section);
        }

        section.Title = request.Title!.Trim();
        section.Body = request.Body!.ReplaceLineEndings("\n");
        section.QuizJson = QuizQuestion.Serialize(request.Quiz);
        audit.Reason = request.Reason ?? $"Section '{section.Title}' edited";
        await db.SaveChangesAsync(ct);
        return Result<IReadOnlyList<RuleCompileError>>.Success(Compile(version).Errors);
    }

    public async Task<Result<PolicyVersion>> SubmitAsync(Guid versionId, string? reason, CancellationToken ct)
    {
        var loaded = await PolicyLoader.VersionAsync(db, versionId, ct);
        if (!loaded.IsSuccess)
        {
            return loaded;
        }

        var version = loaded.Value;
        if (!PolicyWorkflow.CanMove(version.Status, PolicyStatus.InReview))
        {
            return PolicyLoader.IllegalTransition(version, PolicyStatus.InReview);
        }

        version.Status = PolicyStatus.InReview;
        version.SubmittedUtc = time.GetUtcNow().UtcDateTime;
        audit.Reason = reason ?? "Sent for review";
        db.RecordEvent("policy.submitted", nameof(PolicyVersion), version.Id.ToString(), JsonSerializer.Serialize(new { version.Number, hash = PolicyContent.Hash(version.Policy!, version) }));
        await db.SaveChangesAsync(ct);
        return version;
    }

    public async Task<Result<PolicyComment>> CommentAsync(Guid versionId, CommentRequest request, string userId, string userName, CancellationToken ct)
    {
        var loaded = await PolicyLoader.VersionAsync(db, versionId, ct, tracking: false);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var version = loaded.Value;
        var section = version.Sections.FirstOrDefault(s => s.Key == request.SectionKey);
        if (section is null || string.IsNullOrWhiteSpace(request.Body) || request.Body.Length > 8000)
        {
            return Errors.Validation("policy.comment", "A comment needs an existing section and a text of at most 8,000 characters.",
                new Dictionary<string, string[]> { [section is null ? "sectionKey" : "body"] = [section is null ? "Unknown section." : "Required, at most 8,000 characters."] });
        }

        if (!string.IsNullOrWhiteSpace(request.Quote) && !section.Body.Contains(request.Quote.Trim(), StringComparison.Ordinal))
        {
            return Errors.Validation("policy.comment-quote", "The selected passage is not in this section's text.", new Dictionary<string, string[]> { ["quote"] = ["Not found in the section."] });
        }

        if (request.ParentId is { } parentId && !await db.Set<PolicyComment>().AnyAsync(c => c.Id == parentId && c.VersionId == versionId, ct))
        {
            return Errors.Validation("policy.comment-parent", "The comment replied to is not on this version.", new Dictionary<string, string[]> { ["parentId"] = ["Unknown comment."] });
        }

        var comment = new PolicyComment
        {
            Id = Guid.NewGuid(), VersionId = versionId, SectionKey = section.Key, ParentId = request.ParentId,
            Quote = string.IsNullOrWhiteSpace(request.Quote) ? null : request.Quote.Trim(), Body = request.Body.Trim(),
            AuthorId = userId, AuthorName = userName, CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Set<PolicyComment>().Add(comment);
        await db.SaveChangesAsync(ct);
        return comment;
    }

    public async Task<Result<PolicyComment>> ResolveCommentAsync(Guid commentId, string userId, CancellationToken ct)
    {
        var comment = await db.Set<PolicyComment>().FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null)
        {
            return Errors.NotFound("policy.comment-not-found", "There is no such comment.");
        }

        if (comment.ResolvedUtc is null)
        {
            comment.ResolvedUtc = time.GetUtcNow().UtcDateTime;
            comment.ResolvedBy = userId;
            audit.Reason = "Comment resolved";
            await db.SaveChangesAsync(ct);
        }

        return comment;
    }

    public async Task<Result<ChangeProposal>> ProposeAsync(Guid versionId, ProposalRequest request, string userId, string userName, CancellationToken ct)
    {
        var loaded = await PolicyLoader.VersionAsync(db, versionId, ct, tracking: false);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var version = loaded.Value;
        if (version.Status is PolicyStatus.Published or PolicyStatus.Superseded)
        {
            return Errors.Conflict("policy.proposal-closed", "A published version is not changed; propose on the next version.");
        }

        if (version.Sections.All(s => s.Key != request.SectionKey) || string.IsNullOrWhiteSpace(request.Body) || request.Body.Length > 100_000)
        {
            return Errors.Validation("policy.proposal", "A proposal needs an existing section and the proposed text.",
                new Dictionary<string, string[]> { ["body"] = ["Required, with an existing sectionKey."] });
        }

        var proposal = new ChangeProposal
        {
            Id = Guid.NewGuid(), VersionId = versionId, SectionKey = request.SectionKey!, ProposedBody = request.Body.ReplaceLineEndings("\n"),
            Rationale = request.Rationale?.Trim(), AuthorId = userId, AuthorName = userName, CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Set<ChangeProposal>().Add(proposal);
        await db.SaveChangesAsync(ct);
        return proposal;
    }

    /// <summary>The owner accepts (the section text is replaced; the version must be editable) or rejects a proposal.</summary>
    public async Task<Result<ChangeProposal>> DecideAsync(Guid proposalId, bool accept, string userId, string? reason, CancellationToken ct)
    {
        var proposal = await db.Set<ChangeProposal>().FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null)
        {
            return Errors.NotFound("policy.proposal-not-found", "There is no such proposal.");
        }

        if (proposal.Status != ProposalStatus.Open)
        {
            return Errors.Conflict("policy.proposal-decided", $"The proposal was already {proposal.Status.ToString().ToLowerInvariant()}.");
        }

        if (accept)
        {
            var version = (await PolicyLoader.VersionAsync(db, proposal.VersionId, ct)).Value;
            if (!PolicyWorkflow.IsEditable(version.Status))
            {
                return PolicyLoader.NotEditable(version);
            }

            version.Sections.First(s => s.Key == proposal.SectionKey).Body = proposal.ProposedBody;
        }

        proposal.Status = accept ? ProposalStatus.Accepted : ProposalStatus.Rejected;
        proposal.DecidedBy = userId;
        proposal.DecidedUtc = time.GetUtcNow().UtcDateTime;
        audit.Reason = reason ?? (accept ? "Change proposal accepted" : "Change proposal rejected");
        await db.SaveChangesAsync(ct);
        return proposal;
    }

    public static PolicyCompilation Compile(PolicyVersion version) =>
        PolicyRuleCompiler.Compile(version.Policy!.Code, version.Label(version.Policy), version.Sections);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex SectionKeyPattern();
}
