using System.Diagnostics;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Core.Random;

namespace HpcKit.Phantom.Projection;

/// <summary>
/// γ (seconds per FLOP) of one fp32 GEMM shape on this host, measured: C(M×N) = A(M×K)·B(N×K)ᵀ, repeated until at
/// least 20 ms have elapsed, median of 3 such trials, on the BLAS threads currently set. Thin GEMMs run below peak,
/// so γ is calibrated per shape class (spec §6).
/// </summary>
public static class GammaCalibration
{
    private static readonly Dictionary<(int, int, int), double> Cache = [];

    /// <summary>Measured seconds per FLOP for M×N×K (cached per process).</summary>
    public static double Measure(int m, int n, int k)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue((m, n, k), out double g)) return g;
            var rng = new RandomStream(99, 0);
            var a = new float[m * k];
            var b = new float[n * k];
            var c = new float[m * n];
            for (int i = 0; i < a.Length; i++) a[i] = rng.NextSingle();
            for (int i = 0; i < b.Length; i++) b[i] = rng.NextSingle();
            Blas.Sgemm(Transpose.No, Transpose.Yes, m, n, k, 1, a, k, b, k, 0, c, n);
            var trials = new double[3];
            for (int t = 0; t < trials.Length; t++)
            {
                long start = Stopwatch.GetTimestamp();
                int reps = 0;
                do
                {
                    Blas.Sgemm(Transpose.No, Transpose.Yes, m, n, k, 1, a, k, b, k, 0, c, n);
                    reps++;
                }
                while (Stopwatch.GetElapsedTime(start).TotalSeconds < 0.02);
                trials[t] = Stopwatch.GetElapsedTime(start).TotalSeconds / reps / (2.0 * m * n * k);
            }
            Array.Sort(trials);
            return Cache[(m, n, k)] = trials[1];
        }
    }
}
