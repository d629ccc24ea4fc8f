using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Salus.Platform.Audit;
using Salus.Platform.Persistence;
using Salus.Platform.Results;

namespace Salus.Platform.Identity;

public sealed record InviteUser(
    string Email, string DisplayName, IReadOnlyList<string> Roles, AccountKind Kind = AccountKind.Staff,
    StakeholderFunction? Function = null, string? Department = null, string? Market = null);

public sealed record InvitedUser(string Id, string Email, string OneTimePassword);

public sealed record UserSummary(
    string Id, string Email, string DisplayName, AccountKind Kind, StakeholderFunction? Function, string? Department,
    string? Market, bool IsActive, bool TwoFactorEnabled, IReadOnlyList<string> Roles);

/// <summary>Invite, change roles, deactivate and reactivate users. Users are never deleted.</summary>
public sealed class UserAdministration(UserManager<SalusUser> users, SalusDbContext db, AuditScope audit, TimeProvider time)
{
    public async Task<Result<InvitedUser>> InviteAsync(InviteUser invite)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(invite.Email) || !invite.Email.Contains('@', StringComparison.Ordinal))
        {
            fields["email"] = ["A valid e-mail address is required."];
        }

        if (string.IsNullOrWhiteSpace(invite.DisplayName))
        {
            fields["displayName"] = ["A name is required."];
        }

        var unknown = invite.Roles.Where(r => !Roles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            fields["roles"] = [$"Unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}."];
        }

        if (invite.Kind == AccountKind.CommunityMember && invite.Roles.Count > 0)
        {
            fields["roles"] = ["Community members cannot hold staff roles."];
        }

        if (invite.Roles.Contains(Roles.PolicyStakeholder) && invite.Function is null)
        {
            fields["function"] = ["A policy stakeholder needs a stakeholder function (legal, medical, ...)."];
        }

        if (fields.Count > 0)
        {
            return Errors.Validation("user.invalid", "The user could not be invited.", fields);
        }

        if (await users.FindByEmailAsync(invite.Email) is not null)
        {
            return Errors.Conflict("user.exists", "A user with this e-mail address already exists.");
        }

        var password = DatabaseInitializer.NewPassword();
        var user = new SalusUser
        {
            UserName = invite.Email.Trim(), Email = invite.Email.Trim(), DisplayName = invite.DisplayName.Trim(),
            Kind = invite.Kind, StakeholderFunction = invite.Function, Department = invite.Department,
            Market = invite.Market?.ToUpperInvariant(), MustChangePassword = true, CreatedUtc = time.GetUtcNow().UtcDateTime,
            EmailConfirmed = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Errors.Validation("user.invalid", string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        foreach (var role in invite.Roles.Distinct(StringComparer.Ordinal))
        {
            await users.AddToRoleAsync(user, role);
        }

        return new InvitedUser(user.Id, user.Email, password);
    }

    public async Task<List<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var roleRows = await db.UserRoles.AsNoTracking()
            .Join(db.Roles.AsNoTracking(), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var byUser = roleRows.ToLookup(r => r.UserId, r => r.Name ?? "");
        return all.Select(u => ToSummary(u, [.. byUser[u.Id].Order(StringComparer.Ordinal)])).ToList();
    }

    public async Task<Result<UserSummary>> GetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        return user is null ? Errors.NotFound("user.not-found", "No such user.") : ToSummary(user, [.. await users.GetRolesAsync(user)]);
    }

    public async Task<Result<UserSummary>> SetRolesAsync(string id, IReadOnlyList<string> roles, string? reason)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return Errors.NotFound("user.not-found", "No such user.");
        }

        var unknown = roles.Where(r => !Roles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            return Errors.Validation("user.unknown-role", $"Unknown role(s): {string.Join(", ", unknown)}.");
        }

        if (user.Kind == AccountKind.CommunityMember && roles.Count > 0)
        {
            return Errors.Validation("user.community-member", "Community members cannot hold staff roles.");
        }

        audit.Reason = reason;
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(roles, StringComparer.Ordinal));
        await users.AddToRolesAsync(user, roles.Except(current, StringComparer.Ordinal).Distinct(StringComparer.Ordinal));
        await users.UpdateSecurityStampAsync(user);
        return ToSummary(user, [.. await users.GetRolesAsync(user)]);
    }

    public async Task<Result<UserSummary>> SetActiveAsync(string id, bool active, string? reason, string actingUserId)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return Errors.NotFound("user.not-found", "No such user.");
        }

        if (!active && user.Id == actingUserId)
        {
            return Errors.Conflict("user.self-deactivation", "You cannot deactivate your own account.");
        }

        audit.Reason = reason;
        user.IsActive = active;
        await users.UpdateAsync(user);
        // A new security stamp ends the user's open sessions at the next validation.
        await users.UpdateSecurityStampAsync(user);
        return ToSummary(user, [.. await users.GetRolesAsync(user)]);
    }

    public async Task<Result<string>> ResetPasswordAsync(string emailOrId)
    {
        var user = await users.FindByEmailAsync(emailOrId) ?? await users.FindByIdAsync(emailOrId);
        if (user is null)
        {
            return Errors.NotFound("user.not-found", "No such user.");
        }

        var password = DatabaseInitializer.NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return Errors.Validation("user.reset-failed", string.Join(" ", reset.Errors.Select(e => e.Description)));
        }

        user.MustChangePassword = true;
        await users.SetLockoutEndDateAsync(user, null);
        await users.UpdateAsync(user);
        return password;
    }

    private static UserSummary ToSummary(SalusUser u, IReadOnlyList<string> roles) =>
        new(u.Id, u.Email ?? "", u.DisplayName, u.Kind, u.StakeholderFunction, u.Department, u.Market, u.IsActive, u.TwoFactorEnabled, roles);
}
