using System.Numerics;
using HpcKit.Diffraction.Crystal;

namespace HpcKit.Diffraction.Scattering;

/// <summary>
/// F(h) = Σ_j occ_j·b_j·exp(2πi h·x_j)·exp(−B_j s²), s = 1/(2d), over every atom of the cell. Atoms are grouped by B;
/// <see cref="Partials"/> gives P_B = Σ_{j∈B} occ_j b_j e^{2πi h·x_j} per group from separable phase tables
/// (e^{2πi(hx+ky+lz)} = e^{2πihx}·e^{2πiky}·e^{2πilz}).
/// </summary>
public sealed class StructureFactor
{
    private readonly int _n, _hMax, _kMax, _lMax;
    private readonly double[] _exRe, _exIm, _eyRe, _eyIm, _ezRe, _ezIm; // [atom][index + max]
    private readonly double[] _bRe, _bIm;
    private readonly int[] _group;

    /// <summary>Tables for |h| ≤ hMax, |k| ≤ kMax, |l| ≤ lMax.</summary>
    public StructureFactor(CrystalStructure s, int hMax, int kMax, int lMax)
    {
        _hMax = hMax; _kMax = kMax; _lMax = lMax;
        var atoms = s.Atoms;
        _n = atoms.Count;
        _bRe = new double[_n]; _bIm = new double[_n]; _group = new int[_n];
        var bs = new List<double>();
        for (int j = 0; j < _n; j++)
        {
            var b = ScatteringLengths.Get(atoms[j].Element) * atoms[j].Occupancy;
            _bRe[j] = b.Real; _bIm[j] = b.Imaginary;
            double bj = atoms[j].Biso;
            int g = bs.FindIndex(x => Math.Abs(x - bj) <= 1e-12 * Math.Max(1, Math.Abs(bj)));
            if (g < 0) { g = bs.Count; bs.Add(bj); }
            _group[j] = g;
        }
        GroupB = bs.ToArray();
        Table(atoms, 0, hMax, out _exRe, out _exIm);
        Table(atoms, 1, kMax, out _eyRe, out _eyIm);
        Table(atoms, 2, lMax, out _ezRe, out _ezIm);
        HasComplexB = _bIm.Any(x => x != 0);
    }

    /// <summary>Distinct B values (Å²), one per group.</summary>
    public double[] GroupB { get; }

    /// <summary>True when some b has an imaginary part (Friedel's law broken).</summary>
    public bool HasComplexB { get; }

    /// <summary>Writes P_B for each B group into <paramref name="partials"/> (length = GroupB.Length).</summary>
    public void Partials(int h, int k, int l, Span<Complex> partials)
    {
        partials.Clear();
        int w = 2 * _hMax + 1, wk = 2 * _kMax + 1, wl = 2 * _lMax + 1;
        for (int j = 0; j < _n; j++)
        {
            int ih = j * w + h + _hMax, ik = j * wk + k + _kMax, il = j * wl + l + _lMax;
            double ar = _exRe[ih], ai = _exIm[ih], br = _eyRe[ik], bi = _eyIm[ik];
            double cr = ar * br - ai * bi, ci = ar * bi + ai * br;
            double er = _ezRe[il], ei = _ezIm[il];
            double pr = cr * er - ci * ei, pi = cr * ei + ci * er;
            partials[_group[j]] += new Complex(_bRe[j] * pr - _bIm[j] * pi, _bRe[j] * pi + _bIm[j] * pr);
        }
    }

    /// <summary>F(h) with Debye–Waller damping at s = 1/(2d).</summary>
    public Complex Evaluate(int h, int k, int l, double d)
    {
        Span<Complex> p = stackalloc Complex[GroupB.Length];
        Partials(h, k, l, p);
        double s2 = 1 / (4 * d * d);
        Complex f = 0;
        for (int g = 0; g < p.Length; g++) f += p[g] * Math.Exp(-GroupB[g] * s2);
        return f;
    }

    /// <summary>F(h) for one hkl of a structure (convenience; builds small tables).</summary>
    public static Complex Of(CrystalStructure s, int h, int k, int l)
    {
        var sf = new StructureFactor(s, Math.Abs(h), Math.Abs(k), Math.Abs(l));
        return sf.Evaluate(h, k, l, s.Cell.DSpacing(h, k, l));
    }

    private static void Table(IReadOnlyList<AtomSite> atoms, int axis, int max, out double[] re, out double[] im)
    {
        int w = 2 * max + 1;
        re = new double[atoms.Count * w];
        im = new double[atoms.Count * w];
        for (int j = 0; j < atoms.Count; j++)
        {
            double x = axis == 0 ? atoms[j].X : axis == 1 ? atoms[j].Y : atoms[j].Z;
            for (int h = -max; h <= max; h++)
            {
                // reduce the phase h·x mod 1 before the trig call for accuracy
                double ph = h * x;
                ph -= Math.Round(ph);
                var (sn, cs) = Math.SinCos(2 * Math.PI * ph);
                re[j * w + h + max] = cs;
                im[j * w + h + max] = sn;
            }
        }
    }
}
