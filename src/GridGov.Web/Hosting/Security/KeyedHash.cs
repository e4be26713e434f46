using System.Security.Cryptography;
using System.Text;
using GridGov.Data;
using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Hosting.Security;

/// <summary>
/// A keyed hash (HMAC-SHA256) for finding a personal number without storing it in clear: phone numbers, ID numbers.
/// The key is a random secret in <c>app_secrets</c> under <paramref name="secretName"/>, created by whichever node needs
/// it first and then shared; without it a stolen table cannot be matched against the few billion possible numbers.
/// Each use has its own key, so hashes of one kind cannot be joined with another's.
/// </summary>
public abstract class KeyedHash(IServiceScopeFactory scopes, string secretName)
{
    private byte[]? _key;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<string> HashAsync(string value, CancellationToken ct) =>
        Hash(_key ?? await LoadKeyAsync(ct), value);

    /// <summary>
    /// Loads (or creates) the key now. Call it before opening a transaction: creating the key writes on a connection of
    /// its own, which SQLite (one writer at a time) would make wait for that transaction.
    /// </summary>
    public async Task WarmAsync(CancellationToken ct)
    {
        if (_key is null) await LoadKeyAsync(ct);
    }

    /// <summary>Many values with one key load (imports hash thousands of numbers).</summary>
    public async Task<Func<string, string>> HasherAsync(CancellationToken ct)
    {
        var key = _key ?? await LoadKeyAsync(ct);
        return value => Hash(key, value);
    }

    private static string Hash(byte[] key, string value) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));

    private async Task<byte[]> LoadKeyAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_key is not null) return _key;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GridGovDb>();
            var row = await db.AppSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == secretName, ct);
            if (row is null)
            {
                db.AppSecrets.Add(new AppSecret { Name = secretName, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), CreatedAt = DateTime.UtcNow });
                try { await db.SaveChangesAsync(ct); }
                catch (DbUpdateException) { /* another node created it first: use theirs */ }
                db.ChangeTracker.Clear();
                row = await db.AppSecrets.AsNoTracking().FirstAsync(s => s.Name == secretName, ct);
            }
            return _key = Convert.FromBase64String(row.Value);
        }
        finally
        {
            _gate.Release();
        }
    }
}
