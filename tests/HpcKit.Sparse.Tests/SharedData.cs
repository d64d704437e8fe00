namespace HpcKit.Sparse.Tests;

/// <summary>Locates ../shared/data/sparse relative to the repository root (the folder holding HpcKit.sln).</summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Dir = new(Find);

    public static string Path(string file)
    {
        var d = Dir.Value ?? throw new InvalidOperationException(
            "shared sparse test data not found: expected ../shared/data/sparse beside the repository root (or set HPCKIT_SPARSE_DATA)");
        var p = System.IO.Path.Combine(d, file);
        if (!File.Exists(p)) throw new InvalidOperationException($"shared sparse test file missing: {p}");
        return p;
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("HPCKIT_SPARSE_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(System.IO.Path.Combine(dir.FullName, "HpcKit.sln"))) dir = dir.Parent;
        // ../shared from the repository root; a worktree nested one level deeper looks one level further up
        for (var up = dir?.Parent; up != null; up = up.Parent)
        {
            var d = System.IO.Path.Combine(up.FullName, "shared", "data", "sparse");
            if (Directory.Exists(d)) return d;
        }
        return null;
    }

    public const string Activ1 = "matrix_ACTIVSg200_AC_renumbered_add9_01.mtx";
    public const string Activ2 = "matrix_ACTIVSg200_AC_renumbered_add9_02.mtx";
    public const string Ones1 = "rhs_ACTIVSg200_AC_renumbered_add9_ones_01.mtx";
    public const string Ones2 = "rhs_ACTIVSg200_AC_renumbered_add9_ones_02.mtx";
    public const string Rhs10 = "rhs_ACTIVSg200_AC_10.mtx";
    public const string Rhs11 = "rhs_ACTIVSg200_AC_11.mtx";
}
