using System.Globalization;

namespace GridGov.Web.Ui;

/// <summary>Numbers as people type them into a form: full-width digits and points from a Chinese input method count.</summary>
public static class FormNumber
{
    /// <summary>The number typed, or null when the box is empty or holds something else (the page then names the field).</summary>
    public static double? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var folded = new string(text.Trim().Select(c => c switch
        {
            >= '０' and <= '９' => (char)('0' + (c - '０')),
            '．' or '。' => '.',
            _ => c,
        }).ToArray());
        return double.TryParse(folded, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
    }
}
