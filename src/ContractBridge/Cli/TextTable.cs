using System.Text;

namespace ContractBridge.Cli;

/// <summary>A plain, aligned text table for terminals and logs: one line per row, cells cut to a readable width.</summary>
public sealed class TextTable(params string[] headers)
{
    private const int MaxCellWidth = 90;

    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    /// <summary>Keep the last column whole (one line, not shortened): for details that must be read in full.</summary>
    public bool FullLastColumn { get; init; }

    public void Add(params string?[] cells) =>
        _rows.Add([.. headers.Select((_, i) => FullLastColumn && i == headers.Length - 1
            ? (i < cells.Length ? cells[i] ?? string.Empty : string.Empty).ReplaceLineEndings(" ").Trim()
            : OneLine(i < cells.Length ? cells[i] : null))]);

    public override string ToString()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        // The last column is never padded, so its width does not matter.
        var text = new StringBuilder();
        AppendRow(text, headers, widths);
        AppendRow(text, [.. widths.Select(w => new string('-', w))], widths);
        foreach (var row in _rows)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    /// <summary>Errors from upstreams span lines and run long: one line, shortened, keeps the table a table.</summary>
    public static string OneLine(string? text)
    {
        var line = (text ?? string.Empty).ReplaceLineEndings(" ").Trim();
        return line.Length <= MaxCellWidth ? line : line[..(MaxCellWidth - 1)] + "…";
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var last = i == cells.Length - 1;
            text.Append(last ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        text.Append('\n');
    }
}
