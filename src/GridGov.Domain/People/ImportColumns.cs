namespace GridGov.Domain.People;

/// <summary>The columns of a residents' sheet (实有人口登记表) as community offices keep them in Excel.</summary>
public enum ImportColumn { Name, IdNumber, Document, Phone, Registration, Tags, Compound, Building, Unit, Number, Relation, MovedIn }

/// <summary>Which column of the file holds which field, or what is wrong with the header row.</summary>
public sealed record ImportHeader(IReadOnlyDictionary<ImportColumn, int> Index, IReadOnlyList<ImportColumn> Missing, IReadOnlyList<ImportColumn> Twice)
{
    public bool Ok => Missing.Count == 0 && Twice.Count == 0;

    public bool Has(ImportColumn column) => Index.ContainsKey(column);

    /// <summary>One message for the whole header, naming every missing or doubled column (zh-CN).</summary>
    public string? Problem()
    {
        var parts = new List<string>();
        if (Missing.Count > 0)
            parts.Add("缺少必填列" + string.Join("、", Missing.Select(c => $"「{ImportColumns.Header(c)}」")) + "（表头须在第一行）");
        if (Twice.Count > 0)
            parts.Add("这些列出现了不止一次：" + string.Join("、", Twice.Select(c => $"「{ImportColumns.Header(c)}」")));
        return parts.Count == 0 ? null : string.Join("；", parts);
    }
}

/// <summary>
/// Header names as offices write them: the name the export uses first, then common variants (公民身份号码, 手机号 …).
/// A header is matched after removing spaces, a required-mark (*) and a remark in brackets (姓名（必填）).
/// Columns the registry does not know (序号, 备注) are ignored.
/// </summary>
public static class ImportColumns
{
    private static readonly (ImportColumn Column, string[] Names)[] Names =
    [
        (ImportColumn.Name, ["姓名", "名字", "居民姓名", "人员姓名"]),
        (ImportColumn.IdNumber, ["身份证号", "公民身份号码", "身份证号码", "身份证", "居民身份证号码", "身份证件号码"]),
        (ImportColumn.Document, ["证件号码", "护照号码", "护照号", "其他证件号码"]),
        (ImportColumn.Phone, ["联系电话", "手机号", "手机号码", "手机", "电话", "联系方式"]),
        (ImportColumn.Registration, ["人口类型", "人员类型", "人口类别", "户籍类型"]),
        (ImportColumn.Tags, ["标签", "人员标签", "人群标签", "特殊人群"]),
        (ImportColumn.Compound, ["小区", "小区名称", "院落", "小区院落", "小区/院落"]),
        (ImportColumn.Building, ["楼栋", "楼栋号", "楼号", "栋", "幢"]),
        (ImportColumn.Unit, ["单元", "单元号"]),
        (ImportColumn.Number, ["房号", "门牌号", "房间号", "户号", "室号"]),
        (ImportColumn.Relation, ["与户主关系", "关系", "人房关系"]),
        (ImportColumn.MovedIn, ["入住日期", "入住时间", "居住起始日期"]),
    ];

    private static readonly Dictionary<string, ImportColumn> ByName =
        Names.SelectMany(n => n.Names.Select(name => (name, n.Column))).ToDictionary(x => x.name, x => x.Column, StringComparer.Ordinal);

    /// <summary>Columns a file must have; the others are optional (an absent column changes nothing on an existing record).</summary>
    public static readonly IReadOnlyList<ImportColumn> Required =
        [ImportColumn.Name, ImportColumn.IdNumber, ImportColumn.Registration, ImportColumn.Building, ImportColumn.Unit, ImportColumn.Number, ImportColumn.Relation];

    /// <summary>The order the export writes (and the template shows).</summary>
    public static readonly IReadOnlyList<ImportColumn> ExportOrder =
    [
        ImportColumn.Name, ImportColumn.IdNumber, ImportColumn.Document, ImportColumn.Phone, ImportColumn.Registration, ImportColumn.Tags,
        ImportColumn.Compound, ImportColumn.Building, ImportColumn.Unit, ImportColumn.Number, ImportColumn.Relation, ImportColumn.MovedIn,
    ];

    public static string Header(ImportColumn column) => Names.First(n => n.Column == column).Names[0];

    public static ImportHeader Map(IReadOnlyList<string?> header)
    {
        var index = new Dictionary<ImportColumn, int>();
        var twice = new List<ImportColumn>();
        for (var i = 0; i < header.Count; i++)
        {
            if (!ByName.TryGetValue(Clean(header[i]), out var column)) continue;
            if (!index.TryAdd(column, i) && !twice.Contains(column)) twice.Add(column);
        }
        var missing = Required.Where(c => !index.ContainsKey(c)).ToList();
        return new ImportHeader(index, missing, twice);
    }

    private static string Clean(string? text)
    {
        var t = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('*' or '＊')).ToArray());
        foreach (var open in new[] { '（', '(' })
        {
            var at = t.IndexOf(open, StringComparison.Ordinal);
            if (at > 0) t = t[..at];
        }
        return t.Replace('／', '/');
    }
}
