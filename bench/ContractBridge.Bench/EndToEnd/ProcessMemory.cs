using System.Globalization;

namespace ContractBridge.Bench.EndToEnd;

/// <summary>
/// What Linux says about a process: resident memory now and at its peak (<c>/proc/&lt;pid&gt;/status</c> VmRSS and VmHWM)
/// and CPU time used (<c>/proc/&lt;pid&gt;/stat</c> utime + stime). Zeros where /proc is not there.
/// </summary>
internal static class ProcessMemory
{
    public static (double RssMb, double PeakRssMb) Read(int pid)
    {
        var status = Status(pid);
        return (status.GetValueOrDefault("VmRSS"), status.GetValueOrDefault("VmHWM"));
    }

    /// <summary>Resident memory by kind: anonymous (GC heap, native heaps, stacks), file-backed (mapped assemblies and libraries), shared (the runtime's double-mapped code).</summary>
    public static MemoryBreakdown Breakdown(int pid)
    {
        var status = Status(pid);
        return new MemoryBreakdown(status.GetValueOrDefault("VmRSS"), status.GetValueOrDefault("RssAnon"), status.GetValueOrDefault("RssFile"), status.GetValueOrDefault("RssShmem"));
    }

    /// <summary>The memory lines of /proc/&lt;pid&gt;/status, in MB.</summary>
    private static Dictionary<string, double> Status(int pid)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line.EndsWith(" kB", StringComparison.Ordinal))
                {
                    values[line[..colon]] = Kilobytes(line) / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }

        return values;
    }

    /// <summary>User plus system CPU seconds the process has used.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / 100.0; // USER_HZ is 100 on Linux.
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    /// <summary>"VmRSS:\t  159720 kB" → 159720.</summary>
    private static long Kilobytes(string line) =>
        long.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..^3].Trim(), CultureInfo.InvariantCulture);
}

/// <summary>Resident memory of a process by kind, in MB.</summary>
internal sealed record MemoryBreakdown(double RssMb, double AnonymousMb, double FileMb, double SharedMb)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"anon {AnonymousMb:0} + file {FileMb:0} + shared {SharedMb:0} MB");
}
