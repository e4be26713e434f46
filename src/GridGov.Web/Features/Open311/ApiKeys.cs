using System.Security.Cryptography;
using System.Text;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.Security;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.Open311;

/// <summary>A valid, unrevoked key: who files with it and where it may file and read.</summary>
public sealed record KeyHolder(long KeyId, string KeyName, long UserId, string UserName, string AreaCode);

public sealed record NewApiKey(string? Name, string? AreaCode, long? UserId, string? UserName);

public sealed record ApiKeyDto(long Id, string Name, string Key, string AreaCode, string? AreaName, long UserId, string? UserName,
    DateTime CreatedAt, long? CreatedBy, DateTime? RevokedAt, bool Active);

/// <summary>
/// Open311 API keys: "o311_" + 256 random bits (base64url). Issued by city and district administrators for an API
/// client account (a holder of the api_client role) and an area inside both the administrator's and the account's
/// areas; shown once; stored as a SHA-256 hash; listed masked; revocable. A key works while it is unrevoked and its
/// account still holds an api_client grant covering the key's area and is not locked out.
/// </summary>
public sealed class ApiKeys(GridGovDb db)
{
    public const string Prefix = "o311_";
    private const int ShownCharacters = 8;

    public static string NewKey() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Masked(string prefix) => prefix + "…";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The holder of a presented key, or null when it is unknown, revoked or its account may no longer use it.</summary>
    public async Task<KeyHolder?> ResolveAsync(string? presented, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > 100) return null;
        var hash = Hash(presented.Trim());
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, ct);
        if (key is null) return null;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == key.UserId)
            .Select(u => new { u.UserName, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        if (user is null || user.LockoutEnd > DateTimeOffset.UtcNow) return null;
        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => g.UserId == key.UserId && g.Role == AppRole.ApiClient && g.RevokedAt == null).Select(g => g.AreaCode).ToListAsync(ct);
        if (!grants.Any(area => AreaCode.IsWithin(key.AreaCode, area))) return null;
        return new KeyHolder(key.Id, key.Name, key.UserId, user.UserName ?? $"user{key.UserId}", key.AreaCode);
    }

    // ---- administration: /api/open311/keys ----

    public static readonly AppRole[] Issuers = [AppRole.CityAdmin, AppRole.DistrictAdmin];

    public static void MapApiKeys(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/open311/keys").WithTags("Open311").RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
            {
                var caller = context.HttpContext.RequestServices.GetRequiredService<Caller>();
                if (IssuerAreas(caller).Count == 0)
                    return Results.Problem(statusCode: 403, title: "Forbidden", detail: "Only city and district administrators manage Open311 API keys.");
                return await next(context);
            });
        g.MapPost("/", Create).WithSummary("Issue an Open311 API key for an API client account and an area; the key is shown only in this answer");
        g.MapGet("/", List).WithSummary("Open311 API keys of your area, masked");
        g.MapPost("/{id:long}/revoke", Revoke).WithSummary("Revoke an Open311 API key at once");
    }

    private static IReadOnlyList<string> IssuerAreas(Caller caller) =>
        caller.Grants.Where(x => Issuers.Contains(x.Role)).Select(x => x.Area).Distinct().ToList();

    private static async Task<IResult> Create(NewApiKey body, Caller caller, GridGovDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) errors["name"] = ["name (the client application) is 1 to 100 characters."];
        var area = body.AreaCode?.Trim();
        if (!AreaCode.IsWellFormed(area)) errors["areaCode"] = ["areaCode must be an area code (district, street, community or grid)."];
        if (body.UserId is null && string.IsNullOrWhiteSpace(body.UserName)) errors["userName"] = ["Name the API client account: userName or userId."];
        if (errors.Count > 0) return Problems.Invalid(errors);
        // Rights first, existence after: a refused caller learns nothing about which areas or accounts exist.
        if (!IssuerAreas(caller).Any(a => AreaCode.IsWithin(area!, a)))
            return Results.Problem(statusCode: 403, title: "Forbidden", detail: "You may only issue keys for areas inside your own.");
        var areaName = await db.Areas.AsNoTracking().Where(a => a.Code == area).Select(a => a.Name).FirstOrDefaultAsync(ct);
        if (areaName is null) return Problems.Invalid("areaCode", "areaCode must be a loaded area.");
        var user = body.UserId is { } id
            ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)
            : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == body.UserName!.Trim().ToUpperInvariant(), ct);
        var clientAreas = user is null ? [] : await db.RoleGrants.AsNoTracking()
            .Where(x => x.UserId == user.Id && x.Role == AppRole.ApiClient && x.RevokedAt == null).Select(x => x.AreaCode).ToListAsync(ct);
        if (user is null || !clientAreas.Any(a => AreaCode.IsWithin(area!, a)))
            return Problems.Invalid(body.UserId is null ? "userName" : "userId",
                "The account must hold the api_client role for an area containing areaCode (POST /api/grants); its requests are reported under that account.");

        var key = NewKey();
        var row = new ApiKey
        {
            Name = name!, Prefix = key[..(Prefix.Length + ShownCharacters)], KeyHash = Hash(key), UserId = user.Id, AreaCode = area!,
            CreatedAt = DateTime.UtcNow, CreatedBy = caller.UserId,
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/open311/keys/{row.Id}", ToDto(row, areaName, user.UserName) with { Key = key });
    }

    private static async Task<IResult> List(Caller caller, GridGovDb db, CancellationToken ct)
    {
        var rows = await db.ApiKeys.AsNoTracking().WithinAny(k => k.AreaCode, IssuerAreas(caller)).OrderByDescending(k => k.Id).ToListAsync(ct);
        var areaCodes = rows.Select(r => r.AreaCode).Distinct().ToList();
        var userIds = rows.Select(r => r.UserId).Distinct().ToList();
        var areas = await db.Areas.AsNoTracking().Where(a => areaCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, ct);
        return Results.Ok(rows.Select(r => ToDto(r, areas.GetValueOrDefault(r.AreaCode), users.GetValueOrDefault(r.UserId))).ToList());
    }

    private static async Task<IResult> Revoke(long id, Caller caller, GridGovDb db, CancellationToken ct)
    {
        var row = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (row is null || !IssuerAreas(caller).Any(a => AreaCode.IsWithin(row.AreaCode, a))) return Problems.NotFound($"No Open311 key {id} in your area.");
        if (row.RevokedAt is not null) return Problems.Conflict($"Key {id} was already revoked.");
        row.RevokedAt = DateTime.UtcNow;
        row.RevokedBy = caller.UserId;
        await db.SaveChangesAsync(ct);
        var areaName = await db.Areas.AsNoTracking().Where(a => a.Code == row.AreaCode).Select(a => a.Name).FirstOrDefaultAsync(ct);
        var userName = await db.Users.AsNoTracking().Where(u => u.Id == row.UserId).Select(u => u.UserName).FirstOrDefaultAsync(ct);
        return Results.Ok(ToDto(row, areaName, userName));
    }

    private static ApiKeyDto ToDto(ApiKey k, string? areaName, string? userName) => new(
        k.Id, k.Name, Masked(k.Prefix), k.AreaCode, areaName, k.UserId, userName, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.RevokedAt is null);
}
