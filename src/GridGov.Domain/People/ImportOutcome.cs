namespace GridGov.Domain.People;

/// <summary>What an imported row comes to once matched against the registry.</summary>
public enum ImportOutcome
{
    /// <summary>A located problem: the row is not written.</summary>
    Error = 1,

    /// <summary>No record has this ID number and none may be the same person: a new record.</summary>
    New = 2,

    /// <summary>The record with this ID number (exact, by keyed hash), with something changed.</summary>
    Update = 3,

    /// <summary>The record with this ID number, already as the row says (re-importing a file changes nothing).</summary>
    Unchanged = 4,

    /// <summary>A record that may be the same person: a person decides in the review queue, never merged automatically.</summary>
    Review = 5,
}

/// <summary>The stages of an import batch, in order; <see cref="Failed"/> ends one early.</summary>
public enum ImportStage { Queued = 1, Parsing = 2, Validating = 3, Matching = 4, Ready = 5, Committing = 6, Committed = 7, Failed = 8 }

/// <summary>A review item's state: open until a person says whether the row is the registered person or another one.</summary>
public enum ReviewStatus { Open = 1, SamePerson = 2, DifferentPerson = 3 }

public static class ImportNames
{
    public static string Wire(this ImportOutcome o) => o switch
    {
        ImportOutcome.Error => "error", ImportOutcome.New => "new", ImportOutcome.Update => "update",
        ImportOutcome.Unchanged => "unchanged", _ => "review",
    };

    public static string Chinese(this ImportOutcome o) => o switch
    {
        ImportOutcome.Error => "错误", ImportOutcome.New => "新增", ImportOutcome.Update => "更新", ImportOutcome.Unchanged => "无变化", _ => "待核对",
    };

    public static string Wire(this ImportStage s) => s switch
    {
        ImportStage.Queued => "queued", ImportStage.Parsing => "parsing", ImportStage.Validating => "validating",
        ImportStage.Matching => "matching", ImportStage.Ready => "ready", ImportStage.Committing => "committing",
        ImportStage.Committed => "committed", _ => "failed",
    };

    public static string Chinese(this ImportStage s) => s switch
    {
        ImportStage.Queued => "排队中", ImportStage.Parsing => "读取文件", ImportStage.Validating => "逐行校验",
        ImportStage.Matching => "比对登记簿", ImportStage.Ready => "待确认导入", ImportStage.Committing => "正在导入",
        ImportStage.Committed => "已导入", _ => "失败",
    };

    public static string Wire(this ReviewStatus s) => s switch
    {
        ReviewStatus.Open => "open", ReviewStatus.SamePerson => "same_person", _ => "different_person",
    };

    public static string Wire(this DuplicateReason r) => r == DuplicateReason.CheckCharacterDiffers ? "check_character" : "same_name_birth_date_house";

    public static string Chinese(this DuplicateReason r) => r == DuplicateReason.CheckCharacterDiffers
        ? "身份证号与已登记的人只差一位（可能输错）"
        : "同一房屋已登记同名、同出生日期的人";
}
