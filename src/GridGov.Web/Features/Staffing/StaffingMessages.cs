using GridGov.Data.Entities;

namespace GridGov.Web.Features.Staffing;

public sealed record NewStaffMember(string? Name, string? AreaCode, string? Phone, string? IdNumber);
public sealed record StaffMemberDto(long Id, string Name, string AreaCode, string? Phone, string? IdNumber);
public sealed record StaffMemberContact(long Id, string Name, string? Phone, string? IdNumber);
public sealed record NewAssignment(long? StaffMemberId, string? Role, string? Note);
public sealed record EndAssignment(string? Note);
public sealed record AssignmentDto(
    long Id, string GridCode, long StaffMemberId, string StaffMemberName, string? Phone, string Role, string RoleLabel,
    DateTime StartedAt, DateTime? EndedAt, string? Note, string? EndNote);

public static class GridRoles
{
    public static string ToWire(this GridRole role) => role switch
    {
        GridRole.FullTimeWorker => "full_time_worker",
        GridRole.MicroGridWorker => "micro_grid_worker",
        GridRole.GridHead => "grid_head",
        GridRole.SinkingCadre => "sinking_cadre",
        GridRole.Volunteer => "volunteer",
        _ => role.ToString(),
    };

    /// <summary>A role in the reader's language (the Chinese from <see cref="ToChinese"/>); a wire name not known stays as it is.</summary>
    public static string Label(string role) => Parse(role) is not { } r ? role : !Ui.UiText.IsEnglish ? r.ToChinese() : r switch
    {
        GridRole.FullTimeWorker => "Full-time grid worker",
        GridRole.MicroGridWorker => "Micro-grid worker",
        GridRole.GridHead => "Grid head",
        GridRole.SinkingCadre => "Cadre on secondment",
        _ => "Volunteer",
    };

    public static string ToChinese(this GridRole role) => role switch
    {
        GridRole.FullTimeWorker => "专职网格员",
        GridRole.MicroGridWorker => "微网格员",
        GridRole.GridHead => "网格长",
        GridRole.SinkingCadre => "下沉干部",
        GridRole.Volunteer => "志愿者",
        _ => role.ToString(),
    };

    public static GridRole? Parse(string? wire) =>
        Enum.GetValues<GridRole>().Cast<GridRole?>().FirstOrDefault(r => r!.Value.ToWire() == wire);

    public static string All => string.Join(", ", Enum.GetValues<GridRole>().Select(r => r.ToWire()));
}
