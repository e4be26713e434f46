using GridGov.Web.Ui;

namespace GridGov.Web.Features.Dashboard;

/// <summary>How a case reached us, by the name a command centre uses (the wire values are <c>CaseMapping.Sources</c>).</summary>
public static class SourceNames
{
    public static string Of(string source) => source switch
    {
        "patrol" => UiText.Z("网格员巡查", "Grid worker patrol"),
        "resident" => UiText.Z("居民上报", "Resident"),
        "hotline" => UiText.Z("12345热线", "12345 hotline"),
        "sensor" => UiText.Z("智能感知", "Sensor"),
        "camera" => UiText.Z("视频监控", "Camera"),
        "enterprise" => UiText.Z("企业诉求", "Enterprise"),
        "open311" => UiText.Z("第三方应用", "Third-party app"),
        "app" => UiText.Z("市民App", "Citizen app"),
        _ => source,
    };
}
