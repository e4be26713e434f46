using System.Security.Cryptography;
using System.Text;
using GridGov.Data;
using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Residents;

/// <summary>
/// The keyed hash (HMAC-SHA256) that finds a resident's account by mobile number without storing the number in clear.
/// The key is a random secret in <c>app_secrets</c>, created by whichever node needs it first and then shared; without
/// it a stolen users table cannot be matched against the 10^10 possible numbers.
/// </summary>
public sealed class PhoneLookup(IServiceScopeFactory scopes)
{
    public const string SecretName = "phone-lookup-key";
    private byte[]? _key;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<string> HashAsync(string phone, CancellationToken ct)
    {
        var key = _key ?? await LoadKeyAsync(ct);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(phone)));
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_key is not null) return _key;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GridGovDb>();
            var row = await db.AppSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == SecretName, ct);
            if (row is null)
            {
                db.AppSecrets.Add(new AppSecret { Name = SecretName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CreatedAt = DateTime.UtcNow });
                try { await db.SaveChangesAsync(ct); }
                catch (DbUpdateException) { /* another node created it first: use theirs */ }
                db.ChangeTracker.Clear();
                row = await db.AppSecrets.AsNoTracking().FirstAsync(s => s.Name == SecretName, ct);
            }
            return _key = Convert.FromBase64String(row.Value);
        }
        finally
        {
            _gate.Release();
        }
    }
}
