using GridGov.Data;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Tests.Data;

/// <summary>Each table's mapping lives beside its entity, in the data project's folder of its module.</summary>
public sealed class ModelMappingTests
{
    [Fact]
    public void Every_entity_of_the_model_has_its_own_mapping_class_in_the_data_project()
    {
        var mapped = typeof(GridGovDb).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();
        using var db = DbSetup.Create(DatabaseProvider.Sqlite, "Data Source=:memory:");
        var unmapped = db.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => !mapped.Contains(t)).Select(t => t.Name);
        Assert.Empty(unmapped);
    }
}
