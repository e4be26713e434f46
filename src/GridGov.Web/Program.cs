using GridGov.Web.Cli;
using GridGov.Web.Hosting;

// One executable: a verb (seed, import-boundaries, …) runs the command line; anything else starts the web app.
if (args.Length > 0 && CommandLine.IsVerb(args[0]))
    return await CommandLine.RunAsync(args);

var app = WebApp.Build(args);
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

public partial class Program;
