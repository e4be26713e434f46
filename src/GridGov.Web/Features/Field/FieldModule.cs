using GridGov.Web.Hosting;

namespace GridGov.Web.Features.Field;

/// <summary>The field worker's phone app (PWA): pages only; it reports and acts through the cases API.</summary>
public sealed class FieldModule : IModule;
