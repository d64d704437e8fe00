using System.Globalization;
using HpcKit.Sparse.IO;

namespace HpcKit.Cli.Tests;

/// <summary>The sparse verbs end to end: generate a KKT sequence, solve it as a sequence and one system alone; bad input.</summary>
public sealed class SparseCliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"hpckit-sparse-{Guid.NewGuid():N}");

    public SparseCliTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private string P(string name) => Path.Combine(_dir, name);

    /// <summary>A file of the repository, found by walking up from the test binaries.</summary>
    private static string RepoFile(string relative)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("not found above the test binaries", relative);
    }

    private void Generate()
    {
        var (code, _, err) = HpcKitProcess.Run("sparse", "kkt", "--buses", "200", "--emit-every", "4", "--out", P("kkt"), "--quiet");
        Assert.True(code == 0, err);
    }

    [Fact]
    public void Kkt_sequence_and_solve_produce_accurate_solutions_and_files()
    {
        Generate();
        var mats = Directory.GetFiles(P("kkt"), "A_*.mtx");
        Assert.True(mats.Length >= 3, $"{mats.Length} systems written");
        var (code, stdout, err) = HpcKitProcess.Run("sparse", "sequence", P("kkt/A_*.mtx"), "--rhs", P("kkt/b_*.mtx"), "--reference", P("kkt/x_*.mtx"),
            "--csv", P("seq.csv"), "--plot", P("seq.svg"), "--report", P("seq.json"), "--quiet");
        Assert.True(code == 0, err);
        Assert.Contains("systems " + mats.Length.ToString(CultureInfo.InvariantCulture), stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(P("seq.csv"));
        Assert.Equal(mats.Length + 1, lines.Length);
        var header = lines[0].Split(',');
        int status = Array.IndexOf(header, "status"), relres = Array.IndexOf(header, "relres_after"), fwd = Array.IndexOf(header, "forward_error");
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            Assert.Equal("Converged", f[status]);
            Assert.True(double.Parse(f[relres], CultureInfo.InvariantCulture) <= 1e-12, line);
            Assert.True(double.Parse(f[fwd], CultureInfo.InvariantCulture) <= 1e-6, line);
        }
        Assert.StartsWith("<", File.ReadAllText(P("seq.svg")).TrimStart(), StringComparison.Ordinal);
        Assert.True(new FileInfo(P("seq.json")).Length > 0);

        // one system alone (with row scaling): the solution file is a Matrix Market array that solves A x = b
        string a = mats.Order(StringComparer.Ordinal).Last(), b = a.Replace("A_", "b_", StringComparison.Ordinal);
        (code, _, err) = HpcKitProcess.Run("sparse", "solve", a, b, "--out", P("x.mtx"), "--scale", "rowmax", "--quiet");
        Assert.True(code == 0, err);
        var am = MatrixMarketReader.Read(a).ExpandSymmetric();
        var bv = MatrixMarketReader.Read(b).ToDenseVector();
        var xv = MatrixMarketReader.Read(P("x.mtx")).ToDenseVector();
        var r = new double[bv.Length];
        am.Residual(bv, xv, r);
        double rn = Math.Sqrt(r.Sum(v => v * v)), bn = Math.Sqrt(bv.Sum(v => v * v));
        Assert.True(rn <= 1e-12 * bn, $"relative residual {rn / bn:E2}");
    }

    [Fact]
    public void Bad_input_gives_one_line_and_the_documented_exit_code()
    {
        File.WriteAllText(P("bad.mtx"), "%%MatrixMarket matrix coordinate real general\n3 3 2\n1 1 1.0\n4 1 2.0\n");
        File.WriteAllText(P("b.mtx"), "%%MatrixMarket matrix array real general\n3 1\n1\n1\n1\n");
        var (code, _, err) = HpcKitProcess.Run("sparse", "solve", P("bad.mtx"), P("b.mtx"), "--out", P("x.mtx"));
        Assert.Equal(3, code);
        Assert.Contains("bad.mtx:4", err, StringComparison.Ordinal);
        Assert.False(File.Exists(P("x.mtx")));

        // column 2 empty: structurally singular; [1 1; 1 1] block: numerically singular only
        File.WriteAllText(P("s1.mtx"), "%%MatrixMarket matrix coordinate real general\n3 3 3\n1 1 1.0\n2 2 1.0\n3 2 1.0\n");
        (code, _, err) = HpcKitProcess.Run("sparse", "solve", P("s1.mtx"), P("b.mtx"));
        Assert.Equal(3, code);
        Assert.Contains("structural rank 2 of 3", err, StringComparison.Ordinal);
        File.WriteAllText(P("s2.mtx"), "%%MatrixMarket matrix coordinate real general\n3 3 5\n1 1 1.0\n2 1 1.0\n1 2 1.0\n2 2 1.0\n3 3 1.0\n");
        (code, _, err) = HpcKitProcess.Run("sparse", "solve", P("s2.mtx"), P("b.mtx"));
        Assert.Equal(3, code);
        Assert.Contains("numerically singular", err, StringComparison.Ordinal);

        // structurally singular, but rounding leaves nonzero pivots: the solve runs and a warning names the rank
        File.WriteAllText(P("b18.mtx"), "%%MatrixMarket matrix array real general\n18 1\n" + string.Concat(Enumerable.Repeat("1\n", 18)));
        (code, _, err) = HpcKitProcess.Run("sparse", "solve", RepoFile("tests/HpcKit.Sparse.Tests/Fixtures/structurally_singular_18.mtx"), P("b18.mtx"), "--quiet");
        Assert.Contains("structurally singular (structural rank 17 of 18)", err, StringComparison.Ordinal);
        Assert.NotEqual(0, code); // b = 1 is not in the range: Inaccurate (exit 1)

        (code, _, err) = HpcKitProcess.Run("sparse", "sequence", P("none_*.mtx"));
        Assert.Equal(2, code);
        Assert.Contains("no file matches", err, StringComparison.Ordinal);

        Generate();
        foreach (var (opt, value) in new[] { ("--refactor-every", "0"), ("--rcond-drop", "-1"), ("--boost", "0"), ("--ordering", "metis"), ("--scale", "colmax") })
        {
            (code, _, err) = HpcKitProcess.Run("sparse", "sequence", P("kkt/A_*.mtx"), opt, value, "--quiet");
            Assert.True(code == 2, $"{opt} {value}: exit {code}, {err}");
            Assert.Single(err.Trim().Split('\n'));
        }
    }
}
