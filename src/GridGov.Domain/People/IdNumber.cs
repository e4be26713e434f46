using System.Globalization;

namespace GridGov.Domain.People;

/// <summary>Why a text is not a resident identity card number, in the order they are checked.</summary>
public enum IdNumberProblem { Missing, Length, NotDigits, UnknownRegion, BadBirthDate, FutureBirthDate, CheckCharacter }

/// <summary>
/// A resident identity card number (GB 11643-1999): six digits of the region where it was first issued, the birth
/// date (yyyyMMdd), a three-digit sequence whose last digit is odd for men and even for women, and an ISO 7064
/// MOD 11-2 check character (0–9 or X). Sex and birth date are read from it, never typed separately, so they cannot
/// disagree with it.
/// </summary>
public readonly record struct IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    // Province-level codes (GB/T 2260): the first two digits of every region code; 71 台湾, 81 香港, 82 澳门 and 83 for
    // residence permits of Hong Kong, Macao and Taiwan residents (港澳台居民居住证, same format).
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
        61, 62, 63, 64, 65, 71, 81, 82, 83,
    ];

    private IdNumber(string value) => Value = value;

    /// <summary>18 characters, the check character upper case.</summary>
    public string Value { get; }

    public string RegionCode => Value[..6];

    public DateOnly BirthDate => DateOnly.ParseExact(Value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>The first 17 characters: two numbers that share them differ only in the check character (a typo there).</summary>
    public string Body => Value[..17];

    public int AgeOn(DateOnly day) => Age(BirthDate, day);

    /// <summary>Whole years from <paramref name="birth"/> to <paramref name="day"/> (a birthday counts on the day).</summary>
    public static int Age(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return day < birth.AddYears(age) ? age - 1 : age;
    }

    public override string ToString() => Value;

    /// <summary>
    /// A valid number from its parts (demo data, generators, tests): a six-digit region, a birth date and a sequence of
    /// 0–999 whose parity is the sex (odd for men).
    /// </summary>
    public static IdNumber Compose(string region, DateOnly birth, int sequence)
    {
        if (region.Length != 6 || !region.All(char.IsAsciiDigit)) throw new ArgumentException("a region is six digits", nameof(region));
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999);
        var body = string.Create(CultureInfo.InvariantCulture, $"{region}{birth:yyyyMMdd}{sequence:000}");
        return new IdNumber(body + CheckCharacterFor(body));
    }

    /// <summary>The check character the first 17 digits call for.</summary>
    public static char CheckCharacterFor(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>
    /// Reads a number as people type it (spaces, a lower-case x, full-width digits from a Chinese input method); a birth
    /// date after <paramref name="today"/> is refused.
    /// </summary>
    public static (IdNumber? Number, IdNumberProblem? Problem) Parse(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, IdNumberProblem.Missing);
        Span<char> chars = stackalloc char[18];
        var n = 0;
        foreach (var raw in text)
        {
            var ch = raw is >= '０' and <= '９' ? (char)('0' + (raw - '０')) : raw is 'ｘ' or 'Ｘ' or 'x' ? 'X' : raw;
            if (ch is ' ' or '\u3000' or '-') continue;
            if (n == 18) return (null, IdNumberProblem.Length);
            chars[n++] = ch;
        }
        if (n != 18) return (null, IdNumberProblem.Length);
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(chars[i])) return (null, IdNumberProblem.NotDigits);
        if (!char.IsAsciiDigit(chars[17]) && chars[17] != 'X') return (null, IdNumberProblem.NotDigits);
        if (!Provinces.Contains((chars[0] - '0') * 10 + (chars[1] - '0'))) return (null, IdNumberProblem.UnknownRegion);
        if (!DateOnly.TryParseExact(chars.Slice(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1890)
            return (null, IdNumberProblem.BadBirthDate);
        if (birth > today) return (null, IdNumberProblem.FutureBirthDate);
        if (CheckCharacterFor(chars) != chars[17]) return (null, IdNumberProblem.CheckCharacter);
        return (new IdNumber(new string(chars)), null);
    }

    /// <summary>The problem in words for the person who typed it (zh-CN).</summary>
    public static string Chinese(IdNumberProblem problem) => problem switch
    {
        IdNumberProblem.Missing => "身份证号未填写",
        IdNumberProblem.Length => "身份证号应为18位",
        IdNumberProblem.NotDigits => "身份证号前17位应为数字，最后一位为数字或X",
        IdNumberProblem.UnknownRegion => "身份证号前两位不是有效的省份代码",
        IdNumberProblem.BadBirthDate => "身份证号第7–14位应为有效的出生日期",
        IdNumberProblem.FutureBirthDate => "身份证号中的出生日期晚于今天",
        _ => "身份证号校验位不对，请核对是否输错",
    };

    public static string English(IdNumberProblem problem) => problem switch
    {
        IdNumberProblem.Missing => "an ID number is required",
        IdNumberProblem.Length => "an ID number has 18 characters",
        IdNumberProblem.NotDigits => "the first 17 characters are digits, the last a digit or X",
        IdNumberProblem.UnknownRegion => "the first two digits are not a province code",
        IdNumberProblem.BadBirthDate => "characters 7–14 are the date of birth (yyyyMMdd)",
        IdNumberProblem.FutureBirthDate => "the date of birth is after today",
        _ => "the check character does not match (GB 11643): a digit may be mistyped",
    };
}

public enum Sex { Male = 1, Female = 2 }
