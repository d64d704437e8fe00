using System.CommandLine;
using System.Globalization;
using HpcKit.Core.Comm;
using HpcKit.Core.Energy;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Core.Reporting;

namespace HpcKit.Cli;

/// <summary>`hpckit info`: the machine, BLAS backend with a GEMM GFLOP/s figure, MPI and energy sources.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var n = new Option<int>("--gemm-n") { Description = "Matrix size of the GEMM throughput check", DefaultValueFactory = _ => 1024 };
        var threads = CommandKit.Threads();
        var report = CommandKit.Report();
        var cmd = CommandKit.Verb("info", "Shows cores, BLAS backend and GEMM GFLOP/s, MPI availability and energy sources.", "hpckit info --gemm-n 2048 --threads 2");
        cmd.Add(n);
        cmd.Add(threads);
        cmd.Add(report);
        cmd.SetAction(p =>
        {
            int size = p.GetValue(n);
            if (size < 1) throw new Core.HpcKitUsageException("--gemm-n must be positive");
            int t = CommandKit.ApplyThreads(p.GetValue(threads));
            var env = EnvironmentInfo.Capture();
            var r = new RunReport("info") { Environment = env };
            Console.WriteLine($"hpckit {typeof(InfoCommand).Assembly.GetName().Version}");
            Console.WriteLine($"cpu        {env.CpuModel} ({env.LogicalCores} logical cores)");
            Console.WriteLine($"os         {env.Os}; {env.Runtime}");
            Console.WriteLine($"commit     {env.GitCommit}");
            Console.WriteLine($"blas       {env.BlasBackend}");
            Console.WriteLine($"lapack     {env.LapackBackend}");
            double g = GemmThroughput.Measure(Blas.Current, size, t);
            r.Result("gemm_gflops", g).Parameter("gemm_n", size).Parameter("threads", t);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dgemm      {g:F1} GFLOP/s (n = {size}, {t} thread(s), median of 3, {Blas.Current.Name})"));
            if (Blas.Current != Blas.Managed)
            {
                double gm = GemmThroughput.Measure(Blas.Managed, size, t);
                r.Result("gemm_gflops_managed", gm);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"           {gm:F1} GFLOP/s managed fallback (ratio native/managed {g / gm:F2})"));
            }
            var (mpiOk, mpiDetail) = MpiCommunicator.Probe();
            r.Result("mpi", mpiOk ? mpiDetail : "unavailable: " + mpiDetail);
            Console.WriteLine($"mpi        {(mpiOk ? "available: " + mpiDetail : "unavailable: " + mpiDetail)}{(MpiCommunicator.IsLaunchedByMpirun ? " (running under mpirun)" : "")}");
            foreach (var (name, ok, detail) in EnergyMeters.Survey())
            {
                Console.WriteLine($"energy     {name,-6} {(ok ? "yes" : "no ")}  {detail}");
                r.Result("energy_" + name.ToLowerInvariant(), ok ? detail : "unavailable: " + detail);
            }
            CommandKit.SaveReport(r, p.GetValue(report), false);
            return 0;
        });
        return cmd;
    }
}
