using System.Reflection;
using GridGov.Data;
using Xunit.Sdk;

namespace GridGov.Web.Tests.Infrastructure;

/// <summary>
/// Runs a theory once per database provider (SQLite, PostgreSQL); the provider is the first argument, so the test
/// name shows it. Optional arguments follow it, like <c>[InlineData]</c> (repeat the attribute for more rows), or
/// <see cref="Rows"/> names a static member of the test class with rows, like <c>[MemberData]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BothDatabasesAttribute(params object?[]? row) : DataAttribute
{
    public static readonly DatabaseProvider[] Providers = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    /// <summary>A static property or field of the test class whose value is the rows (e.g. a <c>TheoryData</c>).</summary>
    public string? Rows { get; set; }

    public override IEnumerable<object?[]> GetData(MethodInfo testMethod)
    {
        var rows = Rows is null ? [row ?? [null]] : RowsOf(testMethod.DeclaringType!, Rows);
        foreach (var provider in Providers)
            foreach (var r in rows)
                yield return [provider, .. r];
    }

    private static List<object?[]> RowsOf(Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.FlattenHierarchy;
        var value = type.GetProperty(name, flags)?.GetValue(null) ?? type.GetField(name, flags)?.GetValue(null)
            ?? throw new ArgumentException($"{type.Name}.{name} not found or null", nameof(name));
        return ((IEnumerable<object?[]>)value).ToList();
    }
}
