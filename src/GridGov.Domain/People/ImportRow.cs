using System.Globalization;

namespace GridGov.Domain.People;

/// <summary>One thing wrong in a row: the column, the reason (zh-CN, naming the field) and the value as typed (numbers masked).</summary>
public sealed record ImportCellError(ImportColumn Column, string Reason, string? Value);

/// <summary>
/// Where a row says the person lives, as the sheet names it: compound (may be empty for a building outside any),
/// building, unit and door. <see cref="BuildingKey"/> and <see cref="NumberKey"/> compare 5栋 with 5 and 502室 with 502.
/// </summary>
public sealed record HouseKey(string Compound, string Building, int Unit, string Number)
{
    public string BuildingKey => ImportText.BuildingKey(Building);

    public string NumberKey => ImportText.NumberKey(Number);

    public override string ToString() => $"{Compound}{Building}{Unit}单元{Number}";
}

/// <summary>
/// A row read and checked on its own (before it is matched against the registry). <see cref="CheckCharacter"/> is set
/// when the only problem is the ID number's check character: the resident then carries the number as its first 17
/// digits call for, and the matcher decides whether a registered record shares them (a typo: review) or not (an error).
/// </summary>
public sealed record ImportedRow(int RowNumber, ValidResident? Resident, HouseKey? House, Relation? Relation, DateOnly? MovedIn,
    IReadOnlyList<ImportCellError> Errors, ImportCellError? CheckCharacter = null)
{
    public bool Valid => Errors.Count == 0 && Resident is not null;
}

/// <summary>Reads one row of a residents' sheet: the resident through <see cref="ResidentDraft"/>, the house, the relation and the day.</summary>
public static class ImportRowParser
{
    private static readonly char[] TagSeparators = ['、', ',', '，', ';', '；', '|', ' ', '\u3000', '/'];

    public static ImportedRow Parse(int rowNumber, Func<ImportColumn, string?> cell, DateOnly today, IReadOnlyCollection<string> allowedTags)
    {
        string? Cell(ImportColumn c) => cell(c) is { } v && v.Trim() is { Length: > 0 } t ? t : null;
        var errors = new List<ImportCellError>();
        var idText = Cell(ImportColumn.IdNumber);
        var tags = Cell(ImportColumn.Tags)?.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var draft = new ResidentDraft(Cell(ImportColumn.Name), idText, Cell(ImportColumn.Document), Cell(ImportColumn.Phone),
            Cell(ImportColumn.Registration), tags);
        var (resident, draftErrors) = draft.Build(today, allowedTags);
        ImportCellError? checkCharacter = null;
        foreach (var e in draftErrors)
        {
            var column = ColumnOf(e.Field);
            var typed = column == ImportColumn.Tags && e.Value is not null ? e.Value : Cell(column);
            var reason = ResidentDraft.Chinese(e);
            if (column == ImportColumn.IdNumber && idText is not null && idText.Contains("E+", StringComparison.OrdinalIgnoreCase))
                reason = "身份证号：Excel 把它存成了数字（科学计数法），末几位已丢失；请把该列设为文本后重新填写";
            errors.Add(new ImportCellError(column, reason, Mask(column, typed)));
        }
        // Only the check character wrong: read the number as its first 17 digits call for; the matcher decides.
        if (resident is null && draftErrors is [{ Problem: ResidentProblem.IdNumber, IdProblem: IdNumberProblem.CheckCharacter }] && idText is not null)
        {
            var body = new string(idText.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c).ToArray())[..17];
            var corrected = body + IdNumber.CheckCharacterFor(body);
            var (fixedResident, none) = (draft with { IdNumber = corrected }).Build(today, allowedTags);
            if (none.Count == 0)
            {
                checkCharacter = errors[0];
                errors.Clear();
                resident = fixedResident;
            }
        }

        var house = House(Cell, errors);
        Relation? relation = null;
        if (Cell(ImportColumn.Relation) is { } rel)
        {
            relation = Relations.Parse(rel);
            if (relation is null) errors.Add(new(ImportColumn.Relation, $"与户主关系：没有「{rel}」这一类（可填户主、家庭成员、租户、借住、工作，或本人、配偶、子女等）", rel));
        }
        else if (house is not null) errors.Add(new(ImportColumn.Relation, "与户主关系：请填写（户主、家庭成员、租户、借住、工作，或本人、配偶、子女等）", null));

        DateOnly? movedIn = null;
        if (Cell(ImportColumn.MovedIn) is { } day)
        {
            movedIn = ImportText.Date(day);
            if (movedIn is null) errors.Add(new(ImportColumn.MovedIn, $"入住日期：「{day}」不是日期（如 2020-05-01）", day));
            else if (movedIn > today) errors.Add(new(ImportColumn.MovedIn, "入住日期：不能晚于今天", day));
            else if (resident?.BirthDate is { } birth && movedIn < birth) errors.Add(new(ImportColumn.MovedIn, "入住日期：早于出生日期", day));
        }
        return new ImportedRow(rowNumber, errors.Count == 0 ? resident : null, house, relation, movedIn, errors, checkCharacter);
    }

    private static HouseKey? House(Func<ImportColumn, string?> cell, List<ImportCellError> errors)
    {
        var compound = cell(ImportColumn.Compound) ?? "";
        var building = cell(ImportColumn.Building);
        var unit = cell(ImportColumn.Unit);
        var number = cell(ImportColumn.Number);
        if (building is null && unit is null && number is null) return compound.Length == 0 ? null : Missing(ImportColumn.Building);
        if (building is null) return Missing(ImportColumn.Building);
        if (unit is null) return Missing(ImportColumn.Unit);
        if (number is null) return Missing(ImportColumn.Number);
        if (ImportText.Unit(unit) is not { } u)
        {
            errors.Add(new(ImportColumn.Unit, $"单元：「{unit}」不是单元号（如 2 或 2单元）", unit));
            return null;
        }
        if (building.Length > 50 || number.Length > 20 || compound.Length > 100)
        {
            errors.Add(new(number.Length > 20 ? ImportColumn.Number : building.Length > 50 ? ImportColumn.Building : ImportColumn.Compound, "房屋：名称过长", null));
            return null;
        }
        return new HouseKey(compound, building, u, number);

        HouseKey? Missing(ImportColumn column)
        {
            errors.Add(new(column, $"{ImportColumns.Header(column)}：请填写（小区、楼栋、单元、房号须一起填写，或都不填）", null));
            return null;
        }
    }

    private static ImportColumn ColumnOf(ResidentField field) => field switch
    {
        ResidentField.Name => ImportColumn.Name,
        ResidentField.IdNumber => ImportColumn.IdNumber,
        ResidentField.Document => ImportColumn.Document,
        ResidentField.Phone => ImportColumn.Phone,
        ResidentField.Registration => ImportColumn.Registration,
        _ => ImportColumn.Tags,
    };

    /// <summary>Numbers typed in error are kept masked (the row number finds them in the file): 5101**********1234.</summary>
    public static string? Mask(ImportColumn column, string? value)
    {
        if (value is null || column is not (ImportColumn.IdNumber or ImportColumn.Phone or ImportColumn.Document)) return value;
        return value.Length switch
        {
            >= 10 => value[..4] + new string('*', value.Length - 8) + value[^4..],
            >= 7 => value[..2] + new string('*', value.Length - 4) + value[^2..],
            _ => new string('*', value.Length),
        };
    }
}

/// <summary>How a sheet's 与户主关系 reads: the registry's five relations, and the kinship words offices write instead.</summary>
public static class Relations
{
    private static readonly Dictionary<string, Relation> Words = new(StringComparer.Ordinal)
    {
        ["本人"] = Relation.Head, ["户主本人"] = Relation.Head,
        ["租客"] = Relation.Tenant, ["承租人"] = Relation.Tenant, ["租住"] = Relation.Tenant,
        ["寄住"] = Relation.Lodger, ["暂住"] = Relation.Lodger,
        ["员工"] = Relation.Worker, ["雇员"] = Relation.Worker, ["保姆"] = Relation.Worker,
    };

    private static readonly HashSet<string> Family = new(StringComparer.Ordinal)
    {
        "配偶", "妻", "妻子", "夫", "丈夫", "子", "女", "儿子", "女儿", "长子", "次子", "长女", "次女", "独生子", "独生女", "养子", "养女",
        "父亲", "母亲", "父", "母", "公公", "婆婆", "岳父", "岳母", "祖父", "祖母", "外祖父", "外祖母", "孙子", "孙女", "外孙子", "外孙女",
        "兄", "弟", "姐", "妹", "兄弟", "姐妹", "儿媳", "女婿", "孙媳妇", "侄子", "侄女", "亲属", "其他亲属", "家属", "家人",
    };

    public static Relation? Parse(string text)
    {
        var t = text.Trim();
        if (PeopleNames.Parse<Relation>(t) is { } r) return r;
        if (Words.TryGetValue(t, out var w)) return w;
        return Family.Contains(t) ? Relation.FamilyMember : null;
    }
}

/// <summary>The small text rules of a sheet: unit numbers, building and door names, dates as offices type them.</summary>
public static class ImportText
{
    private const string Numerals = "一二三四五六七八九十";

    public static int? Unit(string text)
    {
        var t = text.Trim().Replace("单元", "", StringComparison.Ordinal).Trim();
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n is >= 1 and <= 99 ? n : null;
        return t.Length == 1 && Numerals.IndexOf(t[0], StringComparison.Ordinal) is var i and >= 0 ? i + 1 : null;
    }

    /// <summary>5栋, 5幢, 5号楼 and 5 are one building; other names (A座, 综合楼) compare as written.</summary>
    public static string BuildingKey(string name)
    {
        var t = name.Trim();
        foreach (var suffix in new[] { "号楼", "栋", "幢", "座", "楼" })
            if (t.Length > suffix.Length && t.EndsWith(suffix, StringComparison.Ordinal) && char.IsAsciiDigit(t[^(suffix.Length + 1)]))
                return t[..^suffix.Length];
        return t;
    }

    /// <summary>502室, 502号 and 502 are one door.</summary>
    public static string NumberKey(string number)
    {
        var t = number.Trim();
        return t.Length > 1 && (t.EndsWith('室') || t.EndsWith('号')) ? t[..^1] : t;
    }

    private static readonly string[] Formats =
        ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm"];

    /// <summary>A date as typed, or an Excel date serial (days since 1899-12-30) as a sheet stores date cells.</summary>
    public static DateOnly? Date(string text)
    {
        var t = text.Trim();
        if (t.Length is >= 4 and <= 6 && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 80_000)
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        return DateTime.TryParseExact(t, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? DateOnly.FromDateTime(d) : null;
    }
}
