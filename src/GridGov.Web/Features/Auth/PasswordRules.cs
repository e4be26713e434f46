using Microsoft.AspNetCore.Identity;

namespace GridGov.Web.Features.Auth;

/// <summary>Identity's password rules in users' words (staff and residents share them).</summary>
public static class PasswordRules
{
    public static string Message(IdentityError e) => e.Code switch
    {
        "PasswordTooShort" => "密码至少 10 位 (at least 10 characters)",
        "PasswordRequiresDigit" => "密码需包含数字 (include a digit)",
        "PasswordRequiresLower" => "密码需包含小写字母 (include a lower-case letter)",
        "PasswordRequiresUpper" => "密码需包含大写字母 (include an upper-case letter)",
        "PasswordRequiresNonAlphanumeric" => "密码需包含符号 (include a symbol)",
        "PasswordRequiresUniqueChars" => "密码中不同的字符太少 (use more different characters)",
        _ => e.Description,
    };
}
