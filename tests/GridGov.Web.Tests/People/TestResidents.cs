using GridGov.Domain.People;

namespace GridGov.Web.Tests.People;

/// <summary>Valid, unique synthetic ID numbers for tests that share one app (and one registry).</summary>
public static class TestResidents
{
    private static int _next = Random.Shared.Next(0, 200_000);

    public static string NewIdNumber(int birthYear = 1950, bool male = true)
    {
        var n = Interlocked.Increment(ref _next);
        var birth = new DateOnly(birthYear, 1, 1).AddDays(n % 365);
        var sequence = (n / 365 % 500) * 2 + (male ? 1 : 0);
        return IdNumber.Compose("510104", birth, sequence).Value;
    }

    public static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
