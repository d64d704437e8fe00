using HpcKit.Core;

namespace HpcKit.Diffraction.Crystal;

/// <summary>One CIF token with its 1-based line.</summary>
internal readonly record struct CifToken(string Text, long Line, bool IsTag, bool IsBare)
{
    public bool IsMissing => IsBare && Text is "." or "?";
}

/// <summary>A CIF loop: tags and row-major values.</summary>
internal sealed class CifLoop(long line)
{
    public long Line { get; } = line;
    public List<string> Tags { get; } = [];
    public List<CifToken> Values { get; } = [];
    public int Rows => Values.Count / Tags.Count;
    public int Column(string tag) => Tags.FindIndex(t => t.Equals(tag, StringComparison.OrdinalIgnoreCase));
    public CifToken Get(int row, int col) => Values[row * Tags.Count + col];
}

/// <summary>Splits CIF text into tags and values: comments, quotes ('…', "…"), semicolon text fields.</summary>
internal static class CifTokenizer
{
    public static List<CifToken> Tokenize(string text, string source)
    {
        var tokens = new List<CifToken>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int li = 0; li < lines.Length; li++)
        {
            string line = lines[li];
            long lineNo = li + 1;
            if (line.StartsWith(';'))
            {
                var sb = new System.Text.StringBuilder(line[1..]);
                int start = li;
                li++;
                while (li < lines.Length && !lines[li].StartsWith(';')) sb.Append('\n').Append(lines[li++]);
                if (li >= lines.Length) throw new HpcKitDataException(source, start + 1, "unterminated semicolon text field");
                tokens.Add(new CifToken(sb.ToString(), start + 1, false, false));
                continue;
            }
            int i = 0;
            while (i < line.Length)
            {
                char c = line[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (c == '#') break;
                if (c is '\'' or '"')
                {
                    // a quote closes only when followed by whitespace or end of line
                    int j = i + 1;
                    while (j < line.Length && !(line[j] == c && (j + 1 == line.Length || char.IsWhiteSpace(line[j + 1])))) j++;
                    if (j >= line.Length) throw new HpcKitDataException(source, lineNo, $"unterminated quoted string starting at column {i + 1}");
                    tokens.Add(new CifToken(line[(i + 1)..j], lineNo, false, false));
                    i = j + 1;
                    continue;
                }
                int k = i;
                while (k < line.Length && !char.IsWhiteSpace(line[k])) k++;
                string w = line[i..k];
                tokens.Add(new CifToken(w, lineNo, w.StartsWith('_'), true));
                i = k;
            }
        }
        return tokens;
    }
}
