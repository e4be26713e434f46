using GridGov.Domain.Security;
using Microsoft.AspNetCore.DataProtection;

namespace GridGov.Web.Hosting.Security;

/// <summary>
/// Encrypts personal numbers at rest with ASP.NET Core Data Protection (keys in the database, shared by all nodes,
/// rotated every 90 days; old keys keep decrypting). Only the masked form is ever put in lists, exports or logs.
/// </summary>
public sealed class PersonalData(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("GridGov.PersonalData.v1");

    public (string Masked, string Cipher) ProtectPhone(string phone) => (PersonalNumbers.MaskPhone(phone), _protector.Protect(phone));

    public (string Masked, string Cipher) ProtectIdCard(string id)
    {
        var normalized = PersonalNumbers.Normalize(id);
        return (PersonalNumbers.MaskIdCard(normalized), _protector.Protect(normalized));
    }

    /// <summary>
    /// Makes sure the key ring exists before a transaction opens: the first key is written on a connection of its own,
    /// which SQLite (one writer at a time) would make wait for that transaction.
    /// </summary>
    public void Warm() => _protector.Protect("warm");

    /// <summary>Any other personal number (a passport, a permit), encrypted as it is.</summary>
    public string Protect(string value) => _protector.Protect(value);

    public string? Reveal(string? cipher) => cipher is null ? null : _protector.Unprotect(cipher);
}
