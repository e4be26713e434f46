using System.Text.Json;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridGov.Web.Hosting.Security;

/// <summary>
/// Audits every EF write in one place: each added, changed or deleted row becomes an audit entry (who, when,
/// what, before → after of the changed fields) committed in the same transaction as the change itself.
/// Encrypted and secret columns never appear; masked columns stand in for them, and numbers typed into text
/// columns are masked (<see cref="AuditText"/>).
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor accessor, ActingAs actingAs, SessionCache sessions, Features.Categories.CategoryCache categories) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneCipher", "IdNumberCipher", "ReporterPhoneCipher", "Boundary",
        "PhoneNumber", "Email", "NormalizedEmail", "KeyHash", "PhoneLookup",
        "DocumentCipher", "PropertyPhoneCipher", "IdNumberHash", "IdBodyHash", "PhoneHash",
    };

    private readonly List<(EntityEntry Entry, string Action, Dictionary<string, object?[]> Changes)> _pending = [];
    private readonly HashSet<long> _sessionsChanged = [];
    private bool _categoriesChanged;
    private IDbContextTransaction? _ownTransaction;
    private bool _writingAudit;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (_writingAudit || eventData.Context is not GridGovDb db) return result;
        _pending.Clear();
        foreach (var e in db.ChangeTracker.Entries())
        {
            NoteCachedRows(e);
            // The audit log itself, derived data (stats, notifications), case history (its own append-only record),
            // one-time SMS codes and server secrets are not audited.
            if (e.Entity is AuditEntry or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
                or CaseStatsDaily or CaseStatsDirty or CaseStatsHourly or CaseStatsHourDirty or CaseHistory or Notification
                or PhoneVerification or AppSecret) continue;
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var changes = new Dictionary<string, object?[]>();
            foreach (var p in e.Properties)
            {
                if (Hidden.Contains(p.Metadata.Name) || p.Metadata.IsPrimaryKey()) continue;
                // Identity's token rows hold secrets (the TOTP key, recovery codes): record that they changed, never the value.
                if (e.Entity is Microsoft.AspNetCore.Identity.IdentityUserToken<long> && p.Metadata.Name == "Value") continue;
                if (e.State == EntityState.Modified && !p.IsModified) continue;
                if (e.State == EntityState.Modified && Equals(p.OriginalValue, p.CurrentValue)) continue;
                var name = p.Metadata.Name;
                changes[name] = e.State switch
                {
                    EntityState.Added => [null, AuditText.Value(name, p.CurrentValue)],
                    EntityState.Deleted => [AuditText.Value(name, p.OriginalValue), null],
                    _ => [AuditText.Value(name, p.OriginalValue), AuditText.Value(name, p.CurrentValue)],
                };
            }
            if (e.State == EntityState.Modified && changes.Count == 0) continue;
            _pending.Add((e, e.State.ToString().ToLowerInvariant() switch { "added" => "create", "deleted" => "delete", _ => "update" }, changes));
        }
        if (_pending.Count > 0 && db.Database.CurrentTransaction is null)
            _ownTransaction = await db.Database.BeginTransactionAsync(ct);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (_writingAudit || eventData.Context is not GridGovDb db) return result;
        if (_pending.Count == 0)
        {
            ForgetCachedRows();
            return result;
        }
        // The actor a module acts as (a job, a device, an API key's account) comes first; else the HTTP caller.
        var http = accessor.HttpContext;
        var actor = actingAs.Current ?? (http is null ? null : http.RequestServices.GetService<Caller>()?.Actor);
        var now = DateTime.UtcNow;
        foreach (var (entry, action, changes) in _pending)
        {
            var area = (entry.Entity as IAreaOwned)?.OwningArea;
            db.AuditLog.Add(new AuditEntry
            {
                At = now,
                UserId = actor?.UserId,
                UserName = actor?.IsAuthenticated == true || actingAs.Current is not null ? actor!.Name : http is null ? "system" : "anonymous",
                Action = action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", entry.Properties.Where(p => p.Metadata.IsPrimaryKey()).Select(p => p.CurrentValue)),
                AreaCode = area,
                DistrictCode = area is null ? null : AreaCode.DistrictOf(area),
                Summary = Truncate(JsonSerializer.Serialize(changes, AuditText.Json), 4000),
                Ip = actor?.Ip,
            });
        }
        _pending.Clear();
        _writingAudit = true;
        try
        {
            await db.SaveChangesAsync(ct);
            if (_ownTransaction is not null) await _ownTransaction.CommitAsync(ct);
        }
        finally
        {
            _writingAudit = false;
            if (_ownTransaction is not null) await _ownTransaction.DisposeAsync();
            _ownTransaction = null;
        }
        ForgetCachedRows();
        return result;
    }

    /// <summary>Accounts, grants and categories are cached per node: a change made here is seen here at once.</summary>
    private void NoteCachedRows(EntityEntry e)
    {
        if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) return;
        switch (e.Entity)
        {
            case AppUser u: _sessionsChanged.Add(u.Id); break;
            case RoleGrant g: _sessionsChanged.Add(g.UserId); break;
            case Category: _categoriesChanged = true; break;
        }
    }

    private void ForgetCachedRows()
    {
        foreach (var id in _sessionsChanged) sessions.Invalidate(id);
        _sessionsChanged.Clear();
        if (_categoriesChanged) categories.Invalidate();
        _categoriesChanged = false;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        _pending.Clear();
        _sessionsChanged.Clear();
        _categoriesChanged = false;
        if (_ownTransaction is not null && !_writingAudit)
        {
            await _ownTransaction.RollbackAsync(ct);
            await _ownTransaction.DisposeAsync();
            _ownTransaction = null;
        }
    }

    /// <summary>
    /// The summary this interceptor writes for a created row (every field, null → value), for the paths that insert
    /// without EF (the group-committed intake), so their audit entries read the same.
    /// </summary>
    public static string CreatedSummary(Microsoft.EntityFrameworkCore.Metadata.IEntityType type, object entity)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var p in type.GetProperties())
        {
            if (Hidden.Contains(p.Name) || p.IsPrimaryKey() || p.PropertyInfo is null) continue;
            changes[p.Name] = [null, AuditText.Value(p.Name, p.PropertyInfo.GetValue(entity))];
        }
        return Truncate(JsonSerializer.Serialize(changes, AuditText.Json), 4000);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
