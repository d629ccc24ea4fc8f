using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Salus.Platform.Localization;

namespace Salus.Platform.Identity;

/// <summary>The Identity errors a person can meet (changing a password, inviting a user), in the UI language.</summary>
internal sealed class SalusIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), l["The password must be at least {0} characters long.", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), l["The password must use at least {0} different characters.", uniqueChars]);

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), l["The current password is not correct."]);

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), l["The e-mail address {0} is already in use.", email]);

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), l["The user name {0} is already in use.", userName]);

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), l["The e-mail address {0} is not valid.", email ?? ""]);

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), l["Someone else changed this account at the same time. Reload and try again."]);

    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), l["The operation failed."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
