namespace GridGov.Domain.Cases;

/// <summary>The words residents and third-party apps read for each step of a case (its staff notes stay internal).</summary>
public static class PublicSteps
{
    /// <summary>What the public may read of one history step (null: an internal step).</summary>
    public static string? Note(CaseAction? action, string? stepNote, long? mergedIntoId) => action switch
    {
        CaseAction.Report => "已收到，等待受理",
        CaseAction.SelfResolve => "已由网格员现场处置办结",
        CaseAction.Register => "已立案，正在安排处置",
        CaseAction.Reject => "不予受理：" + (stepNote switch
        {
            { } n when n.StartsWith("[duplicate]", StringComparison.Ordinal) => "重复上报",
            { } n when n.StartsWith("[not_ours]", StringComparison.Ordinal) => "不属于本辖区或本部门职责",
            { } n when n.StartsWith("[invalid]", StringComparison.Ordinal) => "经核实不属于需要处置的问题",
            _ => "经核实不予受理",
        }),
        CaseAction.Merge => mergedIntoId is { } into ? $"与其他请求重复，已合并至请求 {into} 一并处理" : "与其他请求重复，已合并处理",
        CaseAction.Dispatch => "已派遣至处置单位",
        CaseAction.Accept => "处置单位已响应，正在处置",
        CaseAction.Feedback => "已处置，等待核查",
        CaseAction.VerifyPass => "经核查已办结",
        CaseAction.VerifyFail => "核查未通过，继续处置",
        CaseAction.Escalate => "已上报上级协调处置",
        CaseAction.ApproveSuspension => "暂缓办理",
        CaseAction.Resume => "恢复办理",
        CaseAction.ApproveExtension => "办理期限已延长",
        CaseAction.Reopen => "已重新办理",
        _ => null, // requests and denials of suspension or extension, evaluations: internal
    };
}
