using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Salus.Platform.Identity;
using Salus.Platform.Persistence;
using Salus.Platform.Signatures;
using Salus.Tests.Infrastructure;

namespace Salus.Tests.Platform;

public abstract class SignatureTests(SalusApp app)
{
    private const string Version1 = "Social media policy v1\n\n1. Disclose your affiliation.";
    private const string Version2 = "Social media policy v1\n\n1. Disclose your affiliation, always.";

    [SkippableFact]
    public async Task Signing_reauthenticates_and_binds_meaning_name_time_and_the_exact_version()
    {
        app.SkipIfUnavailable();
        var recordId = Guid.NewGuid().ToString();
        var signature = await SignAsync(Demo.Legal, app.Factory.DemoPassword, recordId, Version1);

        Assert.Equal(SignatureMeaning.Approved, signature.Meaning);
        Assert.Equal("Luca Legale", signature.PrintedName);
        Assert.Equal(app.Factory.Clock.GetUtcNow().UtcDateTime, signature.SignedAtUtc, TimeSpan.FromMilliseconds(1));
        Assert.Equal(SignatureHashing.HashRecord(Version1), signature.RecordHash);
        Assert.Equal(SignatureStatus.Valid, SignatureService.Verify(signature, "policy-version", recordId, Version1));

        // Editing the record afterwards: the signature no longer matches.
        Assert.Equal(SignatureStatus.RecordChanged, SignatureService.Verify(signature, "policy-version", recordId, Version2));
    }

    [SkippableFact]
    public async Task A_signature_moved_to_another_record_or_altered_no_longer_verifies()
    {
        app.SkipIfUnavailable();
        var recordId = Guid.NewGuid().ToString();
        var other = Guid.NewGuid().ToString();
        var signature = await SignAsync(Demo.Legal, app.Factory.DemoPassword, recordId, Version1);

        // Moved in the database to another record with the same content.
        await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().Database.ExecuteSqlRawAsync(
            "UPDATE \"Signatures\" SET \"RecordId\" = {0} WHERE \"Id\" = {1}", other, signature.Id));
        var moved = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SignatureService>().ForRecordAsync("policy-version", other));
        Assert.Equal(SignatureStatus.Tampered, SignatureService.Verify(Assert.Single(moved), "policy-version", other, Version1));

        // The printed name or meaning changed in place.
        var altered = moved[0];
        altered.RecordId = recordId;
        altered.Meaning = SignatureMeaning.Reviewed;
        Assert.Equal(SignatureStatus.Tampered, SignatureService.Verify(altered, "policy-version", recordId, Version1));
    }

    [SkippableFact]
    public async Task A_wrong_password_is_refused_and_audited()
    {
        app.SkipIfUnavailable();
        var recordId = Guid.NewGuid().ToString();
        var result = await app.Factory.InScopeAsync(async sp =>
        {
            var user = (await sp.GetRequiredService<UserManager<SalusUser>>().FindByEmailAsync(Demo.Legal))!;
            return await sp.GetRequiredService<SignatureService>().SignAsync(new SignRequest(
                user.Id, "not-the-password", null, "policy-version", recordId, Version1, SignatureMeaning.Approved, null));
        });
        Assert.False(result.IsSuccess);
        Assert.Equal("signature.reauthentication-failed", result.Error!.Code);

        var failures = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SalusDbContext>().AuditEntries
            .Where(a => a.Action == "signature.failed" && a.EntityId == recordId).ToListAsync());
        Assert.Contains("wrong-password", Assert.Single(failures).NewValues, StringComparison.Ordinal);
        Assert.Empty(await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SignatureService>().ForRecordAsync("policy-version", recordId)));
    }

    [SkippableFact]
    public async Task With_two_factor_enrolled_signing_also_needs_the_authenticator_code()
    {
        app.SkipIfUnavailable();
        var key = await app.Factory.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<SalusUser>>();
            var user = (await users.FindByEmailAsync(Demo.Auditor))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
        var recordId = Guid.NewGuid().ToString();

        var withoutCode = await TrySignAsync(Demo.Auditor, app.Factory.DemoPassword, null, recordId);
        Assert.Equal("signature.second-factor-failed", withoutCode.Error!.Code);

        // Codes are checked against the application's clock.
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var code = totp.ComputeTotp(app.Factory.Clock.GetUtcNow().UtcDateTime);
        var signed = await TrySignAsync(Demo.Auditor, app.Factory.DemoPassword, code, recordId);
        Assert.True(signed.IsSuccess, signed.Error?.Message);
        Assert.True(signed.Value.SecondFactorVerified);

        // The same code cannot be used twice, even within its 30 seconds.
        var replayed = await TrySignAsync(Demo.Auditor, app.Factory.DemoPassword, code, Guid.NewGuid().ToString());
        Assert.Equal("signature.second-factor-failed", replayed.Error!.Code);

        // A code from a step older than one already used is refused too; the next step's code works.
        var earlier = totp.ComputeTotp(app.Factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(-30));
        Assert.False((await TrySignAsync(Demo.Auditor, app.Factory.DemoPassword, earlier, Guid.NewGuid().ToString())).IsSuccess);
        app.Factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var next = totp.ComputeTotp(app.Factory.Clock.GetUtcNow().UtcDateTime);
        Assert.True((await TrySignAsync(Demo.Auditor, app.Factory.DemoPassword, next, Guid.NewGuid().ToString())).IsSuccess);
    }

    private async Task<ElectronicSignature> SignAsync(string email, string password, string recordId, string content)
    {
        var result = await app.Factory.InScopeAsync(async sp =>
        {
            var user = (await sp.GetRequiredService<UserManager<SalusUser>>().FindByEmailAsync(email))!;
            return await sp.GetRequiredService<SignatureService>().SignAsync(new SignRequest(
                user.Id, password, null, "policy-version", recordId, content, SignatureMeaning.Approved, "Looks right"));
        });
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private Task<Salus.Platform.Results.Result<ElectronicSignature>> TrySignAsync(string email, string password, string? code, string recordId) =>
        app.Factory.InScopeAsync(async sp =>
        {
            var user = (await sp.GetRequiredService<UserManager<SalusUser>>().FindByEmailAsync(email))!;
            return await sp.GetRequiredService<SignatureService>().SignAsync(new SignRequest(
                user.Id, password, code, "policy-version", recordId, Version1, SignatureMeaning.Reviewed, null));
        });
}

public sealed class SignatureTests_Sqlite(SqliteApp app) : SignatureTests(app), IClassFixture<SqliteApp>;

public sealed class SignatureTests_Postgres(PostgresApp app) : SignatureTests(app), IClassFixture<PostgresApp>;
