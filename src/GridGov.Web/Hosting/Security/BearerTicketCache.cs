using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace GridGov.Web.Hosting.Security;

/// <summary>
/// Remembers the decrypted ticket of recently seen bearer tokens. Decrypting one (Data Protection: key derivation, AES,
/// HMAC, then the ticket's claims) is the costliest part of authenticating a request, and an app sends the same token for
/// an hour. Only the decryption is remembered — a pure function of the token text: the handler still checks expiry on
/// every request and <see cref="SessionGuard"/> still checks the security stamp, so revocation is unaffected. Each
/// request gets its own copy of the principal.
/// </summary>
public sealed class BearerTicketCache(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
{
    private const int MaxEntries = 50_000;
    private static readonly long TtlMs = (long)TimeSpan.FromMinutes(5).TotalMilliseconds;

    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, long Until)> tickets = new(StringComparer.Ordinal);

    public int Count => tickets.Count;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null) return inner.Unprotect(protectedText, purpose);
        var now = Environment.TickCount64;
        if (tickets.TryGetValue(protectedText, out var hit) && hit.Until > now) return Copy(hit.Ticket);
        var ticket = inner.Unprotect(protectedText);
        if (ticket is null) return null; // forged or from a retired key: nothing to remember
        if (tickets.Count >= MaxEntries) tickets.Clear(); // rare: a burst of distinct tokens; start again rather than track age
        tickets[protectedText] = (ticket, now + TtlMs);
        return Copy(ticket);
    }

    // ClaimsPrincipal.Clone shares the identities; clone those too.
    private static AuthenticationTicket Copy(AuthenticationTicket t) =>
        new(new System.Security.Claims.ClaimsPrincipal(t.Principal.Identities.Select(i => i.Clone())), t.Properties.Clone(), t.AuthenticationScheme);
}
