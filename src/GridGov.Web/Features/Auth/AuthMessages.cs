using GridGov.Web.Features.Access;

namespace GridGov.Web.Features.Auth;

public sealed record LoginRequest(string? UserName, string? Password, string? TwoFactorCode, bool UseCookies = false);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
public sealed record TwoFactorEnableRequest(string? Code);
public sealed record TwoFactorSetup(string SharedKey, string AuthenticatorUri);
public sealed record MeDto(long Id, string UserName, string DisplayName, bool MustChangePassword, bool TwoFactorEnabled, IReadOnlyList<GrantDto> Grants);
