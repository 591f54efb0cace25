using System.Globalization;

namespace ContractBridge.Engine.Jobs;

/// <summary>A duration as an operator reads it in a message: "72 h", "1 h 5 min", "3 min 20 s", "45 s".</summary>
public static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        var culture = CultureInfo.InvariantCulture;
        if (duration < TimeSpan.FromMinutes(1))
        {
            return string.Create(culture, $"{Math.Max(0, (int)duration.TotalSeconds)} s");
        }

        if (duration < TimeSpan.FromHours(1))
        {
            return duration.Seconds == 0
                ? string.Create(culture, $"{duration.Minutes} min")
                : string.Create(culture, $"{duration.Minutes} min {duration.Seconds} s");
        }

        var hours = (long)duration.TotalHours;
        return duration.Minutes == 0 ? string.Create(culture, $"{hours} h") : string.Create(culture, $"{hours} h {duration.Minutes} min");
    }
}
