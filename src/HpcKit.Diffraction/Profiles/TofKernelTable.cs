using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using HpcKit.Diffraction.Instruments;

namespace HpcKit.Diffraction.Profiles;

/// <summary>
/// Precomputed TOF peak kernels. α, β, σ depend on d only and the grid is logarithmic, so the unit-area profile of a
/// peak at fractional bin position i + p/16 is tabulated (float) for every bin i ∈ [−E, n+E) and phase p = 0…16 over a
/// fixed window of <see cref="Width"/> bins starting at i + Start(i) (the window of most mass). A peak is added by linear
/// interpolation between its two neighbouring phases: two rows, 2·Width fused multiply-adds, no transcendental per bin.
/// Width is 64 bins for the exponential ⊗ Gaussian and 128 when a Lorentzian part is present (its tails beyond the
/// window are dropped: ≈ η·Γ/(π·64 bins) of a peak's area, a few 1e-3). Memory ≈ (n + 2E)·17·Width·4 B = 13 or
/// 26 MB for the default grid. Built once per (instrument, grid, mode): ~0.1 s Gaussian, a few s pseudo-Voigt.
/// </summary>
public sealed class TofKernelTable
{
    /// <summary>Largest window (bins).</summary>
    public const int MaxWidth = 128;
    /// <summary>Sub-bin phases (rows per bin = Phases + 1).</summary>
    public const int Phases = 16;
    /// <summary>Bins tabulated beyond each end of the grid, so peaks just outside still contribute their tails.</summary>
    public const int Extension = 64;
    /// <summary>Leading padding of an accumulation buffer.</summary>
    public const int Pad = Extension + MaxWidth + 40;

    private static readonly Dictionary<(TofInstrument, TofGrid, TofProfileMode), TofKernelTable> Cache = [];
    private readonly float[] _rows;
    private readonly int[] _start;
    private readonly int _width;
    private readonly bool _tails;
    private readonly float[] _tailEta = [];
    private readonly double[] _tailGamma = [], _tailDelta = [], _tof = [];
    private readonly int[] _reachLeft = [], _reachRight = [];

    /// <summary>Lorentzian tails reach ±TailWidths·Γ (GSAS-II: 50 FWHM).</summary>
    public const double TailWidths = 50;

    private TofKernelTable(TofInstrument inst, TofGrid grid, TofProfileMode mode)
    {
        Instrument = inst;
        Grid = grid;
        Mode = mode;
        bool lorentz = mode == TofProfileMode.Gsas2Default || inst.X != 0 || inst.Y != 0 || inst.Z != 0;
        int width = _width = lorentz ? MaxWidth : 64;
        int nb = grid.Count + 2 * Extension;
        _rows = new float[nb * (Phases + 1) * width];
        _start = new int[nb];
        // Exact rows only at anchor bins (every AnchorStep-th and the last), over a window widened by Margin; the rows
        // of the bins between are interpolated linearly in the bin index at equal phase and offset. The kernel in bin
        // units changes by ~τ per bin, so the interpolation error is ~(8τ)²/8 ≈ 1e-5 of the kernel peak (tested ≤ 1e-4).
        var anchors = new List<int>();
        for (int b = 0; b < nb; b += AnchorStep) anchors.Add(b);
        if (anchors[^1] != nb - 1) anchors.Add(nb - 1);
        int ext = width + 2 * Margin;
        var anchorStart = new int[anchors.Count];
        var anchorRows = new double[anchors.Count][];
        Parallel.For(0, anchors.Count, ai =>
        {
            int i = anchors[ai] - Extension;
            int start = BestWindow(inst, grid, mode, i, width);
            anchorStart[ai] = start;
            var rows = new double[(Phases + 1) * ext];
            for (int p = 0; p <= Phases; p++)
            {
                double tp = grid.TMin * Math.Exp((i + p / (double)Phases) * grid.Tau);
                var shape = new PeakShape(inst, inst.DFromTof(tp), mode);
                for (int m = 0; m < ext; m++) rows[p * ext + m] = shape.EvaluateForTable(grid.Tof(i + start - Margin + m) - tp);
            }
            anchorRows[ai] = rows;
        });
        Parallel.For(0, anchors.Count - 1, ai =>
        {
            int a0 = anchors[ai], a1 = anchors[ai + 1];
            int s0 = anchorStart[ai], s1 = anchorStart[ai + 1];
            var r0 = anchorRows[ai];
            var r1 = anchorRows[ai + 1];
            for (int b = a0; b < (ai + 1 == anchors.Count - 1 ? a1 + 1 : a1); b++)
            {
                int i = b - Extension;
                double w = (b - a0) / (double)(a1 - a0);
                int start = b == a1 ? s1 : s0;
                _start[b] = start;
                bool covered = Math.Abs(s1 - s0) <= Margin;
                for (int p = 0; p <= Phases; p++)
                {
                    int o = (b * (Phases + 1) + p) * width;
                    if (!covered)
                    {
                        double tp = grid.TMin * Math.Exp((i + p / (double)Phases) * grid.Tau);
                        var shape = new PeakShape(inst, inst.DFromTof(tp), mode);
                        for (int m = 0; m < width; m++) _rows[o + m] = (float)shape.EvaluateForTable(grid.Tof(i + start + m) - tp);
                        continue;
                    }
                    int o0 = p * ext + Margin + (start - s0), o1 = p * ext + Margin + (start - s1);
                    for (int m = 0; m < width; m++) _rows[o + m] = (float)((1 - w) * r0[o0 + m] + w * r1[o1 + m]);
                }
            }
        });
        if (lorentz)
        {
            _tails = true;
            _tailEta = new float[nb];
            _tailGamma = new double[nb];
            _tailDelta = new double[nb];
            _reachLeft = new int[nb];
            _reachRight = new int[nb];
            _tof = grid.Tofs();
            for (int b = 0; b < nb; b++)
            {
                int i = b - Extension;
                double tp = grid.Tof(i), d = inst.DFromTof(tp);
                var (g, eta) = BackToBackPseudoVoigt.Mix(inst.Sigma2At(d), inst.TotalGammaAt(d, mode));
                _tailEta[b] = (float)eta;
                _tailGamma[b] = g;
                _tailDelta[b] = 1 / inst.BetaAt(d) - 1 / inst.AlphaAt(d);
                double reach = TailWidths * g;
                _reachRight[b] = (int)Math.Ceiling(Math.Log(1 + reach / tp) / grid.Tau);
                _reachLeft[b] = reach < tp ? (int)Math.Ceiling(-Math.Log(1 - reach / tp) / grid.Tau) : grid.Count + Extension;
            }
        }
    }

    private const int AnchorStep = 8;
    private const int Margin = 8;

    // the window of the given width with the most mass for a peak at bin i (phase 0), leaving one bin on the right
    private static int BestWindow(TofInstrument inst, TofGrid grid, TofProfileMode mode, int i, int width)
    {
        int half = width + 32;
        double tp = grid.Tof(i);
        var shape = new PeakShape(inst, inst.DFromTof(tp), mode);
        var probe = new double[2 * half];
        for (int m = 0; m < probe.Length; m++) probe[m] = shape.EvaluateForTable(grid.Tof(i - half + m) - tp);
        double best = -1, run = 0;
        int bestStart = 0;
        for (int m = 0; m < probe.Length; m++)
        {
            run += probe[m];
            if (m >= width - 1) run -= probe[m - (width - 1)];
            if (m >= width - 2 && run > best) { best = run; bestStart = m - (width - 2); }
        }
        return bestStart - half;
    }

    public TofInstrument Instrument { get; }
    public TofGrid Grid { get; }
    public TofProfileMode Mode { get; }

    /// <summary>Bins per kernel window (64 exponential ⊗ Gaussian, 128 with a Lorentzian part).</summary>
    public int Width => _width;

    /// <summary>Padded buffer length for accumulation (grid bin j lives at index j + <see cref="Pad"/>).</summary>
    public int BufferLength => Grid.Count + 2 * Pad + MaxWidth;

    /// <summary>Shared table for an instrument, grid and mode (built on first use, thread-safe).</summary>
    public static TofKernelTable For(TofInstrument inst, TofGrid grid, TofProfileMode mode = TofProfileMode.Gsas2Default)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((inst, grid, mode), out var t)) Cache[(inst, grid, mode)] = t = new TofKernelTable(inst, grid, mode);
            return t;
        }
    }

    /// <summary>Exact profile value at bin j for a peak at fractional bin position i + phase (double).</summary>
    public static double Profile(TofInstrument inst, TofGrid grid, TofProfileMode mode, int i, double phase, int j)
    {
        double tp = grid.TMin * Math.Exp((i + phase) * grid.Tau);
        return inst.Profile(grid.Tof(j) - tp, inst.DFromTof(tp), mode);
    }

    /// <summary>True when a peak at fractional position <paramref name="pos"/> is covered by the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Covers(double pos) => pos >= -Extension && pos < Grid.Count + Extension - 1;

    /// <summary>Window start (bins, relative to the peak bin) of a peak in bin i.</summary>
    public int Start(int i) => _start[i + Extension];

    /// <summary>Adds intensity·profile of a peak at fractional bin <paramref name="pos"/> into a padded buffer
    /// (length ≥ <see cref="BufferLength"/>; the caller guarantees <see cref="Covers"/>(pos)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Span<float> padded, double pos, float intensity)
    {
        int i = (int)Math.Floor(pos);
        double pf = (pos - i) * Phases;
        int p = (int)pf;
        if (p >= Phases) p = Phases - 1;
        float w = (float)(pf - p);
        int b = i + Extension;
        if ((uint)b >= (uint)_start.Length) throw new ArgumentOutOfRangeException(nameof(pos), "peak position outside the kernel table");
        int width = _width;
        int yo = i + _start[b] + Pad;
        if (yo < 0 || yo + width > padded.Length) throw new ArgumentException("accumulation buffer too short", nameof(padded));
        nuint o = (nuint)((b * (Phases + 1) + p) * width);
        float c1 = intensity * w, c0 = intensity - c1;
        ref float r0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_rows), o);
        ref float r1 = ref Unsafe.Add(ref r0, width);
        ref float y = ref Unsafe.Add(ref MemoryMarshal.GetReference(padded), yo);
        if (Vector256.IsHardwareAccelerated)
        {
            var v0 = Vector256.Create(c0);
            var v1 = Vector256.Create(c1);
            for (nuint m = 0; m < (nuint)width; m += 8)
            {
                var acc = Vector256.LoadUnsafe(ref y, m);
                acc = Vector256.FusedMultiplyAdd(v0, Vector256.LoadUnsafe(ref r0, m), acc);
                acc = Vector256.FusedMultiplyAdd(v1, Vector256.LoadUnsafe(ref r1, m), acc);
                acc.StoreUnsafe(ref y, m);
            }
        }
        else
        {
            for (nuint m = 0; m < (nuint)width; m++)
                Unsafe.Add(ref y, m) += c0 * Unsafe.Add(ref r0, m) + c1 * Unsafe.Add(ref r1, m);
        }
        if (_tails && (_reachLeft[b] > -_start[b] || _reachRight[b] >= _start[b] + width)) AddTails(padded, pos, intensity, i, b, width);
    }

    /// <summary>Bins a peak in bin i reaches with its Lorentzian tails (left, right); 0 without a Lorentzian part.</summary>
    public (int Left, int Right) TailReach(int i) => _tails ? (_reachLeft[i + Extension], _reachRight[i + Extension]) : (0, 0);

    // Beyond the kernel window, out to ±50Γ: the pseudo-Voigt's Lorentzian tail η·(Γ/2π)/((Δ − δ)² + Γ²/4) with
    // δ = 1/β − 1/α, evaluated exactly on the grid bins (only peaks whose 50Γ exceeds the window, i.e. the larger d).
    private void AddTails(Span<float> padded, double pos, float intensity, int i, int b, int width)
    {
        double tp = Grid.TMin * Math.Exp(pos * Grid.Tau) + _tailDelta[b];
        double g = _tailGamma[b], g2 = g * g / 4, amp = intensity * _tailEta[b] * g / (2 * Math.PI);
        int ws = i + _start[b], we = ws + width;
        int lo = Math.Max(0, i - _reachLeft[b]), hi = Math.Min(Grid.Count - 1, i + _reachRight[b]);
        for (int j = lo; j < Math.Min(ws, hi + 1); j++)
        {
            double x = _tof[j] - tp;
            padded[j + Pad] += (float)(amp / (x * x + g2));
        }
        for (int j = Math.Max(we, lo); j <= hi; j++)
        {
            double x = _tof[j] - tp;
            padded[j + Pad] += (float)(amp / (x * x + g2));
        }
    }
}
