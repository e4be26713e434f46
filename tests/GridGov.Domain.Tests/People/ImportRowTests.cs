using GridGov.Domain.People;

namespace GridGov.Domain.Tests.People;

public sealed class ImportRowTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private const string Valid = "11010519491231002X"; // GB 11643's own example

    private static ImportedRow Parse(Dictionary<ImportColumn, string?> cells) =>
        ImportRowParser.Parse(2, c => cells.GetValueOrDefault(c), Today, ResidentTags.Default);

    private static Dictionary<ImportColumn, string?> Row(string? id = Valid) => new()
    {
        [ImportColumn.Name] = "王秀英", [ImportColumn.IdNumber] = id, [ImportColumn.Phone] = "13912345678", [ImportColumn.Registration] = "户籍",
        [ImportColumn.Tags] = "独居老人、低保", [ImportColumn.Compound] = "望江小区", [ImportColumn.Building] = "5栋", [ImportColumn.Unit] = "2单元",
        [ImportColumn.Number] = "502室", [ImportColumn.Relation] = "本人", [ImportColumn.MovedIn] = "2010/5/1",
    };

    [Fact]
    public void Headers_are_found_by_the_names_offices_use_and_a_missing_required_column_is_named()
    {
        var header = ImportColumns.Map(["序号", "姓名*", "公民身份号码", "手机号", "人口类型（户籍/流动/境外）", "小区", "楼栋", "单元", "房号", "与户主关系", "备注"]);
        Assert.True(header.Ok);
        Assert.Equal(2, header.Index[ImportColumn.IdNumber]);
        Assert.Equal(3, header.Index[ImportColumn.Phone]);
        Assert.False(header.Has(ImportColumn.Tags));

        var missing = ImportColumns.Map(["姓名", "人口类型", "楼栋", "单元", "房号", "与户主关系"]);
        Assert.Equal(new[] { ImportColumn.IdNumber }, missing.Missing);
        Assert.Contains("「身份证号」", missing.Problem());
        Assert.Contains("出现了不止一次", ImportColumns.Map(["姓名", "身份证号", "公民身份号码", "人口类型", "楼栋", "单元", "房号", "与户主关系"]).Problem());
    }

    [Fact]
    public void A_good_row_reads_its_resident_house_relation_and_day()
    {
        var row = Parse(Row());
        Assert.True(row.Valid, string.Join("; ", row.Errors.Select(e => e.Reason)));
        Assert.Equal(new[] { "独居老人", "低保" }, row.Resident!.Tags);
        Assert.Equal(new HouseKey("望江小区", "5栋", 2, "502室"), row.House);
        Assert.Equal("5", row.House!.BuildingKey);
        Assert.Equal("502", row.House.NumberKey);
        Assert.Equal(Relation.Head, row.Relation);
        Assert.Equal(new DateOnly(2010, 5, 1), row.MovedIn);
    }

    [Theory]
    [InlineData("配偶", Relation.FamilyMember)]
    [InlineData("女儿", Relation.FamilyMember)]
    [InlineData("租客", Relation.Tenant)]
    [InlineData("tenant", Relation.Tenant)]
    [InlineData("户主", Relation.Head)]
    public void Kinship_words_read_as_relations(string text, Relation expected) => Assert.Equal(expected, Relations.Parse(text));

    [Fact]
    public void Every_problem_of_a_row_is_located_by_column_in_Chinese_with_the_value_typed_masked()
    {
        var cells = Row("110105194912310");
        cells[ImportColumn.Phone] = "12345";
        cells[ImportColumn.Registration] = "常住";
        cells[ImportColumn.Tags] = "独居老人、富豪";
        cells[ImportColumn.Unit] = "甲";
        cells[ImportColumn.MovedIn] = "明年";
        var row = Parse(cells);
        Assert.False(row.Valid);
        var byColumn = row.Errors.ToDictionary(e => e.Column);
        Assert.Equal("身份证号应为18位", byColumn[ImportColumn.IdNumber].Reason);
        Assert.Equal("1101*******2310", byColumn[ImportColumn.IdNumber].Value);
        Assert.Contains("常住", byColumn[ImportColumn.Registration].Reason);
        Assert.Equal("富豪", byColumn[ImportColumn.Tags].Value);
        Assert.StartsWith("单元：", byColumn[ImportColumn.Unit].Reason);
        Assert.StartsWith("入住日期：", byColumn[ImportColumn.MovedIn].Reason);
        Assert.StartsWith("手机号：", byColumn[ImportColumn.Phone].Reason);
    }

    [Fact]
    public void A_future_birth_date_and_a_future_move_in_are_refused()
    {
        var later = IdNumber.Compose("510104", new DateOnly(2026, 12, 5), 1).Value.Replace("20261205", "20271205", StringComparison.Ordinal);
        Assert.Equal("身份证号中的出生日期晚于今天", Assert.Single(Parse(Row(later)).Errors).Reason);
        var cells = Row();
        cells[ImportColumn.MovedIn] = "2027-01-01";
        Assert.Equal("入住日期：不能晚于今天", Assert.Single(Parse(cells).Errors).Reason);
    }

    [Fact]
    public void A_number_whose_only_fault_is_its_check_character_is_read_as_its_digits_call_for_and_flagged()
    {
        var row = Parse(Row("110105194912310021"));
        Assert.True(row.Valid);
        Assert.Equal(Valid, row.Resident!.IdNumber!.Value.Value);
        Assert.NotNull(row.CheckCharacter);
        Assert.Contains("校验位", row.CheckCharacter!.Reason);
    }

    [Fact]
    public void An_id_number_Excel_turned_into_a_number_says_so()
    {
        var row = Parse(Row("1.10105194912310E+17"));
        Assert.Contains("科学计数法", Assert.Single(row.Errors).Reason);
    }

    [Fact]
    public void House_cells_go_together_and_a_house_needs_a_relation()
    {
        var partial = Row();
        partial[ImportColumn.Unit] = null;
        Assert.StartsWith("单元：请填写", Assert.Single(Parse(partial).Errors).Reason);
        var noRelation = Row();
        noRelation[ImportColumn.Relation] = null;
        Assert.StartsWith("与户主关系：请填写", Assert.Single(Parse(noRelation).Errors).Reason);
        var noHouse = Row();
        foreach (var c in new[] { ImportColumn.Compound, ImportColumn.Building, ImportColumn.Unit, ImportColumn.Number, ImportColumn.Relation }) noHouse[c] = null;
        var row = Parse(noHouse);
        Assert.True(row.Valid);
        Assert.Null(row.House);
    }

    [Theory]
    [InlineData("2020-05-01")]
    [InlineData("2020/5/1")]
    [InlineData("2020.05.01")]
    [InlineData("20200501")]
    [InlineData("2020年5月1日")]
    [InlineData("43952")] // an Excel date cell: days since 1899-12-30
    public void Dates_are_read_as_offices_type_them(string text) => Assert.Equal(new DateOnly(2020, 5, 1), ImportText.Date(text));
}
