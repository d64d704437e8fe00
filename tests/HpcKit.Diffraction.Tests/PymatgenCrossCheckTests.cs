using System.Text.Json;
using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Instruments;
using HpcKit.Diffraction.Simulation;

namespace HpcKit.Diffraction.Tests;

/// <summary>
/// Constant-wavelength sticks against pymatgen's NDCalculator (fixture made by
/// scripts/fixtures/diffraction/pymatgen_cw_sticks.py). Conventions matched: full-sphere sum of |F|² (so multiplicity
/// is implicit in both), L = 1/(sin²θ cosθ) in both, no Debye–Waller damping in both, pymatgen's merge (2θ within
/// 1e-5°) and cut (scaled intensity > 1e-3 of 100) applied to ours.
/// </summary>
public class PymatgenCrossCheckTests
{
    public static IEnumerable<object[]> Cases()
    {
        var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pymatgen_cw_sticks.json")));
        int i = 0;
        foreach (var _ in doc.RootElement.GetProperty("cases").EnumerateArray()) yield return [i++];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CwSticksMatchPymatgen(int index)
    {
        var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pymatgen_cw_sticks.json")));
        var c = doc.RootElement.GetProperty("cases")[index];
        Assert.True(Prototypes.TryParse(c.GetProperty("name").GetString()!, out var cls));
        var cell = c.GetProperty("cell").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        var s = Prototypes.Structure(cls).WithCell(new UnitCell(cell[0], cell[1], cell[2], cell[3], cell[4], cell[5]));
        var sticks = CwSimulator.Sticks(s, new CwInstrument { Lambda = 1.54184, TwoThetaMin = 5, TwoThetaMax = 150 }, debyeWaller: false);

        // pymatgen's rules applied to ours
        var merged = new List<(double TT, double I)>();
        foreach (var st in sticks)
        {
            if (merged.Count > 0 && Math.Abs(merged[^1].TT - st.TwoTheta) < 1e-5) merged[^1] = (merged[^1].TT, merged[^1].I + st.Intensity);
            else merged.Add((st.TwoTheta, st.Intensity));
        }
        double max = merged.Max(m => m.I);
        var ours = merged.Select(m => (m.TT, I: m.I / max * 100)).Where(m => m.I > 1e-3).ToList();
        var refs = c.GetProperty("sticks").EnumerateArray().Select(x => (TT: x.GetProperty("two_theta").GetDouble(), I: x.GetProperty("intensity").GetDouble())).ToList();
        Assert.Equal(refs.Count, ours.Count);
        for (int i = 0; i < refs.Count; i++)
        {
            Assert.True(Math.Abs(refs[i].TT - ours[i].TT) < 1e-4, $"{c.GetProperty("name")} peak {i}: 2θ {ours[i].TT} vs pymatgen {refs[i].TT}");
            Assert.True(Math.Abs(refs[i].I - ours[i].I) < 0.01, $"{c.GetProperty("name")} peak {i} at {refs[i].TT}: I {ours[i].I} vs pymatgen {refs[i].I}");
        }
    }

    [Fact]
    public void TofAndCwSticksDifferOnlyByLorentzFactor()
    {
        var s = Prototypes.At(PrototypeClass.Tetragonal, new CellParameters(3.9, 4.1, 90));
        var cw = CwSimulator.Sticks(s, new CwInstrument { Lambda = 1.0, TwoThetaMin = 20, TwoThetaMax = 150 });
        var tof = new TofSimulator(s, TofInstrument.NomadBank4, TofGrid.Default, ProfileKind.Delta).Peaks;
        int matched = 0;
        foreach (var st in cw)
        {
            var t = tof.FirstOrDefault(p => Math.Abs(p.Reflection.D - st.D) < 1e-9 * st.D);
            if (t.Intensity == 0) continue;
            double th = st.TwoTheta * Math.PI / 360;
            double lcw = 1 / (Math.Sin(th) * Math.Sin(th) * Math.Cos(th)), ltof = TofInstrument.NomadBank4.SinThetaBank * Math.Pow(st.D, 4);
            Assert.Equal(1, (t.Intensity / ltof) / (st.Intensity / lcw), 12);
            matched++;
        }
        Assert.True(matched > 10);
    }
}
