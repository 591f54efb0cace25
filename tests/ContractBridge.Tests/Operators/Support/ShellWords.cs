using System.Text;

namespace ContractBridge.Tests.Operators.Support;

/// <summary>
/// The little of bash's word splitting the README's command lines use: words separated by blanks, '…' and "…" quoting,
/// a backslash escaping the next character, <c>$(…)</c> kept as part of its word, and <c>#</c> at the start of a word
/// beginning a comment.
/// </summary>
internal static class ShellWords
{
    /// <summary>The line without its comment, trimmed: the command as the README shows it.</summary>
    public static string WithoutComment(string line) => line[..CommentStart(line)].Trim();

    public static string[] Split(string line)
    {
        var text = WithoutComment(line);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c is '\'' or '"')
            {
                var end = Closing(text, i, c);
                word.Append(text, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '$' && i + 1 < text.Length && text[i + 1] == '(')
            {
                var end = Closing(text, i, ')');
                word.Append(text, i, end - i + 1);
                i = end;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                word.Append(text[++i]);
            }
            else
            {
                word.Append(c);
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }

    private static int CommentStart(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '\'' or '"':
                    i = Closing(line, i, line[i]);
                    break;
                case '$' when i + 1 < line.Length && line[i + 1] == '(':
                    i = Closing(line, i, ')');
                    break;
                case '\\':
                    i++;
                    break;
                case '#' when i == 0 || char.IsWhiteSpace(line[i - 1]):
                    return i;
            }
        }

        return line.Length;
    }

    private static int Closing(string text, int start, char closing) =>
        text.IndexOf(closing, start + 1) is var end and >= 0
            ? end
            : throw new FormatException($"Unclosed {text[start]} in: {text}");
}
