using GridGov.Domain.Indicators;
using static GridGov.Domain.Tests.Indicators.Facts;

namespace GridGov.Domain.Tests.Indicators;

public class CaseIndicatorsTests
{
    /// <summary>
    /// Sixteen cases around March 2025 (Beijing time); the snapshot is taken in mid-April, so C12's closing on 2 April
    /// is known. Every expected number in the tests below is worked out by hand from this table.
    /// </summary>
    private static readonly CaseFacts[] Scenario =
    [
        // C1 ordinary: responded 1 h after registration, feedback and closing before the deadline, rated 5.
        Case(1, "patrol", "closed", T(3, 2, 9), registered: T(3, 2, 9, 30), responded: T(3, 2, 10, 30), due: T(3, 4, 9, 30),
            feedback: T(3, 3, 16), closed: T(3, 3, 17, 30), rating: 5),
        // C2 reworked once (failed one verification), still closed on time, rated 3.
        Case(2, "resident", "closed", T(3, 5, 8), registered: T(3, 5, 8, 20), responded: T(3, 5, 12, 20), due: T(3, 8, 8, 20),
            feedback: T(3, 6, 15), rework: 1, closed: T(3, 7, 20, 20), rating: 3),
        // C3 late response (26 h) and closed late (deadline 12 March, closed 13 March), rated 2.
        Case(3, "hotline", "closed", T(3, 10, 10), registered: T(3, 10, 10), responded: T(3, 11, 12), due: T(3, 12, 10),
            feedback: T(3, 13, 9), closed: T(3, 13, 10), rating: 2),
        // C4 open and overdue: deadline 25 March, still handling, no feedback.
        Case(4, "sensor", "handling", T(3, 20, 7), registered: T(3, 20, 7, 30), responded: T(3, 20, 9), due: T(3, 25, 7, 30)),
        // C5 suspended (缓办) and still suspended; its recorded deadline is 9 March.
        Case(5, "resident", "suspended", T(3, 6, 9), registered: T(3, 6, 10), responded: T(3, 6, 11), due: T(3, 9, 10), suspended: true),
        // C6 self-resolved (自办自结): no acceptance or deadline recorded; responds at report time, closed on time, rated 4.
        Case(6, "self", "closed", T(3, 15, 14), registered: T(3, 15, 14, 10), closed: T(3, 15, 14, 40), rating: 4),
        // C7 rejected (不予受理): intake counts only.
        Case(7, "camera", "rejected", T(3, 12, 9)),
        // C8 merged after registration: intake counts only.
        Case(8, "resident", "merged", T(3, 18, 11), registered: T(3, 18, 11, 30)),
        // C9 carried over from February, closed on 2 March before its 3 March deadline, rated 5.
        Case(9, "patrol", "closed", T(2, 26, 9), registered: T(2, 26, 9), responded: T(2, 26, 10), due: T(3, 3, 9),
            feedback: T(3, 2, 14), closed: T(3, 2, 15), rating: 5),
        // C10 registered late in March, deadline 2 April: not due in March.
        Case(10, "patrol", "handling", T(3, 30, 10), registered: T(3, 30, 10), responded: T(3, 30, 15), due: T(4, 2, 10)),
        // C11 registered 31 March 20:00, never accepted: its 24 h window ends in April.
        Case(11, "hotline", "dispatched", T(3, 31, 20), registered: T(3, 31, 20), due: T(4, 3, 20)),
        // C12 deadline 31 March 08:00, closed after the period (2 April 10:00), rated 4.
        Case(12, "resident", "closed", T(3, 27, 8), registered: T(3, 27, 8), responded: T(3, 27, 9), due: T(3, 31, 8),
            feedback: T(4, 2, 9), closed: T(4, 2, 10), rating: 4),
        // C13 closed on 29 March, well before its 3 April deadline, rated 5.
        Case(13, "enterprise", "closed", T(3, 28, 9), registered: T(3, 28, 9), responded: T(3, 28, 9, 30), due: T(4, 3, 9),
            feedback: T(3, 29, 8), closed: T(3, 29, 9), rating: 5),
        // C14 feedback on time, failed verification once, again awaiting verification; deadline 24 March passed.
        Case(14, "open311", "awaiting_verification", T(3, 21, 10), registered: T(3, 21, 10), responded: T(3, 22, 9),
            due: T(3, 24, 10), feedback: T(3, 23, 18), rework: 1),
        // C15 suspended 4–10 March then resumed: the 6 days moved its deadline from 6 to 12 March; closed 11 March.
        Case(15, "patrol", "closed", T(3, 3, 9), registered: T(3, 3, 9), responded: T(3, 3, 10), due: T(3, 12, 9),
            feedback: T(3, 11, 8), closed: T(3, 11, 9)),
        // C16 reported at 23:00 on 31 March, not yet registered.
        Case(16, "resident", "reported", T(3, 31, 23)),
    ];

    [Fact]
    public void March_intake_counts()
    {
        var m = CaseIndicators.Compute(Scenario, March, April);

        Assert.Equal(15, m.Reported);   // C1–C8, C10–C16 (C9 was reported in February)
        Assert.Equal(1, m.Rejected);    // C7
        Assert.Equal(1, m.Merged);      // C8
        Assert.Equal(12, m.Registered); // C1–C6, C10–C15 (C8 merged, C9 February, C16 not registered)

        // patrol C1 C10 C15; resident C2 C5 C8 C12 C16; hotline C3 C11; one each for the rest: 3+5+2+1+1+1+1+1 = 15
        Assert.Equal(new Dictionary<string, long>
        {
            ["camera"] = 1, ["enterprise"] = 1, ["hotline"] = 2, ["open311"] = 1, ["patrol"] = 3, ["resident"] = 5, ["self"] = 1, ["sensor"] = 1,
        }, m.BySource);
        // closed C1 C2 C3 C6 C12 C13 C15; handling C4 C10; one each for the rest: 7+2+1+1+1+1+1+1 = 15
        Assert.Equal(new Dictionary<string, long>
        {
            ["awaiting_verification"] = 1, ["closed"] = 7, ["dispatched"] = 1, ["handling"] = 2, ["merged"] = 1, ["rejected"] = 1,
            ["reported"] = 1, ["suspended"] = 1,
        }, m.ByStatus);
    }

    [Fact]
    public void March_response()
    {
        var m = CaseIndicators.Compute(Scenario, March, April);

        // R = min(response, registration + 24 h) in March: C1 C2 C3 C4 C5 C6 C10 C12 C13 C14 C15 = 11
        // (C9's R is 26 Feb; C11's is 1 April 20:00). Within 24 h: all but C3 (26 h) = 10.
        Assert.Equal(11, m.ResponseDue);
        Assert.Equal(10, m.RespondedWithin24h);
        Assert.Equal(10.0 / 11, m.ResponseRate24h);  // 0.909…
        Assert.True(m.MeetsResponseTarget);          // ≥ 0.90

        // Responses made in March, hours after registration:
        // C1 1, C2 4, C3 26, C4 1.5, C5 1, C6 0 (reported 10 min before registration: clamped), C10 5, C12 1, C13 0.5,
        // C14 23, C15 1 → sorted 0, 0.5, 1, 1, 1, 1, 1.5, 4, 5, 23, 26 (n = 11)
        Assert.Equal(11, m.RespondedInPeriod);
        Assert.Equal(1.0, m.MedianHoursToRespond); // rank ⌈0.5·11⌉ = 6 → 1
        Assert.Equal(23.0, m.P90HoursToRespond);   // rank ⌈0.9·11⌉ = 10 → 23
    }

    [Fact]
    public void March_closure_family()
    {
        var m = CaseIndicators.Compute(Scenario, March, April);

        // D = min(deadline, closing) in March: C1 C2 C3 C4 C5 C6 C9 C12 C13 C14 C15 = 11
        // (C10, C11 fall due in April; C6 is self-resolved: D = its closing).
        Assert.Equal(11, m.Due);
        Assert.Equal(1, m.Suspended);      // C5
        Assert.Equal(10, m.Assessed);      // 11 − 1
        Assert.Equal(8, m.Closed);         // C1 C2 C3 C6 C9 C12 C13 C15 (C12 closed on 2 April: late, but closed)
        Assert.Equal(6, m.ClosedOnTime);   // C1 C2 C6 C9 C13 C15 (not C3, C12)
        Assert.Equal(2, m.OpenOverdue);    // C4 C14
        Assert.Equal(7, m.HandledOnTime);  // first feedback ≤ deadline: C1 C2 C9 C13 C14 C15, C6 self (not C3, C4, C12)
        Assert.Equal(9, m.Verified);       // the 8 closed + C14 (failed once)
        Assert.Equal(2, m.Reworked);       // C2 C14

        Assert.Equal(0.8, m.ClosureRate);           // 结案率 8 / (11 − 1)
        Assert.Equal(0.6, m.OnTimeClosureRate);     // 按期结案率 6 / (11 − 1)
        Assert.Equal(0.7, m.OnTimeHandlingRate);    // 7 / (11 − 1)
        Assert.Equal(2.0 / 9, m.ReworkRate);        // 2 / 9
    }

    [Fact]
    public void March_closures_and_satisfaction()
    {
        var m = CaseIndicators.Compute(Scenario, March, April);

        // Closed in March (C12 closed in April), hours from registration:
        // C1 32 (2 Mar 09:30 → 3 Mar 17:30), C2 60, C3 72, C6 0.5, C9 102 (26 Feb 09:00 → 2 Mar 15:00; 2025 is not a
        // leap year), C13 24, C15 192 (8 days) → sorted 0.5, 24, 32, 60, 72, 102, 192 (n = 7)
        Assert.Equal(7, m.ClosedInPeriod);
        Assert.Equal(60.0, m.MedianHoursToClose); // rank ⌈3.5⌉ = 4
        Assert.Equal(192.0, m.P90HoursToClose);   // rank ⌈6.3⌉ = 7

        // Ratings of those closures: C1 5, C2 3, C3 2, C6 4, C9 5, C13 5 (C15 unrated) → ≥ 4: C1 C6 C9 C13
        Assert.Equal(6, m.Rated);
        Assert.Equal(4, m.Satisfied);
        Assert.Equal(4.0 / 6, m.SatisfactionRate);
    }

    [Fact]
    public void April_picks_up_what_March_left_and_nothing_twice()
    {
        var a = CaseIndicators.Compute(Scenario, April, May);

        Assert.Equal(0, a.Reported);
        Assert.Equal(0, a.Registered);
        Assert.Equal(1, a.ResponseDue);              // C11: 24 h passed on 1 April 20:00 without a response
        Assert.Equal(0, a.RespondedWithin24h);
        Assert.Equal(0.0, a.ResponseRate24h);
        Assert.False(a.MeetsResponseTarget);
        Assert.Equal(0, a.RespondedInPeriod);
        Assert.Null(a.MedianHoursToRespond);

        Assert.Equal(2, a.Due);                      // C10 (2 April), C11 (3 April), both open
        Assert.Equal(0, a.Closed);
        Assert.Equal(2, a.OpenOverdue);
        Assert.Equal(0.0, a.ClosureRate);            // 0 / 2
        Assert.Equal(0, a.Verified);
        Assert.Null(a.ReworkRate);                   // 0 / 0

        // C12's closing happened in April: its time to close and its rating count here (its 结案 counted in March).
        Assert.Equal(1, a.ClosedInPeriod);
        Assert.Equal(146.0, a.MedianHoursToClose);   // 27 Mar 08:00 → 2 Apr 10:00 = 6 d 2 h
        Assert.Equal(146.0, a.P90HoursToClose);
        Assert.Equal(1.0, a.SatisfactionRate);       // rated 4

        // Over February–April every case with a D falls due exactly once: 11 + 2 (+ 0 in February).
        var quarter = CaseIndicators.Compute(Scenario, T(2, 1, 0), May);
        Assert.Equal(13, quarter.Due);
        Assert.Equal(CaseIndicators.Compute(Scenario, T(2, 1, 0), March).Due + 11 + 2, quarter.Due);
    }

    [Fact]
    public void No_denominator_gives_null_never_NaN()
    {
        var empty = CaseIndicators.Compute([], March, April);
        Assert.Equal(0, empty.Reported);
        Assert.Null(empty.ResponseRate24h);
        Assert.Null(empty.OnTimeHandlingRate);
        Assert.Null(empty.ClosureRate);
        Assert.Null(empty.OnTimeClosureRate);
        Assert.Null(empty.ReworkRate);
        Assert.Null(empty.SatisfactionRate);
        Assert.Null(empty.MeetsResponseTarget);
        Assert.Null(empty.MedianHoursToRespond);
        Assert.Null(empty.P90HoursToRespond);
        Assert.Null(empty.MedianHoursToClose);
        Assert.Null(empty.P90HoursToClose);
        Assert.Empty(empty.BySource);
        Assert.Empty(empty.ByStatus);

        // Intake only, and a due population made only of suspended cases: Due − Suspended = 0.
        var onlySuspended = CaseIndicators.Compute(
        [
            Case(1, "camera", "rejected", T(3, 2, 9)),
            Case(2, "resident", "reported", T(3, 2, 10)),
            Case(3, "patrol", "suspended", T(2, 1, 9), registered: T(2, 1, 9), due: T(3, 5, 9), suspended: true),
        ], March, April);
        Assert.Equal(2, onlySuspended.Reported);
        Assert.Equal(1, onlySuspended.Due);
        Assert.Equal(1, onlySuspended.Suspended);
        Assert.Null(onlySuspended.ClosureRate);
        Assert.Null(onlySuspended.OnTimeClosureRate);
        Assert.Null(onlySuspended.OnTimeHandlingRate);
        Assert.Null(onlySuspended.ResponseRate24h); // its window closed in February
    }

    [Fact]
    public void Periods_are_half_open_and_deadlines_inclusive()
    {
        CaseFacts[] cases =
        [
            // responded exactly 24 h after registration: within; closed exactly at the deadline: on time.
            Case(1, "patrol", "closed", T(3, 1, 0), registered: T(3, 1, 0), responded: T(3, 2, 0), due: T(3, 3, 0),
                feedback: T(3, 3, 0), closed: T(3, 3, 0)),
            // one tick later for both: late.
            Case(2, "patrol", "closed", T(3, 1, 0), registered: T(3, 1, 0), responded: T(3, 2, 0).AddTicks(1), due: T(3, 3, 0),
                feedback: T(3, 3, 0).AddTicks(1), closed: T(3, 3, 0).AddTicks(1)),
            // reported exactly at the period's end: next period.
            Case(3, "resident", "reported", April),
        ];
        var m = CaseIndicators.Compute(cases, March, April);
        Assert.Equal(2, m.Reported);      // C3 is April's
        Assert.Equal(2, m.ResponseDue);
        Assert.Equal(1, m.RespondedWithin24h);
        Assert.Equal(2, m.Due);
        Assert.Equal(2, m.Closed);
        Assert.Equal(1, m.ClosedOnTime);
        Assert.Equal(1, m.HandledOnTime);

        // A period that starts exactly at C1's closing includes it; one ending there does not.
        Assert.Equal(1, CaseIndicators.Compute(cases[..1], T(3, 3, 0), April).Due);
        Assert.Equal(0, CaseIndicators.Compute(cases[..1], March, T(3, 3, 0)).Due);
    }

    [Fact]
    public void Offsets_do_not_matter_only_instants()
    {
        var utc = Scenario.Select(c => c with
        {
            ReportedAt = c.ReportedAt.ToUniversalTime(),
            RegisteredAt = c.RegisteredAt?.ToUniversalTime(),
            ClosedAt = c.ClosedAt?.ToOffset(TimeSpan.FromHours(-5)),
        }).ToList();
        var a = CaseIndicators.Compute(Scenario, March, April);
        var b = CaseIndicators.Compute(utc, March.ToUniversalTime(), April.ToUniversalTime());
        IndicatorAssert.SameCounts(a, b);
        Assert.Equal(a.MedianHoursToClose, b.MedianHoursToClose);
    }

    [Fact]
    public void Suspension_rules()
    {
        CaseFacts[] cases =
        [
            // status suspended without the flag: still suspended.
            Case(1, "patrol", "suspended", T(3, 1, 9), registered: T(3, 1, 9), responded: T(3, 1, 10), due: T(3, 4, 9)),
            // flag set but closed (resumed and closed before the facts were taken): the flag is ignored.
            Case(2, "patrol", "closed", T(3, 1, 9), registered: T(3, 1, 9), responded: T(3, 1, 10), due: T(3, 4, 9),
                feedback: T(3, 3, 9), closed: T(3, 3, 10), suspended: true),
            // flag set on an open, resumed case whose deadline passed: suspended (the data layer's word).
            Case(3, "patrol", "handling", T(3, 1, 9), registered: T(3, 1, 9), responded: T(3, 1, 10), due: T(3, 4, 9), suspended: true),
            // suspended with no recorded deadline: never due, so neither Due nor Suspended.
            Case(4, "patrol", "suspended", T(3, 1, 9), registered: T(3, 1, 9), responded: T(3, 1, 10), suspended: true),
        ];
        var m = CaseIndicators.Compute(cases, March, April);
        Assert.Equal(3, m.Due);             // C1 C2 C3
        Assert.Equal(2, m.Suspended);       // C1 C3
        Assert.Equal(1, m.Closed);          // C2
        Assert.Equal(1.0, m.ClosureRate);   // 1 / (3 − 2)
        Assert.Equal(0, m.OpenOverdue);
    }

    [Fact]
    public void Self_resolved_flag_with_a_real_source()
    {
        // The intake keeps the real source for 自办自结; SelfResolved marks it. Even with a recorded deadline before the
        // closing (clock started at intake) and no acceptance, it responded at report time and closed on time.
        var c = Case(1, "patrol", "closed", T(3, 5, 10), registered: T(3, 5, 10, 30), due: T(3, 5, 11), closed: T(3, 5, 12)) with { SelfResolved = true };
        var m = CaseIndicators.Compute([c], March, April);
        Assert.True(c.IsSelfResolved);
        Assert.Equal(1, m.RespondedWithin24h);
        Assert.Equal(0.0, m.MedianHoursToRespond);  // reported before registration: 0
        Assert.Equal(1, m.Due);
        Assert.Equal(1, m.ClosedOnTime);
        Assert.Equal(1, m.HandledOnTime);
        Assert.Equal(1.5, m.MedianHoursToClose);    // 10:30 → 12:00

        // Without the flag the same facts are an ordinary case closed late, never accepted: it counts as responded
        // by its closing (1.5 h), and with no feedback it was handled at its closing, after the 11:00 deadline.
        var plain = CaseIndicators.Compute([c with { SelfResolved = false }], March, April);
        Assert.Equal(1, plain.RespondedWithin24h);
        Assert.Equal(1.5, plain.MedianHoursToRespond);
        Assert.Equal(1, plain.Closed);
        Assert.Equal(0, plain.ClosedOnTime);
        Assert.Equal(0, plain.HandledOnTime);
    }

    [Fact]
    public void Reopened_case_is_open_again()
    {
        // Closed 3 March, reopened (status dispatched): the old ClosedAt is ignored, the 5 March deadline stands.
        var c = Case(1, "resident", "dispatched", T(3, 1, 9), registered: T(3, 1, 9), responded: T(3, 1, 10), due: T(3, 5, 9),
            feedback: T(3, 2, 9), closed: T(3, 3, 9), rating: 1);
        var m = CaseIndicators.Compute([c], March, April);
        Assert.Equal(1, m.Due);
        Assert.Equal(0, m.Closed);
        Assert.Equal(1, m.OpenOverdue);
        Assert.Equal(1, m.HandledOnTime); // first feedback 2 March
        Assert.Equal(0, m.ClosedInPeriod);
        Assert.Equal(0, m.Rated);
    }

    [Fact]
    public void ComputeBy_groups_by_any_key()
    {
        var bySource = CaseIndicators.ComputeBy(Scenario, c => c.Source, March, April);
        Assert.Equal(3, bySource["patrol"].Reported);
        Assert.Equal(3, bySource["patrol"].Due);          // C1 C9 C15
        Assert.Equal(1.0, bySource["patrol"].OnTimeClosureRate);
        Assert.Equal(0.0, bySource["hotline"].OnTimeClosureRate); // C3 closed late
        Assert.Equal(Scenario.Select(c => c.Source).Distinct().Count(), bySource.Count);
        Assert.Equal(15, bySource.Values.Sum(s => s.Reported));
    }

    [Fact]
    public void Bad_facts_and_bad_periods_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CaseIndicators.Compute([], April, March));
        Assert.Throws<ArgumentException>(() => CaseIndicators.Compute([], March, March));
        Assert.Throws<ArgumentException>(() => CaseIndicators.Compute([Case(1, "patrol", "open", T(3, 1, 9))], March, April));
        Assert.Throws<ArgumentException>(() => CaseIndicators.Compute([Case(1, "patrol", "Closed", T(3, 1, 9), registered: T(3, 1, 9), closed: T(3, 2, 9))], March, April));
        Assert.Throws<ArgumentException>(() => CaseIndicators.Compute([Case(1, "patrol", "dispatched", T(3, 1, 9))], March, April));
        Assert.Throws<ArgumentException>(() => CaseIndicators.Compute([Case(1, "patrol", "closed", T(3, 1, 9), registered: T(3, 1, 9))], March, April));
        Assert.Throws<ArgumentException>(() => CaseIndicators.Compute([Case(1, "patrol", "closed", T(3, 1, 9), registered: T(3, 1, 9), closed: T(3, 2, 9), rating: 6)], March, April));
        Assert.Throws<ArgumentException>(() => CaseIndicators.Compute([Case(1, "patrol", "handling", T(3, 1, 9), registered: T(3, 1, 9), rework: -1)], March, April));
        var e = Assert.Throws<ArgumentException>(() => CaseIndicators.Compute([Case(42, "patrol", "lost", T(3, 1, 9))], March, April));
        Assert.Contains("case 42", e.Message);
    }

    [Fact]
    public void Known_statuses_are_the_case_loop_wire_names()
    {
        Assert.Equal(
            new[] { "awaiting_verification", "closed", "dispatched", "handling", "merged", "registered", "rejected", "reported", "suspended" },
            CaseIndicators.KnownStatuses.Order(StringComparer.Ordinal));
    }
}
