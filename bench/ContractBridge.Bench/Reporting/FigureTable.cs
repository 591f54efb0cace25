using System.Globalization;

namespace ContractBridge.Bench.Reporting;

/// <summary>
/// A scenario's figures as the bench prints them: one row per metric with its value, its target and whether it was met,
/// in aligned columns; and the correctness failures that make the run exit 1 (a missed timing never does).
/// </summary>
public sealed class FigureTable
{
    private readonly List<(string Metric, string Value, string Target, string Met)> _rows = [];
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    public void Row(string metric, string value, string target = "", bool? met = null) =>
        _rows.Add((metric, value, target, met is null ? string.Empty : met.Value ? "yes" : "NO"));

    /// <summary>A correctness check: when it does not hold, <paramref name="failure"/> fails the run.</summary>
    public void Check(bool ok, string failure)
    {
        if (!ok)
        {
            _failures.Add(failure);
        }
    }

    public void Print()
    {
        var widths = (_rows.Max(r => r.Metric.Length), _rows.Max(r => r.Value.Length), Math.Max(6, _rows.Max(r => r.Target.Length)));
        Console.WriteLine();
        Console.WriteLine($"{"metric".PadRight(widths.Item1)}  {"value".PadRight(widths.Item2)}  {"target".PadRight(widths.Item3)}  met");
        Console.WriteLine(new string('-', widths.Item1 + widths.Item2 + widths.Item3 + 9));
        foreach (var (metric, value, target, met) in _rows)
        {
            Console.WriteLine($"{metric.PadRight(widths.Item1)}  {value.PadRight(widths.Item2)}  {target.PadRight(widths.Item3)}  {met}");
        }
    }

    /// <summary>A figure in the invariant culture, as every row is written.</summary>
    public static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
