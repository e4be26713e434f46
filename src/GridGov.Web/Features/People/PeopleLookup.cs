using GridGov.Web.Hosting.Security;

namespace GridGov.Web.Features.People;

/// <summary>
/// Keyed hashes of residents' numbers: the whole ID number (exact look-up, one record per number), its first 17
/// digits (a mistyped check character finds its record) and the mobile number. Prefixes keep the three apart.
/// </summary>
public sealed class PeopleLookup(IServiceScopeFactory scopes) : KeyedHash(scopes, SecretName)
{
    public const string SecretName = "people-lookup-key";

    public Task<string> IdAsync(string idNumber, CancellationToken ct) => HashAsync("id:" + idNumber, ct);

    public Task<string> BodyAsync(string first17, CancellationToken ct) => HashAsync("body:" + first17, ct);

    public Task<string> PhoneAsync(string phone, CancellationToken ct) => HashAsync("phone:" + phone, ct);
}
