using GridGov.Domain.Security;

namespace GridGov.Web.Features.Residents;

/// <summary>
/// Sends a text message to a mainland mobile number. Plug in a real gateway (Aliyun SMS, Tencent Cloud SMS…) by
/// registering another implementation before <c>AddResidents</c>; the default is <see cref="DemoSmsSender"/>.
/// </summary>
public interface ISmsSender
{
    /// <summary>True when no message really leaves the server: the code is then shown to the user on screen.</summary>
    bool IsDemo { get; }

    Task SendAsync(string phone, string message, CancellationToken ct);
}

/// <summary>
/// No SMS gateway on this machine: the message is only logged (number masked) and, because <see cref="IsDemo"/> is
/// true, the verification code is returned to the page so the demo can be walked through. Never use in production.
/// </summary>
public sealed class DemoSmsSender(ILogger<DemoSmsSender> log) : ISmsSender
{
    public bool IsDemo => true;

    public Task SendAsync(string phone, string message, CancellationToken ct)
    {
        log.LogInformation("Demo SMS (not sent) to {Phone}: {Message}", PersonalNumbers.MaskPhone(phone), message);
        return Task.CompletedTask;
    }
}
