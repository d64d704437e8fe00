using System.Text.Json;
using HpcKit.Core;
using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Scattering;

namespace HpcKit.Diffraction.Tests;

public class ScatteringTests
{
    [Fact]
    public void TableMatchesPymatgenWhereBothHaveEntries()
    {
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pymatgen_scattering_lengths.json")));
        int compared = 0;
        foreach (var e in json.RootElement.EnumerateObject())
            if (ScatteringLengths.TryGet(e.Name, out var b))
            {
                Assert.True(Math.Abs(b.Real - e.Value.GetDouble()) < 1e-9, $"{e.Name}: {b.Real} vs pymatgen {e.Value.GetDouble()}");
                compared++;
            }
        Assert.True(compared >= 130, $"only {compared} entries compared");
        for (int z = 1; z <= 96; z++) { } // coverage of Z is checked below
        string[] spec = ["Ba", "Bi", "O", "La", "Mn", "K", "Nb"];
        double[] val = [5.07, 8.532, 5.803, 8.24, -3.73, 3.67, 7.054];
        for (int i = 0; i < spec.Length; i++) Assert.Equal(val[i], ScatteringLengths.Get(spec[i]).Real);
        Assert.Equal(6.671, ScatteringLengths.Get("D").Real);
        Assert.Equal(-3.7406, ScatteringLengths.Get("1H").Real);
        Assert.True(ScatteringLengths.Get("Gd").Imaginary < -10);
        Assert.Throws<HpcKitDataException>(() => ScatteringLengths.Get("Xx"));
    }

    [Theory]
    [InlineData(4.1)]
    [InlineData(2.5)]
    [InlineData(5.5)]
    [InlineData(8.767)]
    public void CubicPeakPositionsAndFm3mAbsences(double a)
    {
        var s = Prototypes.At(PrototypeClass.Cubic, new CellParameters(a, a, 90));
        var refl = ReflectionList.Generate(s, 0.3, 10);
        Assert.NotEmpty(refl);
        foreach (var r in refl)
        {
            int n = r.H * r.H + r.K * r.K + r.L * r.L;
            Assert.Equal(1, r.D / (a / Math.Sqrt(n)), 12);
            bool allEven = r.H % 2 == 0 && r.K % 2 == 0 && r.L % 2 == 0;
            bool allOdd = Math.Abs(r.H % 2) == 1 && Math.Abs(r.K % 2) == 1 && Math.Abs(r.L % 2) == 1;
            Assert.True(allEven || allOdd, $"({r.Hkl}) survives in Fm-3m");
        }
        var sf = new StructureFactor(s, 6, 6, 6);
        double max = 0;
        var mixed = new List<double>();
        for (int h = -5; h <= 5; h++)
            for (int k = -5; k <= 5; k++)
                for (int l = -5; l <= 5; l++)
                {
                    if (h == 0 && k == 0 && l == 0) continue;
                    double f2 = System.Numerics.Complex.Abs(sf.Evaluate(h, k, l, s.Cell.DSpacing(h, k, l)));
                    f2 *= f2;
                    max = Math.Max(max, f2);
                    bool e = (h & 1) == 0, o = (k & 1) == 0, q = (l & 1) == 0;
                    if (!(e == o && o == q)) mixed.Add(f2);
                }
        Assert.All(mixed, f2 => Assert.True(f2 <= 1e-20 * max, $"mixed-parity |F|^2 = {f2}"));
    }

    [Fact]
    public void RhombohedralR3cAbsencesAndP4mmHasNone()
    {
        var tr = Prototypes.Structure(PrototypeClass.Trigonal);
        var sf = new StructureFactor(tr, 7, 7, 7);
        double max = 0;
        for (int h = -6; h <= 6; h++)
            for (int l = -6; l <= 6; l++)
                max = Math.Max(max, System.Numerics.Complex.Abs(sf.Evaluate(h, h, l, 1)));
        for (int h = -6; h <= 6; h++)
            for (int l = -6; l <= 6; l += 1)
            {
                if ((l & 1) == 0 || (h == 0 && l == 0)) continue;
                foreach (var (a, b, c) in new[] { (h, h, l), (h, l, h), (l, h, h) })
                    Assert.True(System.Numerics.Complex.Abs(sf.Evaluate(a, b, c, 1)) < 1e-10 * max, $"({a} {b} {c}) should be absent in R-3c");
            }
        var te = Prototypes.Structure(PrototypeClass.Tetragonal);
        var sft = new StructureFactor(te, 5, 5, 5);
        for (int h = -5; h <= 5; h++)
            for (int k = -5; k <= 5; k++)
                for (int l = -5; l <= 5; l++)
                    if (h != 0 || k != 0 || l != 0)
                        Assert.True(System.Numerics.Complex.Abs(sft.Evaluate(h, k, l, 1)) > 1e-6, $"({h} {k} {l}) absent in P4mm");
    }

    [Fact]
    public void FriedelAndLatticeTranslationInvariance()
    {
        var s = Prototypes.Structure(PrototypeClass.Tetragonal);
        var shifted = new CrystalStructure("shift", s.Cell, [SymmetryOperator.Identity], s.Atoms.Select(a => a with { X = a.X + 1, Y = a.Y - 2, Z = a.Z + 3 }).ToList());
        var sf = new StructureFactor(s, 4, 4, 4);
        var sf2 = new StructureFactor(shifted, 4, 4, 4);
        for (int h = -4; h <= 4; h++)
            for (int k = -4; k <= 4; k++)
                for (int l = -4; l <= 4; l++)
                {
                    if (h == 0 && k == 0 && l == 0) continue;
                    double d = s.Cell.DSpacing(h, k, l);
                    double f = System.Numerics.Complex.Abs(sf.Evaluate(h, k, l, d));
                    Assert.Equal(f, System.Numerics.Complex.Abs(sf.Evaluate(-h, -k, -l, d)), 10);
                    Assert.Equal(f, System.Numerics.Complex.Abs(sf2.Evaluate(h, k, l, d)), 10);
                }
    }

    [Fact]
    public void MultiplicitiesOfCubicFamilies()
    {
        var s = Prototypes.At(PrototypeClass.Cubic, new CellParameters(4.0, 4.0, 90));
        var refl = ReflectionList.Generate(s, 1.0, 10);
        var byN = refl.ToDictionary(r => r.H * r.H + r.K * r.K + r.L * r.L, r => r.Multiplicity);
        Assert.Equal(8, byN[3]);   // {111}
        Assert.Equal(6, byN[4]);   // {200}
        Assert.Equal(12, byN[8]);  // {220}
        Assert.Equal(24, byN[11]); // {311}
    }

    [Fact]
    public void DMinTooSmallForMemoryIsAClearError()
    {
        var e = Assert.Throws<HpcKitDataException>(() => ReflectionList.Generate(Prototypes.Structure(PrototypeClass.Cubic), 0.002, 10));
        Assert.Contains("too small for memory", e.Message);
    }
}
