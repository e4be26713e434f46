using System.Text.RegularExpressions;

namespace GridGov.Domain.Security;

/// <summary>Validation and masking of personal numbers (PIPL): ID card (GB 11643-1999) and mainland mobile.</summary>
public static partial class PersonalNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    [GeneratedRegex(@"^1[3-9][0-9]{9}\z")] // ASCII digits only, no trailing newline
    private static partial Regex MobilePattern();

    public static bool IsMobile(string? phone) => phone is not null && MobilePattern().IsMatch(phone);

    /// <summary>18 characters: 17 digits with a valid birth date, then the ISO 7064 MOD 11-2 check character.</summary>
    public static string? IdCardProblem(string? id)
    {
        if (id is null || id.Length != 18) return "an ID card number has 18 characters";
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(id[i])) return "the first 17 characters of an ID card number are digits";
        if (!DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var birth) || birth.Year < 1900)
            return "characters 7–14 of an ID card number are the date of birth (yyyyMMdd)";
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (id[i] - '0') * Weights[i];
        var expected = CheckChars[sum % 11];
        return char.ToUpperInvariant(id[17]) == expected ? null : "the check character does not match (GB 11643)";
    }

    /// <summary>
    /// A mobile number as people type it ("138 0013 8000", "+86-138…", "0086…") reduced to its 11 digits; null when
    /// it is not a mainland mobile number.
    /// </summary>
    public static string? NormalizeMobile(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 30) return null;
        var digits = new string(text.Where(ch => ch is not (' ' or '-' or '(' or ')')).ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        else if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        return IsMobile(digits) ? digits : null;
    }

    public static string Normalize(string id) => id.Trim().ToUpperInvariant();

    /// <summary>13812345678 → 138****5678.</summary>
    public static string MaskPhone(string phone) => phone.Length < 7 ? "****" : phone[..3] + "****" + phone[^4..];

    /// <summary>510104199001011234 → 5101**********1234: region kept, birth date hidden.</summary>
    public static string MaskIdCard(string id) => id.Length < 8 ? "****" : id[..4] + new string('*', id.Length - 8) + id[^4..];
}
