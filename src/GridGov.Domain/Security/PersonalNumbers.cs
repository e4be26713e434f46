using System.Text.RegularExpressions;

namespace GridGov.Domain.Security;

/// <summary>Validation and masking of personal numbers (PIPL): ID card (GB 11643-1999) and mainland mobile.</summary>
public static partial class PersonalNumbers
{
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
        var expected = People.IdNumber.CheckCharacterFor(id);
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

    // An ID-card number as typed (optionally split after the region and the birth date), or a mobile number with an
    // optional +86 / 0086 / 86 prefix, split 3-4-4 by spaces, dashes or dots. Neither may be part of a longer run of
    // digits. The ID alternative comes first so that it wins at the same position.
    [GeneratedRegex(
        @"(?<![0-9])(?:(?<id>[1-9][0-9]{5}[- ]?(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[- ]?[0-9]{3}[0-9Xx])(?![0-9A-Za-z])" +
        @"|(?:(?:\+|00)?86[- .]?)?(?<mobile>1[3-9][0-9](?:[- .]?[0-9]{4}){2})(?![0-9]))")]
    private static partial Regex NumberInText();

    /// <summary>
    /// Masks the mobile and ID-card numbers someone typed into free text ("+86 138-0013-8000" → 138****8000,
    /// "110101199003074573" → 1101**********4573); full-width digits count too. Everything else is left as it was.
    /// </summary>
    public static string? MaskInText(string? text)
    {
        if (text is null || text.Count(IsDigit) < 11) return text; // the common case: nothing to look for
        // Matched on a copy with full-width forms folded to ASCII (same length, so the indexes hold for the original).
        var folded = string.Create(text.Length, text, static (span, t) =>
        {
            for (var i = 0; i < t.Length; i++) span[i] = Fold(t[i]);
        });
        var result = new System.Text.StringBuilder(text.Length);
        var at = 0;
        foreach (Match m in NumberInText().Matches(folded))
        {
            var number = m.Groups["id"].Success ? m.Groups["id"] : m.Groups["mobile"];
            var digits = new string(number.Value.Where(c => char.IsAsciiDigit(c) || c is 'X' or 'x').ToArray());
            result.Append(text, at, m.Index - at).Append(m.Groups["id"].Success ? MaskIdCard(digits) : MaskPhone(digits));
            at = m.Index + m.Length;
        }
        return at == 0 ? text : result.Append(text, at, text.Length - at).ToString();
    }

    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    private static char Fold(char c) => c switch
    {
        >= '０' and <= '９' => (char)('0' + (c - '０')),
        '＋' => '+',
        '－' => '-',
        'Ｘ' => 'X',
        'ｘ' => 'x',
        '　' => ' ',
        _ => c,
    };
}
