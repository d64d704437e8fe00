using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Instruments;
using HpcKit.Diffraction.Profiles;
using HpcKit.Diffraction.Scattering;

namespace HpcKit.Diffraction.Simulation;

/// <summary>
/// General-path TOF simulator for any structure: enumerates and merges reflections over the grid's d-range widened
/// by the kernel reach, places each at t = Zero + difC·d + difA·d² + difB/d with I = S·V⁻¹·ΣF²·sinθ_bank·d⁴, and
/// draws y(t_i) = Σ I·P(t_i − t_hkl) sampled at bin centres (P per <see cref="TofProfileMode"/>, default GSAS-II's
/// pseudo-Voigt with its default sample broadening). No background, noise, absorption or extinction.
/// </summary>
public sealed class TofSimulator
{
    private readonly TofKernelTable? _table;

    public TofSimulator(CrystalStructure structure, TofInstrument instrument, TofGrid grid, ProfileKind profile = ProfileKind.Table,
        TofProfileMode mode = TofProfileMode.Gsas2Default, double scale = 1000.0)
    {
        Mode = mode;
        Structure = structure;
        Instrument = instrument;
        Grid = grid;
        Profile = profile;
        Scale = scale;
        double dMin = instrument.DFromTof(grid.Tof(-TofKernelTable.Extension));
        double dMax = instrument.DFromTof(grid.Tof(grid.Count + TofKernelTable.Extension - 1));
        var refl = ReflectionList.Generate(structure, dMin, dMax);
        var peaks = new List<TofPeak>(refl.Count);
        double sinT = instrument.SinThetaBank, invV = 1 / structure.Cell.Volume;
        foreach (var r in refl)
        {
            double t = instrument.TofFromD(r.D);
            double d2 = r.D * r.D;
            peaks.Add(new TofPeak(r, t, grid.Position(t), scale * invV * r.SumF2 * sinT * d2 * d2));
        }
        Peaks = peaks;
        if (profile == ProfileKind.Table) _table = TofKernelTable.For(instrument, grid, mode);
    }

    public CrystalStructure Structure { get; }
    public TofInstrument Instrument { get; }
    public TofGrid Grid { get; }
    public ProfileKind Profile { get; }
    public TofProfileMode Mode { get; }
    public double Scale { get; }

    /// <summary>Merged reflections in (and just around) the grid, by decreasing d.</summary>
    public IReadOnlyList<TofPeak> Peaks { get; }

    /// <summary>Simulates the pattern into <paramref name="y"/> (length = grid.Count).</summary>
    public void Simulate(Span<float> y)
    {
        CheckLength(y.Length);
        if (_table == null)
        {
            var yd = new double[Grid.Count];
            Simulate(yd);
            for (int i = 0; i < yd.Length; i++) y[i] = (float)yd[i];
            return;
        }
        var buf = new float[_table.BufferLength];
        foreach (var p in Peaks)
            if (_table.Covers(p.Bin)) _table.Add(buf, p.Bin, (float)p.Intensity);
        buf.AsSpan(TofKernelTable.Pad, Grid.Count).CopyTo(y);
    }

    /// <summary>Simulates in double (Direct and Delta profiles; Table is widened from float).</summary>
    public void Simulate(Span<double> y)
    {
        CheckLength(y.Length);
        y.Clear();
        if (Profile == ProfileKind.Table)
        {
            var f = new float[Grid.Count];
            Simulate(f);
            for (int i = 0; i < f.Length; i++) y[i] = f[i];
            return;
        }
        var table = Profile == ProfileKind.Direct ? TofKernelTable.For(Instrument, Grid, Mode) : null;
        foreach (var p in Peaks)
        {
            if (Profile == ProfileKind.Delta)
            {
                if (p.Bin < 0 || p.Bin > Grid.Count - 1) continue;
                int i = (int)Math.Floor(p.Bin);
                double w = p.Bin - i;
                y[i] += p.Intensity * (1 - w);
                if (i + 1 < Grid.Count) y[i + 1] += p.Intensity * w;
                continue;
            }
            if (!table!.Covers(p.Bin)) continue;
            int ib = (int)Math.Floor(p.Bin);
            int start = ib + table.Start(ib);
            double d = p.Reflection.D;
            var (left, right) = table.TailReach(ib);
            int lo = Math.Max(0, Math.Min(start, ib - left)), hi = Math.Min(Grid.Count, Math.Max(start + table.Width, ib + right + 1));
            var shape = new PeakShape(Instrument, d, Mode);
            for (int j = lo; j < hi; j++)
                y[j] += p.Intensity * shape.Evaluate(Grid.Tof(j) - p.Tof);
        }
    }

    private void CheckLength(int n)
    {
        if (n != Grid.Count) throw new ArgumentException($"output length {n} differs from the grid's {Grid.Count} bins");
    }
}
