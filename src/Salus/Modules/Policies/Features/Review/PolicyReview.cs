using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salus.Modules.Policies.Domain;
using Salus.Modules.Policies.Features.Acknowledgement;
using Salus.Modules.Policies.Features.Authoring;
using Salus.Platform.Audit;
using Salus.Platform.Identity;
using Salus.Platform.Jobs;
using Salus.Platform.Persistence;
using Salus.Platform.Results;
using Salus.Platform.Signatures;

namespace Salus.Modules.Policies.Features.Review;

public sealed record SignPolicyRequest(string? Password, string? Code, string? Meaning, string? Comment);

public sealed record PublishRequest(string? Audience, string? AudienceValue, int? PassMarkPercent, string? Reason);

/// <summary>A signature shown with the version: who, when (UTC), meaning, and whether it still matches the text.</summary>
public sealed record SignatureView(Guid Id, string PrintedName, string? Function, DateTime SignedAtUtc, string Meaning, string? Comment,
    bool SecondFactorVerified, string Status)
{
    public bool Matches => Status == "valid";
}

/// <summary>Where each required function stands for the version's current text.</summary>
public sealed record SignOffState(string Function, string State, string? By);

/// <summary>Sign-offs (electronic signatures bound to the version's content hash) and publication.</summary>
public sealed class PolicyReview(
    SalusDbContext db, SignatureService signatures, UserManager<SalusUser> users, AuditScope audit, TimeProvider time,
    JobQueue jobs, ActivePolicyRules active, IOptions<PoliciesOptions> options)
{
    public async Task<Result<SignatureView>> SignAsync(Guid versionId, SignPolicyRequest request, string userId, CancellationToken ct)
    {
        var meaning = request.Meaning?.ToLowerInvariant() switch
        {
            "approved" or "approve" => SignatureMeaning.Approved,
            "changes-requested" or "changesrequested" or "request-changes" => SignatureMeaning.ChangesRequested,
            _ => (SignatureMeaning?)null,
        };
        if (meaning is null)
        {
            return Errors.Validation("policy.sign-meaning", "The meaning of the signature is 'approved' or 'changes-requested'.",
                new Dictionary<string, string[]> { ["meaning"] = ["Use approved or changes-requested."] });
        }

        if (meaning == SignatureMeaning.ChangesRequested && string.IsNullOrWhiteSpace(request.Comment))
        {
            return Errors.Validation("policy.sign-comment", "Say which changes you request.", new Dictionary<string, string[]> { ["comment"] = ["Required when requesting changes."] });
        }

        var loaded = await PolicyLoader.VersionAsync(db, versionId, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var version = loaded.Value;
        if (version.Status is not (PolicyStatus.InReview or PolicyStatus.Approved))
        {
            return Errors.Conflict("policy.not-in-review", $"Version {version.Number} is {PolicyWorkflow.Name(version.Status)}: only a version in review can be signed.");
        }

        var signer = await users.FindByIdAsync(userId);
        if (signer?.StakeholderFunction is not { } function)
        {
            return Errors.Forbidden("policy.no-function", "Your account has no stakeholder function, so your signature would count for none.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var signed = await signatures.SignAsync(new SignRequest(userId, request.Password ?? "", request.Code, PolicyContent.RecordType,
            version.Id.ToString(), PolicyContent.Canonical(version.Policy!, version), meaning.Value, request.Comment), ct);
        if (!signed.IsSuccess)
        {
            await transaction.CommitAsync(ct); // keeps the audited failure
            return signed.Error!;
        }

        db.Set<PolicySignOff>().Add(new PolicySignOff { Id = Guid.NewGuid(), VersionId = version.Id, SignatureId = signed.Value.Id, Function = function });
        await db.SaveChangesAsync(ct);
        var states = await SignOffsAsync(version, ct);
        var target = meaning == SignatureMeaning.ChangesRequested ? PolicyStatus.ChangesRequested
            : version.Status == PolicyStatus.InReview && states.All(s => s.State == "approved") ? PolicyStatus.Approved
            : version.Status;
        if (target != version.Status)
        {
            version.Status = target;
            audit.Reason = meaning == SignatureMeaning.ChangesRequested
                ? $"{function} requested changes"
                : "Every required function approved this exact text";
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return View(signed.Value, function, SignatureStatus.Valid);
    }

    /// <summary>Every signature on the version with its current status (valid / no longer matches / tampered).</summary>
    public async Task<List<SignatureView>> SignaturesAsync(PolicyVersion version, CancellationToken ct)
    {
        var content = PolicyContent.Canonical(version.Policy!, version);
        var functions = await db.Set<PolicySignOff>().AsNoTracking().Where(s => s.VersionId == version.Id)
            .ToDictionaryAsync(s => s.SignatureId, s => s.Function, ct);
        var list = await signatures.ForRecordAsync(PolicyContent.RecordType, version.Id.ToString(), ct);
        return [.. list.Select(s => View(s, functions.TryGetValue(s.Id, out var f) ? f : null,
            SignatureService.Verify(s, PolicyContent.RecordType, version.Id.ToString(), content)))];
    }

    /// <summary>For each required function: its latest signature that still matches the text decides (approved / changes-requested / missing).</summary>
    public async Task<List<SignOffState>> SignOffsAsync(PolicyVersion version, CancellationToken ct)
    {
        var views = await SignaturesAsync(version, ct);
        return [.. version.Policy!.RequiredFunctions.Select(f =>
        {
            var latest = views.Where(v => v.Function == f.ToString() && v.Matches).OrderBy(v => v.SignedAtUtc).LastOrDefault();
            return new SignOffState(f.ToString(), latest?.Meaning ?? "missing", latest?.PrintedName);
        })];
    }

    public async Task<Result<PolicyVersion>> PublishAsync(Guid versionId, PublishRequest request, string userId, CancellationToken ct)
    {
        var loaded = await PolicyLoader.VersionAsync(db, versionId, ct);
        if (!loaded.IsSuccess)
        {
            return loaded;
        }

        var version = loaded.Value;
        var policy = version.Policy!;
        if (!PolicyWorkflow.CanMove(version.Status, PolicyStatus.Published))
        {
            return PolicyLoader.IllegalTransition(version, PolicyStatus.Published);
        }

        var states = await SignOffsAsync(version, ct);
        var missing = states.Where(s => s.State != "approved").ToList();
        if (missing.Count > 0)
        {
            return Errors.Conflict("policy.signatures-missing",
                "Every required sign-off must be a valid approval of this exact text: " + string.Join("; ", missing.Select(m => $"{m.Function}: {m.State}")) + ".");
        }

        var compilation = PolicyAuthoring.Compile(version);
        if (!compilation.Succeeded)
        {
            return Errors.Validation("policy.rules-invalid", "The rules do not compile: " + string.Join(" | ", compilation.Errors.Select(e => e.ToString())),
                compilation.Errors.GroupBy(e => $"sections.{e.SectionKey}").ToDictionary(g => g.Key, g => g.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToArray()));
        }

        if (!Enum.TryParse<AudienceKind>(request.Audience ?? "All", true, out var audience) || !Enum.IsDefined(audience)
            || (audience != AudienceKind.All && string.IsNullOrWhiteSpace(request.AudienceValue)))
        {
            return Errors.Validation("policy.audience", "The audience is all, department (with its name) or market (with its code).",
                new Dictionary<string, string[]> { ["audience"] = ["Use all, department or market, with audienceValue for the last two."] });
        }

        if (request.PassMarkPercent is < 0 or > 100)
        {
            return Errors.Validation("policy.pass-mark", "The pass mark is a percentage 0-100.", new Dictionary<string, string[]> { ["passMarkPercent"] = ["0-100."] });
        }

        var now = time.GetUtcNow().UtcDateTime;
        var previous = await db.Set<PolicyVersion>().Where(v => v.PolicyId == policy.Id && v.Status == PolicyStatus.Published).ToListAsync(ct);
        foreach (var old in previous)
        {
            old.Status = PolicyStatus.Superseded;
            old.SupersededUtc = now;
        }

        version.Status = PolicyStatus.Published;
        version.PublishedUtc = now;
        version.PublishedBy = userId;
        version.PublishedHash = PolicyContent.Hash(policy, version);
        version.AudienceKind = audience;
        version.AudienceValue = audience == AudienceKind.All ? null : request.AudienceValue!.Trim();
        version.QuizPassMarkPercent = request.PassMarkPercent ?? options.Value.DefaultPassMarkPercent;
        audit.Reason = request.Reason ?? $"Version {version.Number} published; its rules are in force from now";
        db.RecordEvent("policy.published", nameof(PolicyVersion), version.Id.ToString(), JsonSerializer.Serialize(new
        {
            policy = policy.Code, version = version.Label(policy), hash = version.PublishedHash, rules = compilation.Rules.Count,
            superseded = previous.Select(p => p.Number),
        }));
        if (options.Value.MaxReminders > 0)
        {
            jobs.Add(AcknowledgementReminderHandler.JobType, JsonSerializer.Serialize(new ReminderPayload(version.Id, 1)),
                now.AddHours(options.Value.ReminderIntervalHours), $"policy-reminder:{version.Id:N}:1");
        }

        await db.SaveChangesAsync(ct);
        active.Activate(policy.Market, compilation.RuleSet);
        return version;
    }

    private static SignatureView View(ElectronicSignature s, StakeholderFunction? function, SignatureStatus status) =>
        new(s.Id, s.PrintedName, function?.ToString(), s.SignedAtUtc,
            s.Meaning == SignatureMeaning.ChangesRequested ? "changes-requested" : s.Meaning.ToString().ToLowerInvariant(), s.Comment, s.SecondFactorVerified,
            status switch
            {
                SignatureStatus.Valid => "valid",
                SignatureStatus.RecordChanged => "no-longer-matches",
                _ => "tampered",
            });
}
