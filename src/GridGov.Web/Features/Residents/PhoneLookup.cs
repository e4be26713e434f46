using GridGov.Web.Hosting.Security;

namespace GridGov.Web.Features.Residents;

/// <summary>The keyed hash that finds a resident's account by mobile number without storing the number in clear.</summary>
public sealed class PhoneLookup(IServiceScopeFactory scopes) : KeyedHash(scopes, SecretName)
{
    public const string SecretName = "phone-lookup-key";
}
