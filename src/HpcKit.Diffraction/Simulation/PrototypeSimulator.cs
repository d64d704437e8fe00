using System.Numerics;
using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Instruments;
using HpcKit.Diffraction.Profiles;
using HpcKit.Diffraction.Scattering;

namespace HpcKit.Diffraction.Simulation;

/// <summary>
/// Fast path for prototype sweeps (spec §2.11). With fractional coordinates and B fixed, F(h) depends on the cell only
/// through the Debye–Waller factor, and within a class a key fixes d: cubic N = h²+k²+l²; tetragonal (h²+k², l²);
/// rhombohedral (h²+k²+l², hk+kl+hl). Built once per class over the index box of the largest cell of the class's
/// box: per key, the member count and, per pair of B groups, Σ Re(P_B·P_B′*). Per pattern: d in closed form per key,
/// ΣF² = Σ_pairs e^{−(B+B′)s²}·S, position, intensity, and one kernel-table add — no trigonometry, no complex
/// arithmetic. Thread-safe; share one instance.
/// </summary>
public sealed class PrototypeSimulator
{
    private static readonly Lazy<PrototypeSimulator>[] Default =
    [
        new(() => new PrototypeSimulator(PrototypeClass.Trigonal, TofInstrument.NomadBank4, TofGrid.Default)),
        new(() => new PrototypeSimulator(PrototypeClass.Tetragonal, TofInstrument.NomadBank4, TofGrid.Default)),
        new(() => new PrototypeSimulator(PrototypeClass.Cubic, TofInstrument.NomadBank4, TofGrid.Default)),
    ];

    [ThreadStatic] private static float[]? _buffer;

    private readonly double[] _k1, _k2;   // key components (N or h²+k², second: l² or hk+kl+hl)
    private readonly double[] _pairB;     // B + B′ per pair
    private readonly double[] _pairSum;   // [key * pairs + pair]
    private readonly int _pairs;
    private readonly TofKernelTable _table;
    private readonly double _q2Max, _q2Min;

    public PrototypeSimulator(PrototypeClass cls, TofInstrument instrument, TofGrid grid, TofProfileMode mode = TofProfileMode.Gsas2Default, double scale = 1000.0)
    {
        Mode = mode;
        Class = cls;
        Instrument = instrument;
        Grid = grid;
        Scale = scale;
        Structure = Prototypes.Structure(cls);
        _table = TofKernelTable.For(instrument, grid, mode);
        double dMin = instrument.DFromTof(grid.Tof(-TofKernelTable.Extension));
        double dMax = instrument.DFromTof(grid.Tof(grid.Count + TofKernelTable.Extension - 1));
        _q2Max = 1 / (dMin * dMin);
        _q2Min = 1 / (dMax * dMax);
        var box = ParameterBox.For(cls);
        double aMax = box.AMax, cMax = cls == PrototypeClass.Tetragonal ? box.CMax : box.AMax;
        int hm = (int)Math.Floor(aMax / dMin), lm = (int)Math.Floor(cMax / dMin);
        var sf = new StructureFactor(Structure, hm, hm, lm);
        int groups = sf.GroupB.Length;
        _pairs = groups * (groups + 1) / 2;
        _pairB = new double[_pairs];
        for (int g = 0, q = 0; g < groups; g++)
            for (int g2 = g; g2 < groups; g2++, q++) _pairB[q] = sf.GroupB[g] + sf.GroupB[g2];

        var index = new Dictionary<(long, long), int>();
        var k1 = new List<double>();
        var k2 = new List<double>();
        var sums = new List<double>();
        Span<Complex> p = stackalloc Complex[groups];
        double q2LimitA = 1 / (dMin * dMin);
        for (int h = -hm; h <= hm; h++)
            for (int k = -hm; k <= hm; k++)
                for (int l = -lm; l <= lm; l++)
                {
                    if (h == 0 && k == 0 && l == 0) continue;
                    (long a1, long a2) key = cls switch
                    {
                        PrototypeClass.Cubic => (h * h + k * k + l * l, 0),
                        PrototypeClass.Tetragonal => (h * h + k * k, l * l),
                        _ => (h * h + k * k + l * l, h * k + k * l + h * l),
                    };
                    // reachable by the largest cell of the box?
                    double q2AtMax = cls == PrototypeClass.Tetragonal ? key.a1 / (aMax * aMax) + key.a2 / (cMax * cMax) : (double)(h * h + k * k + l * l) / (aMax * aMax) * (cls == PrototypeClass.Cubic ? 1 : 0);
                    if (q2AtMax > q2LimitA) continue;
                    sf.Partials(h, k, l, p);
                    if (!index.TryGetValue(key, out int id))
                    {
                        id = k1.Count;
                        index[key] = id;
                        k1.Add(key.a1); k2.Add(key.a2);
                        for (int q = 0; q <= _pairs; q++) sums.Add(0);
                    }
                    int o = id * (_pairs + 1);
                    sums[o + _pairs] += 1; // member count
                    for (int g = 0, q = 0; g < groups; g++)
                        for (int g2 = g; g2 < groups; g2++, q++)
                        {
                            double re = p[g].Real * p[g2].Real + p[g].Imaginary * p[g2].Imaginary;
                            sums[o + q] += g == g2 ? re : 2 * re;
                        }
                }
        // order keys by h²+k²+l² lower bound (k1 for cubic/trigonal; k1 + k2 for tetragonal) and drop absences
        int nk = k1.Count;
        var order = Enumerable.Range(0, nk).ToArray();
        double[] sortKey = new double[nk];
        double maxS = 0;
        for (int i = 0; i < nk; i++)
        {
            sortKey[i] = cls == PrototypeClass.Tetragonal ? k1[i] + k2[i] : k1[i];
            double s = 0;
            for (int q = 0; q < _pairs; q++) s += sums[i * (_pairs + 1) + q];
            maxS = Math.Max(maxS, s);
        }
        Array.Sort(sortKey, order);
        var keep = new List<int>();
        foreach (int i in order)
        {
            double s = 0;
            for (int q = 0; q < _pairs; q++) s += sums[i * (_pairs + 1) + q];
            if (s > 1e-12 * maxS) keep.Add(i);
        }
        _k1 = new double[keep.Count]; _k2 = new double[keep.Count];
        _pairSum = new double[keep.Count * _pairs];
        Multiplicity = new int[keep.Count];
        for (int j = 0; j < keep.Count; j++)
        {
            int i = keep[j];
            _k1[j] = k1[i]; _k2[j] = k2[i];
            for (int q = 0; q < _pairs; q++) _pairSum[j * _pairs + q] = sums[i * (_pairs + 1) + q];
            Multiplicity[j] = (int)sums[i * (_pairs + 1) + _pairs];
        }
    }

    private static readonly Lazy<PrototypeSimulator>[] InstrumentOnly =
    [
        new(() => new PrototypeSimulator(PrototypeClass.Trigonal, TofInstrument.NomadBank4, TofGrid.Default, TofProfileMode.InstrumentOnly)),
        new(() => new PrototypeSimulator(PrototypeClass.Tetragonal, TofInstrument.NomadBank4, TofGrid.Default, TofProfileMode.InstrumentOnly)),
        new(() => new PrototypeSimulator(PrototypeClass.Cubic, TofInstrument.NomadBank4, TofGrid.Default, TofProfileMode.InstrumentOnly)),
    ];

    /// <summary>Shared simulator of a class on NOMAD bank 4 and the default grid (default mode: GSAS-II pseudo-Voigt).</summary>
    public static PrototypeSimulator Get(PrototypeClass cls, TofProfileMode mode = TofProfileMode.Gsas2Default) =>
        mode == TofProfileMode.Gsas2Default ? Default[(int)cls].Value : InstrumentOnly[(int)cls].Value;

    public PrototypeClass Class { get; }
    public TofProfileMode Mode { get; }
    public TofInstrument Instrument { get; }
    public TofGrid Grid { get; }
    public double Scale { get; }
    public CrystalStructure Structure { get; }

    /// <summary>Number of non-absent keys in the cache.</summary>
    public int KeyCount => _k1.Length;

    internal int[] Multiplicity { get; }

    /// <summary>Simulates the pattern of cell parameters <paramref name="p"/> into <paramref name="y"/> (length grid.Count).
    /// Returns the number of peaks drawn.</summary>
    public int Simulate(CellParameters p, Span<float> y)
    {
        if (y.Length != Grid.Count) throw new ArgumentException($"output length {y.Length} differs from the grid's {Grid.Count} bins");
        return Run(p, y, draw: true);
    }

    /// <summary>Does everything but the profile accumulation (keys, d, ΣF², position, intensity) and returns the
    /// number of peaks that would be drawn — for profiling where the time goes.</summary>
    public int CountPeaks(CellParameters p) => Run(p, default, draw: false);

    private int Run(CellParameters p, Span<float> y, bool draw)
    {
        var cell = Prototypes.Cell(Class, p);
        int len = _table.BufferLength;
        var buf = _buffer;
        if (buf == null || buf.Length < len) _buffer = buf = new float[len];
        var span = buf.AsSpan(0, len);
        if (draw) span.Clear();

        // closed-form 1/d² = c1·k1 + c2·k2, and a lower bound of 1/d² per unit of the sort key
        double c1, c2, lower;
        switch (Class)
        {
            case PrototypeClass.Cubic:
                c1 = 1 / (p.A * p.A); c2 = 0; lower = c1;
                break;
            case PrototypeClass.Tetragonal:
                c1 = 1 / (p.A * p.A); c2 = 1 / (p.C * p.C); lower = Math.Min(c1, c2);
                break;
            default:
            {
                double ca = Math.Cos(p.AlphaDeg * Math.PI / 180), sa2 = 1 - ca * ca;
                double den = p.A * p.A * (1 - 3 * ca * ca + 2 * ca * ca * ca);
                c1 = sa2 / den; c2 = 2 * (ca * ca - ca) / den;
                // G* eigenvalues for a rhombohedral cell: 1/(a²(1+2c)) and 1/(a²(1−c)) (twice)
                lower = 1 / (p.A * p.A * Math.Max(1 + 2 * ca, 1 - ca));
                break;
            }
        }
        double invV = 1 / cell.Volume, pre = Scale * invV * Instrument.SinThetaBank;
        double difC = Instrument.DifC, difA = Instrument.DifA, difB = Instrument.DifB, zero = Instrument.Zero;
        double lnT0 = Math.Log(Grid.TMin), invTau = 1 / Grid.Tau;
        bool singlePair = _pairs == 1;
        double b0 = _pairB[0];
        int drawn = 0;
        for (int j = 0; j < _k1.Length; j++)
        {
            double sk = Class == PrototypeClass.Tetragonal ? _k1[j] + _k2[j] : _k1[j];
            if (lower * sk > _q2Max) break;
            double q2 = c1 * _k1[j] + c2 * _k2[j];
            if (q2 > _q2Max || q2 < _q2Min) continue;
            double d = 1 / Math.Sqrt(q2);
            double s2 = 0.25 * q2;
            double f2;
            if (singlePair) f2 = b0 == 0 ? _pairSum[j] : Math.Exp(-b0 * s2) * _pairSum[j];
            else
            {
                f2 = 0;
                for (int q = 0; q < _pairs; q++) f2 += Math.Exp(-_pairB[q] * s2) * _pairSum[j * _pairs + q];
            }
            double t = zero + difC * d + difA * d * d + (difB != 0 ? difB / d : 0);
            double pos = (Math.Log(t) - lnT0) * invTau;
            if (!_table.Covers(pos)) continue;
            double d2 = d * d;
            float intensity = (float)(pre * f2 * d2 * d2);
            if (draw) _table.Add(span, pos, intensity);
            drawn++;
        }
        if (draw) span.Slice(TofKernelTable.Pad, Grid.Count).CopyTo(y);
        return drawn;
    }
}
