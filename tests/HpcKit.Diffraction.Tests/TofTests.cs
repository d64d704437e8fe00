using HpcKit.Core;
using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Instruments;
using HpcKit.Diffraction.Profiles;
using HpcKit.Diffraction.Simulation;

namespace HpcKit.Diffraction.Tests;

public class TofTests
{
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(19.21, 0.0)]
    [InlineData(-5.0, 0.0)]
    [InlineData(19.21, 3.5)]
    public void TofDRoundTrip(double difA, double difB)
    {
        var inst = TofInstrument.NomadBank4 with { DifA = difA, DifB = difB };
        for (double d = 0.1; d <= 5; d += 0.0173)
            Assert.Equal(1, inst.DFromTof(inst.TofFromD(d)) / d, 12);
    }

    [Fact]
    public void DefaultGridAndNomadConstants()
    {
        var g = TofGrid.Default;
        var inst = TofInstrument.NomadBank4;
        Assert.Equal(2806, g.Count);
        for (int i = 1; i < g.Count; i++) Assert.Equal(Math.Exp(g.Tau), g.Tof(i) / g.Tof(i - 1), 14);
        Assert.Equal(0.142665, inst.DFromTof(g.TMin), 6);
        // the spec's d(T_max) = 1.98381 Å is at GSAS-II's range end 18 919 µs; our last (2806th) point is 18 894.2 µs
        Assert.Equal(1.98381, inst.DFromTof(18919), 5);
        Assert.Equal(1.98122, inst.DFromTof(g.TMax), 5);
        Assert.Equal(18894.2, g.TMax, 1);
        Assert.Equal(2807, TofGrid.FromRange(1360, 18919, 0.0009381).Count);
        double difC = 505.556 * inst.FlightPath * inst.SinThetaBank;
        Assert.Equal(9506.6, difC, 1);
        Assert.True(Math.Abs(difC / inst.DifC - 1) < 0.00115); // "within 0.11%"
    }

    [Theory]
    [InlineData(4.1)]
    [InlineData(3.3)]
    public void CubicTofPositionsFollowD(double a)
    {
        var sim = new TofSimulator(Prototypes.At(PrototypeClass.Cubic, new CellParameters(a, a, 90)), TofInstrument.NomadBank4, TofGrid.Default);
        foreach (var p in sim.Peaks)
        {
            var r = p.Reflection;
            Assert.Equal(a / Math.Sqrt(r.H * r.H + r.K * r.K + r.L * r.L), r.D, 12);
            Assert.Equal(4.840 + 9496.17 * r.D + 19.21 * r.D * r.D, p.Tof, 9);
        }
    }

    [Theory]
    [InlineData(PrototypeClass.Cubic)]
    [InlineData(PrototypeClass.Trigonal)]
    [InlineData(PrototypeClass.Tetragonal)]
    public void DeltaProfileSumEqualsSumOfIntensities(PrototypeClass cls)
    {
        var s = Prototypes.At(cls, cls == PrototypeClass.Trigonal ? new CellParameters(4.0, 4.0, 70) : new CellParameters(3.9, 4.2, 90));
        var sim = new TofSimulator(s, TofInstrument.NomadBank4, TofGrid.Default, ProfileKind.Delta);
        var y = new double[TofGrid.Default.Count];
        sim.Simulate(y);
        double expected = sim.Peaks.Where(p => p.Bin >= 0 && p.Bin <= TofGrid.Default.Count - 1).Sum(p => p.Intensity);
        Assert.Equal(1, y.Sum() / expected, 10);
    }

    [Fact]
    public void SampledWellResolvedPeakIntegratesToItsIntensity()
    {
        // one reflection (a single atom, small cell) far from the grid ends
        var s = new CrystalStructure("one", UnitCell.Cubic(3.0), [SymmetryOperator.Identity], [new AtomSite("Ni", "Ni", 0, 0, 0, 1, 0)]);
        var sim = new TofSimulator(s, TofInstrument.NomadBank4, TofGrid.Default, ProfileKind.Direct, TofProfileMode.InstrumentOnly);
        var y = new double[TofGrid.Default.Count];
        sim.Simulate(y);
        var peak = sim.Peaks.Single(p => p.Reflection.Multiplicity == 6 && Math.Abs(p.Reflection.D - 1.5) < 1e-9); // {200}
        int c = (int)peak.Bin;
        double area = 0, tau = TofGrid.Default.Tau;
        // isolate: the neighbouring peaks ({111} at 1.732, {220} at 1.061) are > 150 bins away
        for (int j = c - 60; j <= c + 60; j++) area += y[j] * TofGrid.Default.Tof(j) * tau;
        Assert.Equal(1, area / peak.Intensity, 3);
    }

    [Theory]
    [InlineData(PrototypeClass.Cubic, TofProfileMode.Gsas2Default)]
    [InlineData(PrototypeClass.Trigonal, TofProfileMode.Gsas2Default)]
    [InlineData(PrototypeClass.Tetragonal, TofProfileMode.Gsas2Default)]
    [InlineData(PrototypeClass.Tetragonal, TofProfileMode.InstrumentOnly)]
    public void FastPathEqualsGeneralPath(PrototypeClass cls, TofProfileMode mode)
    {
        var fast = PrototypeSimulator.Get(cls, mode);
        var box = ParameterBox.For(cls);
        var rng = new HpcKit.Core.Random.RandomStream(7, (ulong)cls);
        var yf = new float[TofGrid.Default.Count];
        var yg = new float[TofGrid.Default.Count];
        for (int n = 0; n < 4; n++)
        {
            var p = box.Sample(ref rng);
            fast.Simulate(p, yf);
            new TofSimulator(Prototypes.At(cls, p), TofInstrument.NomadBank4, TofGrid.Default, ProfileKind.Table, mode).Simulate(yg);
            float max = yg.Max();
            Assert.True(max > 0);
            for (int i = 0; i < yf.Length; i++)
                Assert.True(Math.Abs(yf[i] - yg[i]) <= 1e-5 * max, $"{cls} {p} bin {i}: fast {yf[i]} general {yg[i]} (max {max})");
        }
    }

    [Fact]
    public void DeterministicDatasetsPerSeedAndThreadCount()
    {
        PrototypeClass[] all = [PrototypeClass.Trigonal, PrototypeClass.Tetragonal, PrototypeClass.Cubic];
        var a = BatchSimulator.Random(all, 40, seed: 11, threads: 1, minMax: true);
        var b = BatchSimulator.Random(all, 40, seed: 11, threads: 2, minMax: true);
        var c = BatchSimulator.Random(all, 40, seed: 12, threads: 2, minMax: true);
        Assert.Equal(a.Patterns, b.Patterns);
        Assert.Equal(a.Parameters, b.Parameters);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Parameters, c.Parameters);
        Assert.All(a.Parameters.Zip(a.Labels), t => Assert.True(ParameterBox.For((PrototypeClass)t.Second).Contains(t.First)));
        Assert.Equal(1f, a.Pattern(5).ToArray().Max());
        Assert.Equal(0f, a.Pattern(5).ToArray().Min());

        var ms = new MemoryStream();
        DatasetWriter.Write(ms, a);
        Assert.Equal(DatasetWriter.HeaderBytes + a.Count * (a.Bins * 4 + 24 + 4), ms.Length);
        ms.Position = 0;
        var back = DatasetReader.Read(ms);
        Assert.Equal(a.Patterns, back.Patterns);
        Assert.Equal(a.Parameters, back.Parameters);
        Assert.Equal(a.Labels, back.Labels);
        Assert.True(back.MinMaxScaled);
        ms.SetLength(100);
        ms.Position = 0;
        Assert.Throws<HpcKitDataException>(() => DatasetReader.Read(ms));
    }
}
