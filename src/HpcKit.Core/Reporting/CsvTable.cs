using System.Globalization;
using System.Text;

namespace HpcKit.Core.Reporting;

/// <summary>A CSV table built row by row (RFC 4180 quoting, invariant culture, round-trip doubles), written atomically.</summary>
public sealed class CsvTable
{
    private readonly List<string[]> _rows = [];

    public CsvTable(params string[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("a table needs columns");
        Columns = columns;
    }

    public IReadOnlyList<string> Columns { get; }

    public int RowCount => _rows.Count;

    /// <summary>Appends a row; numbers are formatted invariantly ("R" for doubles).</summary>
    public void Add(params object?[] values)
    {
        if (values.Length != Columns.Count) throw new ArgumentException($"row has {values.Length} values, table has {Columns.Count} columns");
        var row = new string[values.Length];
        for (int i = 0; i < values.Length; i++) row[i] = Format(values[i]);
        _rows.Add(row);
    }

    public static string Format(object? v) => v switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    public override string ToString()
    {
        var sb = new StringBuilder();
        WriteRow(sb, Columns);
        foreach (var r in _rows) WriteRow(sb, r);
        return sb.ToString();
    }

    public void Save(string path) => AtomicFile.WriteAllText(path, ToString());

    private static void WriteRow(StringBuilder sb, IReadOnlyList<string> cells)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0) sb.Append(',');
            string c = cells[i];
            if (c.AsSpan().IndexOfAny(",\"\n\r") >= 0) sb.Append('"').Append(c.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else sb.Append(c);
        }
        sb.Append('\n');
    }
}
