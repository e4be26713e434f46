using GridGov.Web.Hosting.Security;

namespace GridGov.Web.Features.People;

/// <summary>
/// Keyed hashes of residents' numbers: the whole ID number (exact look-up, one record per number), its first 17
/// digits (a mistyped check character finds its record) and the mobile number. Prefixes keep the three apart.
/// </summary>
public sealed class PeopleLookup(IServiceScopeFactory scopes) : KeyedHash(scopes, SecretName)
{
    public const string SecretName = "people-lookup-key";

    /// <summary>The three hashes with the key loaded once (imports and seeding hash thousands of numbers).</summary>
    public async Task<PeopleHashes> HashesAsync(CancellationToken ct) => new(await HasherAsync(ct));

    public async Task<string> IdAsync(string idNumber, CancellationToken ct) => (await HashesAsync(ct)).Id(idNumber);

    public async Task<string> BodyAsync(string first17, CancellationToken ct) => (await HashesAsync(ct)).Body(first17);

    public async Task<string> PhoneAsync(string phone, CancellationToken ct) => (await HashesAsync(ct)).Phone(phone);
}

public sealed record PeopleHashes(Func<string, string> Hash)
{
    public string Id(string idNumber) => Hash("id:" + idNumber);
    public string Body(string first17) => Hash("body:" + first17);
    public string Phone(string phone) => Hash("phone:" + phone);
}
