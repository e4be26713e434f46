using System.Diagnostics;

namespace GridGov.Web.Features.People.Import;

/// <summary>
/// Wall-clock time per step of a staging or a commit, summed over its chunks and logged once at the end
/// ("people import 12 staged in 31.2 s: read+check 7.1 s, …"), so a slow import says where its time went.
/// </summary>
internal sealed class ImportTimings
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly List<(string Step, TimeSpan Time)> _steps = [];

    /// <summary>Adds the time since <paramref name="started"/> (a <see cref="Stopwatch.GetTimestamp"/>) to the step.</summary>
    public void Add(string step, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var i = _steps.FindIndex(s => s.Step == step);
        if (i < 0) _steps.Add((step, elapsed));
        else _steps[i] = (step, _steps[i].Time + elapsed);
    }

    public async Task<T> TimeAsync<T>(string step, Task<T> work)
    {
        var started = Stopwatch.GetTimestamp();
        try { return await work; }
        finally { Add(step, started); }
    }

    public async Task TimeAsync(string step, Task work)
    {
        var started = Stopwatch.GetTimestamp();
        try { await work; }
        finally { Add(step, started); }
    }

    public override string ToString() =>
        $"{_total.Elapsed.TotalSeconds:0.0} s: " + string.Join(", ", _steps.Select(s => $"{s.Step} {s.Time.TotalSeconds:0.00} s"));
}
