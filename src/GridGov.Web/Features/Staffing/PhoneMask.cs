using System.Text.RegularExpressions;

namespace GridGov.Web.Features.Staffing;

public static partial class PhoneMask
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MainlandMobile();

    public static bool IsMobile(string phone) => MainlandMobile().IsMatch(phone);

    /// <summary>13812345678 → 138****5678, the form Chinese apps show by default.</summary>
    public static string Mask(string phone) => phone[..3] + "****" + phone[^4..];
}
