using GridGov.Bench;

// Suites: index | locate | seed | intake | writer | sweep | indicators | public | registry | people-import | verification | all. Each prints its figures with the machine; copy them into bench/RESULTS.md.
var suite = args.FirstOrDefault() ?? "all";
Console.WriteLine($"# GridGov bench '{suite}' — {Machine.Describe()} — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
switch (suite)
{
    case "index": await LocateBench.RunAsync(withPostGis: false, indexOnly: true); break;
    case "locate": await LocateBench.RunAsync(withPostGis: true, indexOnly: false); break;
    case "seed": await SeedBench.RunAsync(args.Skip(1).ToArray()); break;
    case "intake": await IntakeBench.RunAsync(args.Skip(1).ToArray()); break;
    case "writer": await WriterBench.RunAsync(args.Skip(1).ToArray()); break;
    case "sweep": await SweepBench.RunAsync(args.Skip(1).ToArray()); break;
    case "indicators": await IndicatorsBench.RunAsync(args.Skip(1).ToArray()); break;
    case "public": await PublicMapBench.RunAsync(args.Skip(1).ToArray()); break;
    case "registry": await RegistryBench.RunAsync(args.Skip(1).ToArray()); break;
    case "people-import": await PeopleImportBench.RunAsync(args.Skip(1).ToArray()); break;
    case "verification": await VerificationBench.RunAsync(args.Skip(1).ToArray()); break;
    case "all":
        await LocateBench.RunAsync(withPostGis: true, indexOnly: false);
        await SeedBench.RunAsync([]);
        await IntakeBench.RunAsync([]);
        await SweepBench.RunAsync([]);
        break;
    default:
        Console.Error.WriteLine("usage: GridGov.Bench index|locate|seed [demo|full]|intake [pg] [copy] [sqlite] [sqlite1] [--count N] [--warmup N] [--concurrency N] [--max-seconds N] [--category 0101|mix]|writer [--count N] [--batch N] [--loops N]|sweep [pg] [sqlite] [--count N]|indicators [--count N]|public [--count N]|registry [--people N] [--samples N] [--keep NAME]|people-import [--people N] [--rows N] [--database NAME] [--explain]|verification [--count N]|all");
        return 2;
}
return 0;
