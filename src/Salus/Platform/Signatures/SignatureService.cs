using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Salus.Platform.Audit;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Platform.Signatures;

public sealed record SignRequest(
    string UserId,
    string Password,
    string? SecondFactorCode,
    string RecordType,
    string RecordId,
    string RecordContent,
    SignatureMeaning Meaning,
    string? Comment);

/// <summary>
/// Signs records after re-authenticating the signer (password, and the authenticator code when 2FA is on).
/// Failed attempts are audited and count towards lockout.
/// </summary>
public sealed class SignatureService(SalusDbContext db, UserManager<SalusUser> users, TimeProvider time)
{
    public async Task<Result<ElectronicSignature>> SignAsync(SignRequest request, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(request.UserId);
        if (user is null || !user.IsActive)
        {
            return Errors.Forbidden("signature.signer-inactive", "The signer's account is not active.");
        }

        if (await users.IsLockedOutAsync(user))
        {
            await AuditFailureAsync(request, "locked-out", cancellationToken);
            return Errors.Forbidden("signature.locked-out", "The account is locked after repeated failures; try again later.");
        }

        if (!await users.CheckPasswordAsync(user, request.Password))
        {
            await users.AccessFailedAsync(user);
            await AuditFailureAsync(request, "wrong-password", cancellationToken);
            return Errors.Unauthorized("signature.reauthentication-failed", "The password is not correct.");
        }

        var secondFactor = await users.GetTwoFactorEnabledAsync(user);
        if (secondFactor)
        {
            var code = (request.SecondFactorCode ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                await AuditFailureAsync(request, "wrong-second-factor", cancellationToken);
                return Errors.Unauthorized("signature.second-factor-failed", "The authenticator code is not correct.");
            }
        }

        await users.ResetAccessFailedCountAsync(user);
        var signature = new ElectronicSignature
        {
            Id = Guid.NewGuid(),
            RecordType = request.RecordType,
            RecordId = request.RecordId,
            RecordHash = SignatureHashing.HashRecord(request.RecordContent),
            Meaning = request.Meaning,
            SignerId = user.Id,
            PrintedName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName,
            SignedAtUtc = AuditHasher.Truncate(time.GetUtcNow().UtcDateTime),
            Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
            SecondFactorVerified = secondFactor,
        };
        signature.SignatureHash = SignatureHashing.Seal(signature);
        db.Signatures.Add(signature);
        await db.SaveChangesAsync(cancellationToken);
        return signature;
    }

    public Task<List<ElectronicSignature>> ForRecordAsync(string recordType, string recordId, CancellationToken cancellationToken = default) =>
        db.Signatures.AsNoTracking().Where(s => s.RecordType == recordType && s.RecordId == recordId)
            .OrderBy(s => s.SignedAtUtc).ToListAsync(cancellationToken);

    /// <summary>Checks a signature against the record it is shown with and that record's current content.</summary>
    public static SignatureStatus Verify(ElectronicSignature signature, string recordType, string recordId, string currentContent)
    {
        if (SignatureHashing.Seal(signature) != signature.SignatureHash
            || signature.RecordType != recordType || signature.RecordId != recordId)
        {
            return SignatureStatus.Tampered;
        }

        return SignatureHashing.HashRecord(currentContent) == signature.RecordHash
            ? SignatureStatus.Valid
            : SignatureStatus.RecordChanged;
    }

    private async Task AuditFailureAsync(SignRequest request, string why, CancellationToken cancellationToken)
    {
        db.RecordEvent("signature.failed", request.RecordType, request.RecordId,
            JsonSerializer.Serialize(new { signer = request.UserId, meaning = request.Meaning.ToString(), failure = why }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
