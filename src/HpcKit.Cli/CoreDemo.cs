using System.Globalization;
using HpcKit.Core.Comm;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Core.Reporting;

namespace HpcKit.Cli;

/// <summary>Quickstart step for the shared core: GEMM throughput by size and an all-reduce on 2 thread ranks.</summary>
internal static class CoreDemo
{
    public static void Run(string dir, RunReport report, bool quiet)
    {
        int[] sizes = [64, 128, 256, 512];
        var gf = new double[sizes.Length];
        for (int i = 0; i < sizes.Length; i++) gf[i] = GemmThroughput.Measure(Blas.Current, sizes[i], Environment.ProcessorCount);
        var plot = new SvgPlot($"DGEMM throughput ({Blas.Current.Name})", "matrix size n", "GFLOP/s") { LogX = true };
        plot.LineMarkers("dgemm", sizes.Select(s => (double)s).ToArray(), gf);
        plot.Save(Path.Combine(dir, "gemm.svg"));
        var sums = Ranks.Run(2, c => c.AllReduce((double)(c.Rank + 1), ReduceOp.Sum), RankTransport.Threads);
        report.Result("core_gemm_gflops", sizes.Zip(gf).ToDictionary(z => z.First.ToString(CultureInfo.InvariantCulture), z => z.Second));
        report.Result("core_allreduce_2_ranks", sums[0]);
        if (!quiet) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dgemm n=512: {gf[^1]:F1} GFLOP/s; all-reduce over 2 thread ranks of 1+2 = {sums[0]}; plot {Path.Combine(dir, "gemm.svg")}"));
    }
}
