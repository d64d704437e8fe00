using HpcKit.Core;
using HpcKit.Diffraction.Crystal;

namespace HpcKit.Diffraction.Tests;

public class CrystalTests
{
    [Theory]
    [InlineData(PrototypeClass.Cubic, 192, new[] { 8, 4, 4, 4, 24 })]
    [InlineData(PrototypeClass.Trigonal, 12, new[] { 2, 2, 6 })]
    [InlineData(PrototypeClass.Tetragonal, 8, new[] { 1, 1, 1, 2 })]
    public void CifExpansionGivesPublishedOrbitSizes(PrototypeClass cls, int ops, int[] orbits)
    {
        var s = Prototypes.Structure(cls);
        Assert.Equal(ops, s.Operators.Count);
        Assert.Equal(orbits, s.OrbitSizes.ToArray());
        Assert.Equal(orbits.Sum(), s.Atoms.Count);
        Assert.Empty(s.Warnings);
    }

    [Fact]
    public void CubicCompositionMatchesSpec()
    {
        var c = Prototypes.Structure(PrototypeClass.Cubic).Composition();
        Assert.Equal(10.6668, c["Ba"], 9);
        Assert.Equal(5.3332, c["Bi"], 9);
        Assert.Equal(22.68, c["O"], 9);
        Assert.All(Prototypes.Structure(PrototypeClass.Cubic).Atoms, a => Assert.Equal(AtomSite.DefaultUiso, a.Uiso));
        Assert.All(Prototypes.Structure(PrototypeClass.Trigonal).Atoms, a => Assert.Equal(0.0, a.Uiso));
    }

    [Theory]
    [InlineData(PrototypeClass.Cubic)]
    [InlineData(PrototypeClass.Trigonal)]
    [InlineData(PrototypeClass.Tetragonal)]
    public void OperatorsFormAClosedGroup(PrototypeClass cls)
    {
        var ops = Prototypes.Structure(cls).Operators;
        foreach (var a in ops)
            foreach (var b in ops)
            {
                var c = a.Compose(b);
                Assert.Contains(ops, o => o.SameAs(c));
            }
    }

    [Theory]
    [InlineData("-y+1/2,x-1/2,z", new[] { 0, -1, 0, 1, 0, 0, 0, 0, 1 }, new[] { 0.5, -0.5, 0 })]
    [InlineData("1/2+x, -x+y, 0.5-z", new[] { 1, 0, 0, -1, 1, 0, 0, 0, -1 }, new[] { 0.5, 0, 0.5 })]
    [InlineData("X,Y,Z", new[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, new[] { 0.0, 0, 0 })]
    public void ParsesOperators(string text, int[] r, double[] t)
    {
        var op = SymmetryOperator.Parse(text);
        Assert.Equal(r, op.Rotation.ToArray());
        Assert.Equal(t, op.Translation.ToArray());
    }

    [Theory]
    [InlineData("Ba2+", "Ba")]
    [InlineData("Bi5+", "Bi")]
    [InlineData("La+3", "La")]
    [InlineData("O-2", "O")]
    [InlineData("O2-", "O")]
    [InlineData("O1", "O")]
    [InlineData("Mn1", "Mn")]
    [InlineData("D", "D")]
    [InlineData("2H", "2H")]
    public void StripsCharges(string text, string element) => Assert.Equal(element, CifReader.ElementSymbol(text));

    [Fact]
    public void TetragonalAndRhombohedralDSpacingsMatchClosedForms()
    {
        var tet = UnitCell.Tetragonal(3.9, 4.27);
        var rho = UnitCell.Rhombohedral(4.2, 71.3);
        double ca = Math.Cos(71.3 * Math.PI / 180), sa2 = 1 - ca * ca;
        for (int h = -4; h <= 4; h++)
            for (int k = -4; k <= 4; k++)
                for (int l = -4; l <= 4; l++)
                {
                    if (h == 0 && k == 0 && l == 0) continue;
                    double qt = (h * h + k * k) / (3.9 * 3.9) + l * l / (4.27 * 4.27);
                    Assert.Equal(1, tet.InverseDSquared(h, k, l) / qt, 12);
                    double qr = ((h * h + k * k + l * l) * sa2 + 2.0 * (h * k + k * l + h * l) * (ca * ca - ca)) / (4.2 * 4.2 * (1 - 3 * ca * ca + 2 * ca * ca * ca));
                    Assert.Equal(1, rho.InverseDSquared(h, k, l) / qr, 12);
                }
        // G* G = I
        var g = rho.Metric; var r = rho.ReciprocalMetric;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                double s = 0;
                for (int m = 0; m < 3; m++) s += g[i, m] * r[m, j];
                Assert.Equal(i == j ? 1 : 0, s, 12);
            }
    }

    [Theory]
    [InlineData(-1, 4, 4, 90, 90, 90)]
    [InlineData(4, 4, 0, 90, 90, 90)]
    [InlineData(4, 4, 4, 120, 120, 120)]
    [InlineData(4, 4, 4, 90, 90, 180)]
    [InlineData(4, 4, 4, 10, 10, 100)]
    public void RejectsNonPhysicalCells(double a, double b, double c, double al, double be, double ga)
    {
        var e = Assert.Throws<HpcKitDataException>(() => new UnitCell(a, b, c, al, be, ga));
        Assert.Contains("non-physical cell", e.Message);
    }
}
