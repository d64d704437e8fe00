using System.Diagnostics;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// A stand-in oracle for tests and workflow timing, not a diffraction simulator: unit-intensity Gaussian peaks
/// (in ln d) at every lattice spacing d(hkl), |h|,|k|,|l| ≤ 3, of the cell's metric, on a grid linear in ln d
/// over [0.6, 5.6] Å, plus a flat background. No structure factors or absences. An optional busy-wait per pattern
/// emulates a costlier simulator so the simulate/train ratio ρ can be set.
/// </summary>
public sealed class LatticePeakSimulator : IPatternSimulator
{
    private const double DMin = 0.6, DMax = 5.6, Sigma = 0.006;
    private static readonly (int H, int K, int L)[] Hkl = BuildHkl();
    private readonly double _lnMin, _step;

    /// <summary>A simulator with <paramref name="width"/> bins and an optional per-pattern busy-wait.</summary>
    public LatticePeakSimulator(int width = 2806, double extraMicroseconds = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        Width = width;
        ExtraMicroseconds = extraMicroseconds;
        _lnMin = Math.Log(DMin);
        _step = (Math.Log(DMax) - _lnMin) / (width - 1);
    }

    public int Width { get; }

    /// <summary>Busy-wait added to every pattern, µs.</summary>
    public double ExtraMicroseconds { get; }

    public void Simulate(in CellPoint point, Span<float> destination)
    {
        if (destination.Length != Width) throw new ArgumentException($"destination must have {Width} bins", nameof(destination));
        long t0 = Stopwatch.GetTimestamp();
        destination.Fill(0.05f);
        // Reciprocal metric of (a, a|c, α) for the three classes.
        double a = point.A, c = point.C, ca = Math.Cos(point.Alpha * Math.PI / 180);
        Span<double> g = [a * a, a * a * ca, a * c * ca, a * a, a * c * ca, c * c];
        if (point.Class == CrystalClass.Tetragonal) { g[1] = 0; g[2] = 0; g[4] = 0; }
        Span<double> inv = stackalloc double[6];
        InvertSymmetric(g, inv);
        int reach = (int)Math.Ceiling(4 * Sigma / _step);
        foreach (var (h, k, l) in Hkl)
        {
            double q = inv[0] * h * h + inv[3] * k * k + inv[5] * l * l + 2 * (inv[1] * h * k + inv[2] * h * l + inv[4] * k * l);
            if (!(q > 0)) continue;
            double lnD = -0.5 * Math.Log(q);
            double pos = (lnD - _lnMin) / _step;
            int centre = (int)Math.Round(pos);
            for (int i = Math.Max(0, centre - reach); i <= Math.Min(Width - 1, centre + reach); i++)
            {
                double z = (i - pos) * _step / Sigma;
                destination[i] += (float)Math.Exp(-0.5 * z * z);
            }
        }
        if (ExtraMicroseconds > 0)
        {
            long until = t0 + (long)(ExtraMicroseconds * 1e-6 * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < until) Thread.SpinWait(20);
        }
    }

    private static void InvertSymmetric(ReadOnlySpan<double> m, Span<double> r)
    {
        // m = (m00, m01, m02, m11, m12, m22)
        double c00 = m[3] * m[5] - m[4] * m[4], c01 = m[2] * m[4] - m[1] * m[5], c02 = m[1] * m[4] - m[2] * m[3];
        double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
        r[0] = c00 / det;
        r[1] = c01 / det;
        r[2] = c02 / det;
        r[3] = (m[0] * m[5] - m[2] * m[2]) / det;
        r[4] = (m[2] * m[1] - m[0] * m[4]) / det;
        r[5] = (m[0] * m[3] - m[1] * m[1]) / det;
    }

    private static (int, int, int)[] BuildHkl()
    {
        var list = new List<(int, int, int)>();
        for (int h = -3; h <= 3; h++)
            for (int k = -3; k <= 3; k++)
                for (int l = -3; l <= 3; l++)
                    if (h != 0 || k != 0 || l != 0) list.Add((h, k, l));
        return [.. list];
    }
}
