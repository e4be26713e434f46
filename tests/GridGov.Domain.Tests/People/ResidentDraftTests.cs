using GridGov.Domain.People;

namespace GridGov.Domain.Tests.People;

public sealed class ResidentDraftTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Fact]
    public void A_valid_row_reads_birth_date_and_sex_from_the_id_number_and_normalises_the_phone()
    {
        var (r, errors) = new ResidentDraft(" 王秀英 ", "11010519491231002X", null, "+86 139-1234-5678", "户籍", ["独居老人", "独居老人"])
            .Build(Today, ResidentTags.Default.ToHashSet());
        Assert.Empty(errors);
        Assert.Equal("王秀英", r!.Name);
        Assert.Equal(new DateOnly(1949, 12, 31), r.BirthDate);
        Assert.Equal(Sex.Female, r.Sex);
        Assert.Equal("13912345678", r.Phone);
        Assert.Equal(RegistrationType.Registered, r.Registration);
        Assert.Equal(["独居老人"], r.Tags);
    }

    [Fact]
    public void Every_problem_is_named_at_once_with_the_field_in_chinese()
    {
        var (r, errors) = new ResidentDraft("", "110105203001010021", null, "12345", "外地", ["独居老人", "VIP"])
            .Build(Today, ResidentTags.Default.ToHashSet());
        Assert.Null(r);
        var words = errors.Select(ResidentDraft.Chinese).ToList();
        Assert.Contains("姓名：请填写", words);
        Assert.Contains("身份证号中的出生日期晚于今天", words);
        Assert.DoesNotContain("身份证号：身份证号", words); // the field is named once
        Assert.Contains("手机号：「12345」不是有效的手机号", words);
        Assert.Contains("人口类型：没有「外地」这一类", words);
        Assert.Contains("标签：没有「VIP」这个标签", words);
    }

    [Fact]
    public void A_resident_from_abroad_may_be_registered_by_passport_but_needs_one()
    {
        var tags = ResidentTags.Default.ToHashSet();
        var (r, errors) = new ResidentDraft("John Smith", null, "E12345678", null, "foreign", null).Build(Today, tags);
        Assert.Empty(errors);
        Assert.Null(r!.IdNumber);
        Assert.Equal("E12345678", r.Document);
        var (_, missing) = new ResidentDraft("John Smith", null, null, null, "境外", null).Build(Today, tags);
        Assert.Equal(ResidentField.Document, Assert.Single(missing).Field);
        // Everyone else needs an ID number.
        var (_, local) = new ResidentDraft("李四", null, "E12345678", null, "流动", null).Build(Today, tags);
        Assert.Equal((ResidentField.IdNumber, IdNumberProblem.Missing), (Assert.Single(local).Field, local[0].IdProblem));
    }
}
