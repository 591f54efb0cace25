using System.Globalization;
using System.Text;

namespace ContractBridge.Simulators.Ironclad.Documents;

/// <summary>
/// Writes a small but valid one-page PDF 1.4: catalog, pages, page, content stream, Helvetica font and an info
/// dictionary, with an xref table whose offsets point at each <c>n 0 obj</c>, a trailer and <c>%%EOF</c>.
/// Text is WinAnsi (Latin-1); characters outside it print as '?'.
/// </summary>
public static class MinimalPdf
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static byte[] Create(string title, IReadOnlyList<string> lines)
    {
        var content = new StringBuilder();
        content.Append("BT\n/F1 18 Tf\n72 720 Td\n(").Append(Escape(title)).Append(") Tj\n/F1 12 Tf\n");
        foreach (var line in lines)
        {
            content.Append("0 -24 Td\n(").Append(Escape(line)).Append(") Tj\n");
        }

        content.Append("ET\n");
        var stream = Latin1.GetBytes(content.ToString());

        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {stream.Length} >>\nstream\n{Latin1.GetString(stream)}endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            $"<< /Title ({Escape(title)}) /Producer (ContractBridge Ironclad simulator) >>",
        ];

        using var output = new MemoryStream();
        Write(output, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new long[objects.Length];
        for (var i = 0; i < objects.Length; i++)
        {
            offsets[i] = output.Position;
            Write(output, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = output.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Write(output, table.ToString());
        return output.ToArray();
    }

    private static void Write(Stream output, string text) => output.Write(Latin1.GetBytes(text));

    /// <summary>A PDF literal string: backslash, parentheses escaped; only Latin-1 survives.</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '(' or ')':
                    builder.Append('\\').Append(c);
                    break;
                case < ' ':
                    builder.Append(' ');
                    break;
                case > '\u00ff':
                    builder.Append('?');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
