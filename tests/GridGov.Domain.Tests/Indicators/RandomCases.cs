using GridGov.Domain.Indicators;

namespace GridGov.Domain.Tests.Indicators;

/// <summary>
/// Random but contract-abiding case facts reported between 1 January and 12 April 2025 (Beijing time), with every
/// status, self-resolved cases, suspensions (also stale flags on closed cases), reopened cases, reworks, ratings,
/// missing deadlines and closing times beyond 30 days (to reach the coarse histogram buckets).
/// </summary>
internal static class RandomCases
{
    public static readonly string[] Areas =
        ["5101040170010101", "5101040170010102", "5101040170010201", "5101040170020101", "5101040180010101", "5101050010010101"];

    private static readonly string[] Sources = ["patrol", "resident", "hotline", "sensor", "camera", "enterprise", "open311", "app"];
    private static readonly string[] Categories = ["0101", "0102", "0201", "0305", "0502"];
    private static readonly double[] DeadlineHours = [4, 24, 72, 168, 1080];

    public static List<CaseFacts> Generate(int count, int seed)
    {
        var rng = new Random(seed);
        var origin = new DateTimeOffset(2025, 1, 1, 0, 0, 0, Facts.Beijing);
        var list = new List<CaseFacts>(count);
        for (var id = 1; id <= count; id++)
        {
            var reported = origin + TimeSpan.FromSeconds(rng.Next(0, 101 * 24 * 3600));
            var source = Sources[rng.Next(Sources.Length)];
            var area = Areas[rng.Next(Areas.Length)];
            var category = Categories[rng.Next(Categories.Length)];
            var handler = rng.Next(4) == 0 ? null : $"w{rng.Next(20)}";
            DateTimeOffset After(DateTimeOffset t, double maxHours) => t + TimeSpan.FromSeconds(rng.NextDouble() * maxHours * 3600);

            var intake = rng.NextDouble();
            if (intake < 0.10)
            {
                var status = intake < 0.03 ? "reported" : intake < 0.07 ? "rejected" : "merged";
                DateTimeOffset? reg = status == "merged" && rng.Next(2) == 0 ? After(reported, 2) : null;
                list.Add(new CaseFacts(id, area, category, source, status, reported, reg, null, null, null, false, 0, null, null, handler));
                continue;
            }

            var registered = After(reported, 3);
            if (rng.NextDouble() < 0.08)
            {
                // 自办自结, half marked by the flag (real source), half by Source "self"; the deadline may even be earlier.
                var closedSelf = After(reported, 2);
                var flag = rng.Next(2) == 0;
                list.Add(new CaseFacts(id, area, category, flag ? source : "self", "closed", reported, reported, reported,
                    rng.Next(3) == 0 ? After(reported, 1) : null, closedSelf, false, 0, rng.Next(2) == 0 ? rng.Next(1, 6) : null,
                    closedSelf, handler) { SelfResolved = flag });
                continue;
            }

            var u = rng.NextDouble();
            var loopStatus = u < 0.03 ? "registered" : u < 0.10 ? "dispatched" : u < 0.22 ? "handling" : u < 0.27 ? "awaiting_verification"
                : u < 0.32 ? "suspended" : "closed";

            DateTimeOffset? responded = null;
            if (loopStatus is not ("registered" or "dispatched") || rng.Next(4) == 0)
            {
                var k = rng.NextDouble();
                responded = registered + TimeSpan.FromSeconds((k < 0.7 ? rng.NextDouble() * 6 : k < 0.9 ? 6 + rng.NextDouble() * 24 : 30 + rng.NextDouble() * 70) * 3600);
                if (loopStatus == "dispatched") responded = null; // accepted means handling
            }
            if (loopStatus == "closed" && rng.Next(50) == 0) responded = null; // closed without an acceptance record

            DateTimeOffset? due = rng.Next(20) == 0 ? null : registered + TimeSpan.FromHours(DeadlineHours[rng.Next(DeadlineHours.Length)]);

            DateTimeOffset? closed = null;
            if (loopStatus == "closed" || (loopStatus == "handling" && rng.Next(30) == 0)) // the latter: reopened
            {
                var k = rng.NextDouble();
                var hours = k < 0.5 ? rng.NextDouble() * 72 : k < 0.75 ? 72 + rng.NextDouble() * 328 : 400 + rng.NextDouble() * 1600;
                var start = responded ?? registered;
                closed = start + TimeSpan.FromSeconds(hours * 3600);
            }

            DateTimeOffset? feedback = loopStatus switch
            {
                "closed" => closed!.Value - TimeSpan.FromSeconds(rng.NextDouble() * 5 * 3600) is var f && f > registered ? f : registered,
                "awaiting_verification" => After(responded ?? registered, 200),
                "handling" when rng.Next(3) == 0 => After(responded ?? registered, 100),
                _ => null,
            };
            var rework = loopStatus is "closed" or "awaiting_verification" or "handling" ? rng.Next(20) switch { < 3 => 1, 3 => 2, _ => 0 } : 0;
            int? rating = loopStatus == "closed" && rng.NextDouble() < 0.6 ? rng.Next(1, 6) : null;
            var suspended = loopStatus switch
            {
                "suspended" => rng.Next(10) != 0,  // one in ten relies on the status alone
                "closed" => rng.Next(30) == 0,     // stale flag, ignored
                "handling" => rng.Next(40) == 0,   // suspended per the data layer, status not yet updated
                _ => false,
            };
            list.Add(new CaseFacts(id, area, category, source, loopStatus, reported, registered, responded, due, closed, suspended,
                rework, rating, feedback, handler));
        }
        return list;
    }
}
