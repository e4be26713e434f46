using System.Security.Claims;
using GridGov.Web.Hosting.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace GridGov.Web.Tests.Auth;

public class BearerTicketCacheTests
{
    private sealed class Counting(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Decrypted;
        public string Protect(AuthenticationTicket data) => inner.Protect(data);
        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);
        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);
        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose) { Decrypted++; return inner.Unprotect(protectedText, purpose); }
    }

    private static (BearerTicketCache Cache, Counting Inner, string Token) Make()
    {
        var inner = new Counting(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("test")));
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "42"), new Claim("stamp", "S1")], "Bearer"));
        var token = inner.Protect(new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, "Bearer"));
        return (new BearerTicketCache(inner), inner, token);
    }

    [Fact]
    public void A_token_is_decrypted_once_and_each_request_gets_its_own_principal()
    {
        var (cache, inner, token) = Make();
        var first = cache.Unprotect(token)!;
        var second = cache.Unprotect(token)!;
        Assert.Equal(1, inner.Decrypted);
        Assert.Equal("42", second.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(first.Properties.ExpiresUtc, second.Properties.ExpiresUtc); // the handler still checks expiry each time
        Assert.NotSame(first.Principal, second.Principal);
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("added", "by one request"));
        Assert.Null(cache.Unprotect(token)!.Principal.FindFirst("added"));
    }

    [Fact]
    public void Forged_or_altered_tokens_are_refused_and_not_remembered()
    {
        var (cache, inner, token) = Make();
        var altered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];
        Assert.Null(cache.Unprotect(altered));
        Assert.Null(cache.Unprotect("not-a-token"));
        Assert.Null(cache.Unprotect(altered));
        Assert.Equal(3, inner.Decrypted); // each refusal decrypted again, nothing cached
        Assert.Equal(0, cache.Count);
    }
}
