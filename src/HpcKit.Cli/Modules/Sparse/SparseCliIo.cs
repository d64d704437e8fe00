using System.CommandLine;
using HpcKit.Core;
using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.IO;
using HpcKit.Sparse.Ordering;
using HpcKit.Sparse.Solvers;
using HpcKit.Sparse.Storage;

namespace HpcKit.Cli.Modules.Sparse;

/// <summary>Shared parsing for the sparse verbs: globs, matrices, option values.</summary>
internal static class SparseCliIo
{
    public static CscMatrix ReadMatrix(string path)
    {
        var d = MatrixMarketReader.Read(path);
        if (d.Rows != d.Columns) throw new HpcKitDataException(path, 0, $"matrix must be square (got {d.Rows} x {d.Columns})");
        return d.ExpandSymmetric();
    }

    public static double[] ReadVector(string path, int n)
    {
        var v = MatrixMarketReader.Read(path).ToDenseVector();
        if (v.Length != n) throw new HpcKitDataException(path, 0, $"vector length {v.Length} does not match the matrix size {n}");
        return v;
    }

    /// <summary>Expands a file glob (wildcards in the file name only), sorted ordinally.</summary>
    public static string[] Glob(string pattern, string what)
    {
        string dir = Path.GetDirectoryName(pattern) is { Length: > 0 } d ? d : ".";
        string file = Path.GetFileName(pattern);
        if (!Directory.Exists(dir)) throw new HpcKitUsageException($"{what}: directory '{dir}' not found");
        var files = file.Contains('*') || file.Contains('?')
            ? Directory.GetFiles(dir, file)
            : File.Exists(pattern) ? [pattern] : [];
        Array.Sort(files, StringComparer.Ordinal);
        if (files.Length == 0) throw new HpcKitUsageException($"{what}: no file matches '{pattern}'");
        return files;
    }

    /// <summary>
    /// Structural rank of <paramref name="a"/> (maximum transversal); below n a warning goes to stderr, because
    /// rounding can then still give nonzero pivots and a "solution" that is not unique.
    /// </summary>
    public static int CheckStructuralRank(CscMatrix a, string path)
    {
        int rank = MaximumTransversal.StructuralRank(a);
        if (rank < a.Columns)
            Console.Error.WriteLine($"warning: {path}: matrix is structurally singular (structural rank {rank} of {a.Columns}); any solution is not unique");
        return rank;
    }

    /// <summary>`--ordering`, shared by the verbs that factorize; parse with <see cref="Ordering"/>.</summary>
    public static Option<string> OrderingOption() =>
        new("--ordering") { Description = "colamd (default), amd or natural", DefaultValueFactory = _ => "colamd" };

    /// <summary>`--scale`; parse with <see cref="Scaling"/>.</summary>
    public static Option<string> ScaleOption() =>
        new("--scale") { Description = "Row scaling before factorizing: none (default) or rowmax (rows to max |a_ij| in [1, 2), powers of two)", DefaultValueFactory = _ => "none" };

    /// <summary>`--gram-schmidt`; parse with <see cref="GramSchmidt"/>.</summary>
    public static Option<string> GramSchmidtOption() =>
        new("--gram-schmidt") { Description = "cgs2 (default), mgs, cgs, mgs2synch or mgspm (post-modern MGS)", DefaultValueFactory = _ => "cgs2" };

    public static OrderingKind Ordering(string s) => s.ToLowerInvariant() switch
    {
        "colamd" => OrderingKind.Colamd,
        "amd" => OrderingKind.Amd,
        "natural" => OrderingKind.Natural,
        _ => throw new HpcKitUsageException($"--ordering must be colamd, amd or natural (got '{s}')"),
    };

    public static RowScaling Scaling(string s) => s.ToLowerInvariant() switch
    {
        "none" => RowScaling.None,
        "rowmax" => RowScaling.RowMax,
        _ => throw new HpcKitUsageException($"--scale must be none or rowmax (got '{s}')"),
    };

    public static GramSchmidtKind GramSchmidt(string s) => s.ToLowerInvariant() switch
    {
        "cgs2" => GramSchmidtKind.Cgs2,
        "mgs" => GramSchmidtKind.Mgs,
        "cgs" => GramSchmidtKind.Cgs,
        "mgs2synch" or "mgs-two-synch" or "twosynch" => GramSchmidtKind.MgsTwoSynch,
        "mgspm" or "mgs-post-modern" => GramSchmidtKind.MgsPostModern,
        _ => throw new HpcKitUsageException($"--gram-schmidt must be cgs2, mgs, cgs, mgs2synch or mgspm (got '{s}')"),
    };
}
