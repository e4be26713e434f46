using GridGov.Data;

namespace GridGov.Web.Hosting;

/// <summary>The resolved database choice, shared by the EF context, bulk paths and the CLI.</summary>
public sealed record Database(DatabaseProvider Provider, string ConnectionString);
