using System.Globalization;
using HpcKit.Core.Reporting;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.IO;

/// <summary>
/// Matrix Market writer: coordinate general or symmetric (lower triangle), array for vectors; round-trip ("R")
/// number formatting, explicit zeros written, optional header comments (e.g. "ID: 10"). Files are written atomically.
/// </summary>
public static class MatrixMarketWriter
{
    /// <summary>Writes a sparse matrix. With <paramref name="symmetric"/> only entries with row ≥ column are written.</summary>
    public static void WriteMatrix(string path, CscMatrix a, bool symmetric = false, IEnumerable<string>? comments = null) =>
        AtomicFile.Write(path, w => WriteMatrix(w, a, symmetric, comments));

    /// <summary>Writes a sparse matrix to a text writer.</summary>
    public static void WriteMatrix(TextWriter w, CscMatrix a, bool symmetric = false, IEnumerable<string>? comments = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(a);
        w.Write("%%MatrixMarket matrix coordinate real ");
        w.Write(symmetric ? "symmetric\n" : "general\n");
        WriteComments(w, comments);
        int nz = 0;
        for (int j = 0; j < a.Columns; j++)
            for (int p = a.ColPtr[j]; p < a.ColPtr[j + 1]; p++)
                if (!symmetric || a.RowIdx[p] >= j) nz++;
        w.Write(string.Create(CultureInfo.InvariantCulture, $"{a.Rows} {a.Columns} {nz}\n"));
        for (int j = 0; j < a.Columns; j++)
            for (int p = a.ColPtr[j]; p < a.ColPtr[j + 1]; p++)
            {
                if (symmetric && a.RowIdx[p] < j) continue;
                w.Write(string.Create(CultureInfo.InvariantCulture, $"{a.RowIdx[p] + 1} {j + 1} {a.Values[p]:R}\n"));
            }
    }

    /// <summary>Writes a dense vector as an M × 1 array.</summary>
    public static void WriteVector(string path, ReadOnlySpan<double> v, IEnumerable<string>? comments = null)
    {
        var copy = v.ToArray();
        AtomicFile.Write(path, w => WriteVector(w, copy, comments));
    }

    /// <summary>Writes a dense vector to a text writer.</summary>
    public static void WriteVector(TextWriter w, ReadOnlySpan<double> v, IEnumerable<string>? comments = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.Write("%%MatrixMarket matrix array real general\n");
        WriteComments(w, comments);
        w.Write(string.Create(CultureInfo.InvariantCulture, $"{v.Length} 1\n"));
        foreach (double x in v) w.Write(string.Create(CultureInfo.InvariantCulture, $"{x:R}\n"));
    }

    private static void WriteComments(TextWriter w, IEnumerable<string>? comments)
    {
        if (comments == null) return;
        foreach (var c in comments)
        {
            w.Write(c.StartsWith('%') ? c : "% " + c);
            w.Write('\n');
        }
    }
}
