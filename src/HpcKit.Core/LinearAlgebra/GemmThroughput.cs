using System.Diagnostics;
using HpcKit.Core.Random;

namespace HpcKit.Core.LinearAlgebra;

/// <summary>Measures DGEMM/SGEMM throughput of a provider: median GFLOP/s over repeats of an n×n×n product.</summary>
public static class GemmThroughput
{
    /// <summary>Median GFLOP/s (2n³ flops per call) after one warm-up call.</summary>
    public static double Measure(IBlasProvider blas, int n, int threads, int repeats = 3, bool single = false)
    {
        ArgumentNullException.ThrowIfNull(blas);
        int old = blas.Threads;
        blas.Threads = threads;
        try
        {
            var rng = new RandomStream(7, 0);
            var times = new double[repeats];
            if (single)
            {
                var a = new float[n * n]; var b = new float[n * n]; var c = new float[n * n];
                for (int i = 0; i < a.Length; i++) { a[i] = rng.NextSingle(); b[i] = rng.NextSingle(); }
                blas.Sgemm(Transpose.No, Transpose.No, n, n, n, 1, a, n, b, n, 0, c, n);
                for (int r = 0; r < repeats; r++)
                {
                    long t = Stopwatch.GetTimestamp();
                    blas.Sgemm(Transpose.No, Transpose.No, n, n, n, 1, a, n, b, n, 0, c, n);
                    times[r] = Stopwatch.GetElapsedTime(t).TotalSeconds;
                }
            }
            else
            {
                var a = new double[n * n]; var b = new double[n * n]; var c = new double[n * n];
                for (int i = 0; i < a.Length; i++) { a[i] = rng.NextDouble(); b[i] = rng.NextDouble(); }
                blas.Dgemm(Transpose.No, Transpose.No, n, n, n, 1, a, n, b, n, 0, c, n);
                for (int r = 0; r < repeats; r++)
                {
                    long t = Stopwatch.GetTimestamp();
                    blas.Dgemm(Transpose.No, Transpose.No, n, n, n, 1, a, n, b, n, 0, c, n);
                    times[r] = Stopwatch.GetElapsedTime(t).TotalSeconds;
                }
            }
            Array.Sort(times);
            return 2.0 * n * n * (double)n / times[repeats / 2] / 1e9;
        }
        finally
        {
            blas.Threads = old;
        }
    }
}
