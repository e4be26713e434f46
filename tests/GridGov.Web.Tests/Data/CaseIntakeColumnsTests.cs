using System.Reflection;
using GridGov.Data;
using GridGov.Web.Tests.Infrastructure;
using GridGov.Data.Audit;
using GridGov.Data.Cases;
using GridGov.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GridGov.Web.Tests.Data;

/// <summary>
/// The intake batches and the deadline sweep write cases, case_history, audit_log and notifications in hand-written SQL
/// from the column lists in src/GridGov.Data (CaseIntakeColumns, CaseHistoryInsert, AuditLogInsert, NotificationInsert).
/// These lists must keep up with the EF model: a column that may not be NULL and has no default must be written, and
/// every column written must exist.
/// </summary>
public sealed class CaseIntakeColumnsTests
{
    [Theory]
    [BothDatabases]
    public void Every_required_column_of_cases_is_written_at_intake(DatabaseProvider provider)
    {
        var missing = Required(EntityType<Case>(provider)).Except(CaseIntakeColumns.All.Select(c => c.Name));

        Assert.True(!missing.Any(), $"cases.{string.Join(", cases.", missing)} may not be NULL and has no default, but the intake "
            + "batches do not write it: add it to CaseIntakeColumns.All (src/GridGov.Data/Cases/CaseIntakeColumns.cs), with the "
            + "report's value or the one every new case starts with.");
    }

    [Theory]
    [BothDatabases]
    public void Every_column_written_at_intake_is_a_writable_column_of_cases_named_once(DatabaseProvider provider)
    {
        var names = CaseIntakeColumns.All.Select(c => c.Name).ToList();
        Assert.Empty(names.Except(Writable(EntityType<Case>(provider))));
        Assert.Equal(names.Distinct(), names);
    }

    [Fact]
    public void Each_column_taken_from_the_report_reads_its_own_property()
    {
        var type = EntityType<Case>(DatabaseProvider.Sqlite);
        var c = new Case { TrackingNo = "", CategoryCode = "", Description = "", Source = "", AreaCode = "", DistrictCode = "" };
        var i = 0;
        foreach (var p in type.GetProperties().Select(p => p.PropertyInfo).OfType<PropertyInfo>().Where(p => p.SetMethod?.IsPublic == true))
            p.SetValue(c, Distinct(p.PropertyType, ++i, p.Name));

        foreach (var column in CaseIntakeColumns.FromReport)
        {
            var property = type.GetProperties().Single(p => p.GetColumnName() == column.Name).PropertyInfo!;
            var expected = property.GetValue(c) is Enum e ? Convert.ToInt32(e) : property.GetValue(c);
            Assert.True(Equals(expected, column.ValueOf(c)), $"{column.Name} should read Case.{property.Name}");
        }
    }

    [Theory]
    [BothDatabases]
    public void The_history_audit_and_notification_inserts_write_every_required_column_and_only_real_ones(DatabaseProvider provider)
    {
        Check(EntityType<CaseHistory>(provider), Columns<CaseHistoryInsert>(), nameof(CaseHistoryInsert));
        Check(EntityType<AuditEntry>(provider), Columns<AuditLogInsert>(), nameof(AuditLogInsert));
        Check(EntityType<Notification>(provider), Columns<NotificationInsert>(), nameof(NotificationInsert));

        static void Check(IEntityType type, IReadOnlyList<string> written, string list)
        {
            var missing = Required(type).Except(written).ToList();
            Assert.True(missing.Count == 0, $"{type.GetTableName()}.{string.Join(", ", missing)} is required: add it to {list}");
            Assert.Empty(written.Except(Writable(type)));
        }
    }

    private static IEntityType EntityType<T>(DatabaseProvider provider)
    {
        using var db = DbSetup.Create(provider, provider == DatabaseProvider.Postgres ? "Host=localhost" : "Data Source=:memory:");
        return db.Model.FindEntityType(typeof(T))!;
    }

    /// <summary>Columns a writer may set: neither the generated key nor computed by the database.</summary>
    private static IEnumerable<string> Writable(IEntityType type) => type.GetProperties()
        .Where(p => p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never && p.GetComputedColumnSql() is null)
        .Select(p => p.GetColumnName());

    /// <summary>Writable columns that an INSERT must name: not nullable, no default.</summary>
    private static IEnumerable<string> Required(IEntityType type) => type.GetProperties()
        .Where(p => !p.IsNullable && !p.TryGetDefaultValue(out _) && p.GetDefaultValueSql() is null)
        .Select(p => p.GetColumnName())
        .Intersect(Writable(type));

    /// <summary>The columns of an insert, from a row whose every expression is a placeholder.</summary>
    private static IReadOnlyList<string> Columns<T>() where T : InsertRow
    {
        var constructor = typeof(T).GetConstructors().Single(c => c.GetParameters().All(p => p.ParameterType == typeof(string)));
        var row = (T)constructor.Invoke(constructor.GetParameters().Select(object? (_) => "?").ToArray());
        return row.Columns;
    }

    /// <summary>A value of the type that no other property of the case gets (as far as the type allows).</summary>
    private static object Distinct(Type type, int i, string name)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return name;
        if (t == typeof(long)) return 1000L + i;
        if (t == typeof(int)) return 100 + i;
        if (t == typeof(double)) return i + 0.25;
        if (t == typeof(bool)) return true;
        if (t == typeof(DateTime)) return new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i);
        if (t.IsEnum) return Enum.GetValues(t).GetValue(i % Enum.GetValues(t).Length)!;
        throw new NotSupportedException($"{name}: no distinct value for {t.Name}");
    }
}
