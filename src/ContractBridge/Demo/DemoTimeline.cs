using System.Globalization;

namespace ContractBridge.Demo;

/// <summary>
/// The demo's readable timeline: one line per thing that happened, with the seconds since the story began and who did
/// it (the rep, legal, Kommo, Ironclad, the bridge). Lines come from the story and the watcher at once: one lock.
/// </summary>
public sealed class DemoTimeline(TextWriter output, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly long _start = time.GetTimestamp();

    public TextWriter Output => output;

    public TimeSpan Elapsed => time.GetElapsedTime(_start);

    public void Line(string actor, string text)
    {
        var seconds = Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            output.WriteLine($"  {seconds,6}s  {actor,-8}  {text}");
            output.Flush();
        }
    }

    public void Text(string text)
    {
        lock (_gate)
        {
            output.WriteLine(text);
            output.Flush();
        }
    }

    /// <summary>First line of a note, shortened: the timeline shows what happened, the dashboard and Kommo the rest.</summary>
    public static string Gist(string? text, int length = 110)
    {
        var line = (text ?? string.Empty).Split('\n')[0].Trim();
        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }
}
