using Microsoft.AspNetCore.Identity;

namespace Dashboard.Infrastructure.Identity;

/// <summary>
/// The user name is the e-mail address here, so Identity's two "already taken" errors would say the same
/// thing twice; both become one sentence (results are de-duplicated by text).
/// </summary>
internal sealed class DashboardIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => Duplicate(userName, nameof(DuplicateUserName));

    public override IdentityError DuplicateEmail(string email) => Duplicate(email, nameof(DuplicateEmail));

    private static IdentityError Duplicate(string email, string code) => new()
    {
        Code = code,
        Description = $"The e-mail address {email} already has an account. Use another address.",
    };
}
