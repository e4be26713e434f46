using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Residents;

/// <summary>The outcome of an account step: the account, or field errors (field → messages) and an HTTP status.</summary>
public sealed record AccountOutcome(AppUser? User, Dictionary<string, string[]> Errors, int Status = 400)
{
    public bool Ok => User is not null && Errors.Count == 0;

    public static AccountOutcome Fail(string field, string message, int status = 400) => new(null, new() { [field] = [message] }, status);
}

/// <summary>
/// Residents' lightweight accounts: a verified mobile number and a password. The number is never the user name and
/// never stored in clear: the account is found by its lookup hash, shown masked, kept encrypted. A new account holds
/// one grant, resident of the city, which lets it report and see its own cases only.
/// </summary>
public sealed class ResidentAccounts(
    GridGovDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, PhoneLookup lookup, PhoneVerifier verifier,
    PersonalData pii, GridGovOptions options, TimeProvider time)
{
    public const int MaxNickname = 20;

    public static string? PhoneProblem(string? phone) =>
        PersonalNumbers.NormalizeMobile(phone) is null ? "请输入 11 位手机号 (an 11-digit mainland mobile number)" : null;

    public async Task<bool> IsRegisteredAsync(string phone, CancellationToken ct)
    {
        var hash = await lookup.HashAsync(phone, ct);
        return await db.Users.AnyAsync(u => u.PhoneLookup == hash, ct);
    }

    /// <summary>Sends a code for sign-up (number not yet registered) or password reset (number registered).</summary>
    public async Task<(CodeSent? Sent, AccountOutcome? Refused)> SendCodeAsync(string? phoneText, VerificationPurpose purpose, string? ip, CancellationToken ct)
    {
        if (PersonalNumbers.NormalizeMobile(phoneText) is not { } phone) return (null, AccountOutcome.Fail("phone", PhoneProblem(phoneText)!));
        var registered = await IsRegisteredAsync(phone, ct);
        if (purpose == VerificationPurpose.SignUp && registered)
            return (null, AccountOutcome.Fail("phone", "该手机号已注册，请直接登录 (already registered: sign in)", 409));
        if (purpose == VerificationPurpose.ResetPassword && !registered)
            return (null, AccountOutcome.Fail("phone", "该手机号尚未注册 (no account with this number)", 404));
        var sent = await verifier.SendAsync(phone, purpose, ip, ct);
        return sent.Sent ? (sent, null)
            : (sent, AccountOutcome.Fail("phone", $"发送太频繁，请 {sent.WaitSeconds} 秒后再试 (try again in {sent.WaitSeconds} s)", 429));
    }

    public async Task<AccountOutcome> SignUpAsync(string? phoneText, string? code, string? password, string? nickname, bool consent, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!consent) errors["consent"] = ["请阅读并同意《个人信息处理规则》后注册 (read and agree to the personal information rules)"];
        var phone = PersonalNumbers.NormalizeMobile(phoneText);
        if (phone is null) errors["phone"] = [PhoneProblem(phoneText)!];
        if (string.IsNullOrWhiteSpace(code)) errors["code"] = ["请输入短信验证码 (enter the code from the SMS)"];
        var name = nickname?.Trim();
        if (name is { Length: > MaxNickname }) errors["nickname"] = [$"昵称最多 {MaxNickname} 个字 (at most {MaxNickname} characters)"];
        var draft = new AppUser { UserName = "resident", DisplayName = "resident" };
        if (await PasswordProblems(draft, password) is { Length: > 0 } problems) errors["password"] = problems;
        if (errors.Count > 0) return new AccountOutcome(null, errors);

        if (await IsRegisteredAsync(phone!, ct)) return AccountOutcome.Fail("phone", "该手机号已注册，请直接登录 (already registered: sign in)", 409);
        // The code is spent only once everything else is known to be right, so a typo elsewhere costs no new SMS.
        var check = await verifier.CheckAsync(phone!, VerificationPurpose.SignUp, code, ct);
        if (check != CodeCheck.Ok) return AccountOutcome.Fail("code", VerificationRules.Message(check));

        var hash = await lookup.HashAsync(phone!, ct);
        var (masked, cipher) = pii.ProtectPhone(phone!);
        var user = new AppUser
        {
            // The user name is not the number (it would sit in clear in an indexed column): a stable name from the hash.
            UserName = "r" + hash[..20],
            DisplayName = string.IsNullOrEmpty(name) ? masked : name,
            PhoneLookup = hash, PhoneMasked = masked, PhoneCipher = cipher,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            PrivacyConsentAt = time.GetUtcNow().UtcDateTime, PrivacyConsentVersion = PrivacyRules.Version,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password!);
        }
        catch (DbUpdateException)
        {
            return AccountOutcome.Fail("phone", "该手机号已注册，请直接登录 (already registered: sign in)", 409);
        }
        if (!created.Succeeded)
            return created.Errors.Any(e => e.Code is "DuplicateUserName")
                ? AccountOutcome.Fail("phone", "该手机号已注册，请直接登录 (already registered: sign in)", 409)
                : new AccountOutcome(null, new() { ["password"] = created.Errors.Select(Auth.PasswordRules.Message).ToArray() });
        db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = AppRole.Resident, AreaCode = options.City, GrantedAt = user.CreatedAt });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new AccountOutcome(user, []);
    }

    /// <summary>Signs in by number and password with the given scheme (cookie for pages, bearer for apps); lockout as for staff.</summary>
    public async Task<AccountOutcome> SignInAsync(string? phoneText, string? password, string scheme, CancellationToken ct)
    {
        var phone = PersonalNumbers.NormalizeMobile(phoneText);
        if (phone is null) return AccountOutcome.Fail("phone", PhoneProblem(phoneText)!);
        if (string.IsNullOrEmpty(password) || password.Length > 200) return AccountOutcome.Fail("password", "请输入密码 (enter your password)");
        var hash = await lookup.HashAsync(phone, ct);
        var user = await users.Users.FirstOrDefaultAsync(u => u.PhoneLookup == hash, ct);
        const string wrong = "手机号或密码错误 (wrong number or password)";
        if (user is null) return AccountOutcome.Fail("password", wrong, 401);
        signIn.AuthenticationScheme = scheme;
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: true, lockoutOnFailure: true);
        if (result.IsLockedOut) return AccountOutcome.Fail("password", "尝试次数过多，请 15 分钟后再试 (locked for 15 minutes)", 423);
        return result.Succeeded ? new AccountOutcome(user, []) : AccountOutcome.Fail("password", wrong, 401);
    }

    /// <summary>Sets a new password after an SMS code; every existing session and token of the account ends.</summary>
    public async Task<AccountOutcome> ResetPasswordAsync(string? phoneText, string? code, string? password, CancellationToken ct)
    {
        var phone = PersonalNumbers.NormalizeMobile(phoneText);
        if (phone is null) return AccountOutcome.Fail("phone", PhoneProblem(phoneText)!);
        var hash = await lookup.HashAsync(phone, ct);
        var user = await users.Users.FirstOrDefaultAsync(u => u.PhoneLookup == hash, ct);
        if (user is null) return AccountOutcome.Fail("phone", "该手机号尚未注册 (no account with this number)", 404);
        if (await PasswordProblems(user, password) is { Length: > 0 } problems) return new AccountOutcome(null, new() { ["password"] = problems });
        var check = await verifier.CheckAsync(phone, VerificationPurpose.ResetPassword, code, ct);
        if (check != CodeCheck.Ok) return AccountOutcome.Fail("code", VerificationRules.Message(check));
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password!);
        if (!reset.Succeeded) return new AccountOutcome(null, new() { ["password"] = reset.Errors.Select(Auth.PasswordRules.Message).ToArray() });
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return new AccountOutcome(user, []);
    }

    private async Task<string[]> PasswordProblems(AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return ["请设置密码 (choose a password)"];
        if (password.Length > 200) return ["密码最多 200 位 (at most 200 characters)"];
        var problems = new List<string>();
        foreach (var v in users.PasswordValidators)
        {
            var r = await v.ValidateAsync(users, user, password);
            problems.AddRange(r.Errors.Select(Auth.PasswordRules.Message));
        }
        return problems.Distinct().ToArray();
    }
}
