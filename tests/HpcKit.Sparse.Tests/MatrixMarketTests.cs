using HpcKit.Core;
using HpcKit.Sparse.IO;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Tests;

public class MatrixMarketTests
{
    [Fact]
    public void ActivsgMatricesReadWithExplicitZerosAndSymmetricExpansion()
    {
        var d1 = MatrixMarketReader.Read(SharedData.Path(SharedData.Activ1));
        var d2 = MatrixMarketReader.Read(SharedData.Path(SharedData.Activ2));
        foreach (var d in new[] { d1, d2 })
        {
            Assert.Equal(4644, d.Rows);
            Assert.Equal(4644, d.Columns);
            Assert.Equal(14078, d.StoredEntries);
            Assert.True(d.IsSymmetric);
            for (int t = 0; t < d.StoredEntries; t++) Assert.True(d.RowIndices[t] >= d.ColumnIndices[t]);
            var lower = d.ToCsc();
            int diag = 0, zeroDiag = 0;
            for (int j = 0; j < lower.Columns; j++)
                for (int p = lower.ColPtr[j]; p < lower.ColPtr[j + 1]; p++)
                    if (lower.RowIdx[p] == j) { diag++; if (lower.Values[p] == 0) zeroDiag++; }
            Assert.Equal(4644, diag);
            Assert.Equal(1882, zeroDiag);
            var full = d.ExpandSymmetric();
            Assert.Equal(23512, full.Nnz);
            Assert.Null(full.Validate());
        }
        Assert.True(d1.ExpandSymmetric().SamePattern(d2.ExpandSymmetric()));
        Assert.Equal(d1.ExpandSymmetric().PatternFingerprint(), d2.ExpandSymmetric().PatternFingerprint());
        Assert.Equal(10, MatrixMarketReader.Read(SharedData.Path(SharedData.Rhs10)).Id);
        Assert.Equal(11, MatrixMarketReader.Read(SharedData.Path(SharedData.Rhs11)).Id);
        Assert.Equal(4644, MatrixMarketReader.Read(SharedData.Path(SharedData.Rhs10)).ToDenseVector().Length);
        Assert.Equal(4644, MatrixMarketReader.Read(SharedData.Path(SharedData.Ones1)).ToDenseVector().Length);
    }

    [Theory]
    [InlineData("symmetric", 3118, true)]
    [InlineData("spd", 3800, true)]
    [InlineData("asymmetric", 4101, false)]
    public void SyntheticPairsRead(string kind, int stored, bool symmetric)
    {
        foreach (var idx in new[] { "01", "02" })
        {
            var a = MatrixMarketReader.Read(SharedData.Path($"A_{kind}{idx}.mtx"));
            Assert.Equal(1024, a.Rows);
            Assert.Equal(stored, a.StoredEntries);
            Assert.Equal(symmetric, a.IsSymmetric);
            var b = MatrixMarketReader.Read(SharedData.Path($"b_{kind}{idx}.mtx"));
            Assert.Equal(1024, b.Rows);
            Assert.Equal(1, b.Columns);
        }
    }

    public static TheoryData<string, int, string> Malformed() => new()
    {
        { "", 1, "empty file" },
        { "%%MatrixMarket matrix coordinate real general\n", 2, "size line" },
        { "%MatrixMarket matrix coordinate real general\n1 1 1\n1 1 1\n", 1, "bad banner" },
        { "%%MatrixMarket matrix blob real general\n1 1 1\n1 1 1\n", 1, "bad format" },
        { "%%MatrixMarket matrix coordinate complex general\n1 1 1\n1 1 1 0\n", 1, "NotSupported" },
        { "%%MatrixMarket matrix coordinate real hermitian\n1 1 1\n1 1 1\n", 1, "NotSupported" },
        { "%%MatrixMarket matrix coordinate real skew-symmetric\n1 1 1\n1 1 1\n", 1, "NotSupported" },
        { "%%MatrixMarket matrix coordinate real general\n% c\n2 x 1\n1 1 1\n", 3, "not a non-negative integer" },
        { "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1.0\n\n% gap\n1 q 2\n", 6, "non-numeric column index" },
        { "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1.0\n3 1 2\n", 4, "out of range" },
        { "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1.0\n2 1 abc\n", 4, "non-numeric value" },
        { "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1.0\n", 3, "too few entries" },
        { "%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 1.0\n2 2 1.0\n", 4, "too many entries" },
        { "%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1\n", 3, "wrong token count" },
        { "%%MatrixMarket matrix array real general\n2 1\n1.0\n2.0\n3.0\n", 5, "too many entries" },
        { "%%MatrixMarket matrix coordinate integer general\n1 1 1\n1 1 1.5\n", 3, "expected an integer" },
        { "%%MatrixMarket matrix coordinate real symmetric\n2 3 1\n1 1 1.5\n", 2, "square" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedInputsGiveLineNumbers(string text, int line, string what)
    {
        var ex = Assert.Throws<HpcKitDataException>(() => MatrixMarketReader.Read(new StringReader(text), "bad.mtx"));
        Assert.Equal(line, ex.Line);
        Assert.Contains(what, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.mtx:{line}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TolerantHeadersAndValues()
    {
        var d = MatrixMarketReader.Read(new StringReader("%%matrixmarket   MATRIX Coordinate   Real   Symmetric  \n% ID: 7\n\n3 3 4\n1 1 1D2\n2 1 -0.0\n1 3 inf\n3 3 nan\n"), "t");
        Assert.Equal(7, d.Id);
        var full = d.ExpandSymmetric();
        Assert.Equal(6, full.Nnz); // (1,1) (2,1) (1,2) (3,1) (1,3) (3,3)
        Assert.Equal(100.0, full.Values[0]);
        Assert.NotEmpty(d.Warnings);
        var v = MatrixMarketReader.Read(new StringReader("%%MatrixMarket matrix array real general\n3\n1\n2\n3\n"), "v").ToDenseVector();
        Assert.Equal(new[] { 1.0, 2.0, 3.0 }, v);
        var cv = MatrixMarketReader.Read(new StringReader("%%MatrixMarket matrix coordinate real general\n3 1\n2 5.5\n"), "cv").ToDenseVector();
        Assert.Equal(new[] { 0.0, 5.5, 0.0 }, cv);
        var pat = MatrixMarketReader.Read(new StringReader("%%MatrixMarket matrix coordinate pattern general\n2 2 2\n1 1\n2 1\n"), "p");
        Assert.True(pat.IsPattern);
        Assert.Equal(new[] { 1.0, 1.0 }, pat.ToCsc().Values);
        var dup = "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n1 1 2\n";
        Assert.Equal(3.0, MatrixMarketReader.Read(new StringReader(dup), "d").ToCsc().Values[0]);
        Assert.Throws<HpcKitDataException>(() => MatrixMarketReader.Read(new StringReader(dup), "d", strict: true));
        var warn = MatrixMarketReader.Read(new StringReader("%%MatrixMarket matrix coordinate\n1 1 1\n1 1 2\n"), "w");
        Assert.Contains(warn.Warnings, w => w.Contains("missing field", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteReadRoundTripIsBitwise()
    {
        var a = MatrixMarketReader.Read(SharedData.Path(SharedData.Activ1)).ExpandSymmetric();
        foreach (bool sym in new[] { false, true })
        {
            var sw = new StringWriter();
            MatrixMarketWriter.WriteMatrix(sw, a, sym, ["ID: 3"]);
            var back = MatrixMarketReader.Read(new StringReader(sw.ToString()), "rt");
            var c = sym ? back.ExpandSymmetric() : back.ToCsc();
            Assert.True(a.SamePattern(c));
            Assert.Equal(a.Values, c.Values); // bitwise: xunit compares doubles exactly
            Assert.Equal(3, back.Id);
        }
        var vec = new[] { 1.0 / 3, -0.0, 1e-300, double.MaxValue, 0.1 + 0.2 };
        var vw = new StringWriter();
        MatrixMarketWriter.WriteVector(vw, vec);
        var vb = MatrixMarketReader.Read(new StringReader(vw.ToString()), "v").ToDenseVector();
        for (int i = 0; i < vec.Length; i++) Assert.Equal(BitConverter.DoubleToInt64Bits(vec[i]), BitConverter.DoubleToInt64Bits(vb[i]));
    }

    [Fact]
    public void CsrCscConversionsAreInverse()
    {
        var a = MatrixMarketReader.Read(SharedData.Path("A_asymmetric01.mtx")).ToCsc();
        var csr = a.ToCsr();
        var back = csr.ToCsc();
        Assert.True(a.SamePattern(back));
        Assert.Equal(a.Values, back.Values);
        var x = Enumerable.Range(0, a.Columns).Select(i => Math.Sin(i)).ToArray();
        var y1 = new double[a.Rows];
        var y2 = new double[a.Rows];
        a.Multiply(x, y1);
        csr.Multiply(x, y2);
        for (int i = 0; i < y1.Length; i++) Assert.Equal(y1[i], y2[i], 1e-12);
    }
}
