using System.Globalization;
using GridGov.Data.Entities;
using GridGov.Domain.Cases;

namespace GridGov.Data.Cases;

/// <summary>
/// The columns of cases that a new case is written with by the intake batches (<see cref="IntakeBatchPostgres"/>,
/// <see cref="IntakeBatchSqlite"/>), defined once: each taken from the report's <see cref="Case"/> or the same for every
/// new case. Every other column starts NULL (or as the database computes it), so a column that may not be NULL and has
/// no default must be added here; a test compares this list with the EF model (CaseIntakeColumnsTests).
/// </summary>
public static class CaseIntakeColumns
{
    public static readonly IReadOnlyList<IntakeColumn> All =
    [
        IntakeColumn.From("tracking_no", c => c.TrackingNo),
        IntakeColumn.From("category_code", c => c.CategoryCode),
        IntakeColumn.From("description", c => c.Description),
        IntakeColumn.From("source", c => c.Source),
        IntakeColumn.Always("status", (int)CaseStatus.Reported),
        IntakeColumn.Always("pending", (int)PendingRequest.None),
        IntakeColumn.From("lon", c => c.Lon),
        IntakeColumn.From("lat", c => c.Lat),
        IntakeColumn.From("address_text", c => c.AddressText),
        IntakeColumn.From("area_code", c => c.AreaCode),
        IntakeColumn.From("district_code", c => c.DistrictCode),
        IntakeColumn.From("location_flagged", c => c.LocationFlagged),
        IntakeColumn.From("reporter_user_id", c => c.ReporterUserId),
        IntakeColumn.From("reporter_name", c => c.ReporterName),
        IntakeColumn.From("reporter_phone_masked", c => c.ReporterPhoneMasked),
        IntakeColumn.From("reporter_phone_cipher", c => c.ReporterPhoneCipher),
        IntakeColumn.From("handler_level", c => (int)c.HandlerLevel),
        IntakeColumn.From("reported_at", c => c.ReportedAt),
        IntakeColumn.Always("suspended_hours", 0),
        IntakeColumn.Always("escalation_count", 0),
        IntakeColumn.Always("rework_count", 0),
        IntakeColumn.From("idempotency_key", c => c.IdempotencyKey),
        IntakeColumn.Always("version", 1),
        IntakeColumn.Always("self_resolved", false),
    ];

    /// <summary>The columns whose values come from the report, in the order of <see cref="All"/>.</summary>
    public static readonly IReadOnlyList<IntakeColumn> FromReport = All.Where(c => !c.IsConstant).ToList();

    /// <summary>What follows INSERT INTO: "cases (tracking_no, …)".</summary>
    public static readonly string Into = $"cases ({string.Join(", ", All.Select(c => c.Name))})";

    /// <summary>
    /// The expressions in column order: a constant as a literal of the provider, a report's value as
    /// <paramref name="valueOf"/> says (an array column of unnest, a parameter).
    /// </summary>
    public static string Values(DatabaseProvider provider, Func<string, string> valueOf) =>
        string.Join(", ", All.Select(c => c.IsConstant ? c.Literal(provider) : valueOf(c.Name)));
}

/// <summary>One column of <see cref="CaseIntakeColumns"/>: taken from the report's case, or the same for every new case.</summary>
public sealed class IntakeColumn
{
    private readonly Func<Case, object?>? _value;
    private readonly Func<IReadOnlyList<PendingIntake>, Array>? _values;

    private IntakeColumn(string name, object? constant, Func<Case, object?>? value, Func<IReadOnlyList<PendingIntake>, Array>? values) =>
        (Name, Constant, _value, _values) = (name, constant, value, values);

    public string Name { get; }

    /// <summary>The value of every new case (an int, a bool), or null when the value is the report's.</summary>
    public object? Constant { get; }

    public bool IsConstant => _value is null;

    public static IntakeColumn From<T>(string name, Func<Case, T> value) => new(name, null, c => value(c), batch =>
    {
        // Typed (string[], long?[], DateTime[] …), so Npgsql sends each as an array of the column's type.
        var values = new T[batch.Count];
        for (var i = 0; i < values.Length; i++) values[i] = value(batch[i].Case);
        return values;
    });

    public static IntakeColumn Always(string name, object value) => new(name, value, null, null);

    /// <summary>This column's value for one case (SQLite binds it per row).</summary>
    public object? ValueOf(Case c) => _value is null ? Constant : _value(c);

    /// <summary>This column's values for a batch, as a typed array (PostgreSQL binds it for unnest).</summary>
    public Array ValuesOf(IReadOnlyList<PendingIntake> batch) =>
        _values?.Invoke(batch) ?? throw new InvalidOperationException($"{Name} is the same for every case: it is written as a literal");

    /// <summary>The constant as SQL (SQLite stores a bool as 0 or 1).</summary>
    public string Literal(DatabaseProvider provider) => Constant switch
    {
        bool b when provider == DatabaseProvider.Postgres => b ? "true" : "false",
        bool b => b ? "1" : "0",
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"{Name}: no literal for {Constant?.GetType().Name ?? "a value from the report"}"),
    };
}
