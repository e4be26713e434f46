using System.Security.Cryptography;
using System.Text;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Residents;

/// <summary>A code was sent (DemoCode only when no real SMS gateway is configured), or the caller must wait.</summary>
public sealed record CodeSent(bool Sent, int WaitSeconds, int ExpiresInSeconds, string? DemoCode);

/// <summary>
/// Sends and checks SMS verification codes by <see cref="VerificationRules"/>. Codes live in the database (any node
/// can check what another sent), hashed with a per-row salt; the number only as its lookup hash.
/// </summary>
public sealed class PhoneVerifier(GridGovDb db, PhoneLookup lookup, ISmsSender sms, TimeProvider time)
{
    public async Task<CodeSent> SendAsync(string phone, VerificationPurpose purpose, string? ip, CancellationToken ct)
    {
        var hash = await lookup.HashAsync(phone, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var dayAgo = now.AddDays(-1);
        var sent = await db.PhoneVerifications.AsNoTracking().Where(v => v.PhoneLookup == hash && v.Purpose == purpose && v.CreatedAt > dayAgo)
            .Select(v => v.CreatedAt).ToListAsync(ct);
        var wait = VerificationRules.WaitBeforeSending(sent, now);
        if (wait > TimeSpan.Zero) return new CodeSent(false, (int)Math.Ceiling(wait.TotalSeconds), 0, null);

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.PhoneVerifications.Add(new PhoneVerification
        {
            PhoneLookup = hash, Purpose = purpose, CodeHash = Hash(salt, code), Salt = salt,
            CreatedAt = now, ExpiresAt = now + VerificationRules.Lifetime, Ip = ip,
        });
        await db.SaveChangesAsync(ct);
        var what = purpose == VerificationPurpose.SignUp ? "注册" : "重置密码";
        await sms.SendAsync(phone, $"【网格化治理】您的{what}验证码是 {code}，{VerificationRules.Lifetime.TotalMinutes:0} 分钟内有效。如非本人操作，请忽略。", ct);
        return new CodeSent(true, (int)VerificationRules.ResendInterval.TotalSeconds, (int)VerificationRules.Lifetime.TotalSeconds, sms.IsDemo ? code : null);
    }

    /// <summary>Checks the newest code for the number and purpose; a wrong try counts, a right one uses the code up.</summary>
    public async Task<CodeCheck> CheckAsync(string phone, VerificationPurpose purpose, string? code, CancellationToken ct)
    {
        var hash = await lookup.HashAsync(phone, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.PhoneVerifications.Where(v => v.PhoneLookup == hash && v.Purpose == purpose)
            .OrderByDescending(v => v.Id).FirstOrDefaultAsync(ct);
        var typed = code?.Trim() ?? "";
        var matches = row is not null && typed.Length == VerificationRules.CodeLength
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(row.Salt, typed)), Encoding.ASCII.GetBytes(row.CodeHash));
        var result = VerificationRules.Judge(matches, row?.ExpiresAt, row?.Attempts ?? 0, row?.UsedAt is not null, now);
        if (row is not null && result is CodeCheck.Ok or CodeCheck.Wrong)
        {
            if (result == CodeCheck.Ok) row.UsedAt = now;
            else row.Attempts++;
            await db.SaveChangesAsync(ct);
        }
        return result;
    }

    private static string Hash(string salt, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(salt + ":" + code)));
}
