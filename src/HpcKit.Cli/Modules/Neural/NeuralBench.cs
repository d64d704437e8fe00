using System.CommandLine;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Core.Reporting;
using HpcKit.Neural;

namespace HpcKit.Cli.Modules.Neural;

/// <summary>
/// `hpckit neural bench`: training-step time of HpcKit.Neural and PyTorch side by side in one run (rounds alternate
/// the two; medians over rounds), with GEMM GFLOP/s inside the step against Blas.Sgemm's square-matrix peak.
/// </summary>
internal static class NeuralBench
{
    public static Command Create()
    {
        var models = new Option<string>("--models") { Description = "Comma list of ffn (4×2048 FFN, batch 256) and cnn (diffraction CNN, batch 64)", DefaultValueFactory = _ => "ffn,cnn" };
        var threadsList = new Option<string>("--threads-list") { Description = "Comma list of thread counts", DefaultValueFactory = _ => "1,2" };
        var rounds = new Option<int>("--rounds") { Description = "Alternating rounds per configuration (median reported)", DefaultValueFactory = _ => 3 };
        var steps = new Option<int>("--steps") { Description = "Timed steps per round (median per round)", DefaultValueFactory = _ => 3 };
        var python = new Option<string>("--python") { Description = "Python with torch (empty: skip PyTorch)", DefaultValueFactory = _ => "/usr/bin/python3" };
        var script = new Option<string?>("--torch-script") { Description = "Path of torch_step_bench.py (default: found from the working directory)" };
        var passive = new Option<bool>("--torch-passive") { Description = "Run PyTorch with OMP_WAIT_POLICY=PASSIVE (kinder to a shared, oversubscribed machine)" };
        var outDir = CommandKit.Out("Output directory (neural_bench.csv, neural_bench.svg)");
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var cmd = CommandKit.Verb("bench", "Times training steps of HpcKit.Neural and PyTorch on the same models, batch and thread counts.",
            "hpckit neural bench --models ffn,cnn --threads-list 1,2 --rounds 3 --out out/neural-bench --report bench.json");
        foreach (var o in new Option[] { models, threadsList, rounds, steps, python, script, passive, outDir, report, quiet }) cmd.Add(o);
        cmd.SetAction(p =>
        {
            var ms = p.GetValue(models)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var m in ms)
                if (m is not ("ffn" or "cnn")) throw new HpcKitUsageException($"--models: unknown model '{m}' (ffn, cnn)");
            var ts = p.GetValue(threadsList)!.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v > 0 ? v
                    : throw new HpcKitUsageException($"--threads-list: '{s}' is not a positive integer")).ToArray();
            int r = p.GetValue(rounds), st = p.GetValue(steps);
            if (r < 1 || st < 1) throw new HpcKitUsageException("--rounds and --steps must be at least 1");
            string py = p.GetValue(python) ?? "";
            TorchStepRunner? torch = null;
            if (py.Length > 0)
            {
                var path = TorchStepRunner.FindScript(p.GetValue(script));
                if (path == null) Console.Error.WriteLine("warning: torch_step_bench.py not found; PyTorch column skipped");
                else torch = new TorchStepRunner(py, path, p.GetValue(passive));
            }
            var rep = new RunReport("neural bench") { Environment = EnvironmentInfo.Capture() };
            rep.Parameter("torch_omp_wait_policy", p.GetValue(passive) ? "PASSIVE" : "default");
            Run(ms, ts, r, st, torch, p.GetValue(outDir) ?? "out/neural-bench", rep, p.GetValue(quiet));
            CommandKit.SaveReport(rep, p.GetValue(report), p.GetValue(quiet));
            return 0;
        });
        return cmd;
    }

    private static void Run(string[] models, int[] threads, int rounds, int steps, TorchStepRunner? torch, string dir, RunReport report, bool quiet)
    {
        Directory.CreateDirectory(dir);
        report.Parameter("models", string.Join(",", models)).Parameter("threads", string.Join(",", threads))
            .Parameter("rounds", rounds).Parameter("steps_per_round", steps).Parameter("blas", Blas.Current.Name);
        var csv = new CsvTable("model", "threads", "batch", "hpckit_ms", "torch_ms", "ratio_hpckit_over_torch", "gemm_gflops_in_step",
            "step_gflops", "sgemm_peak_gflops", "gemm_fraction_of_peak", "gemm_share_of_step");
        var rows = new List<IReadOnlyList<string>>();
        string load0 = LoadAverage();
        var labels = new List<string>();
        var ratios = new List<double>();
        using var bar = new ProgressBar("neural bench", (long)models.Length * threads.Length * rounds, quiet);
        foreach (int t in threads)
        {
            double peak = StepBenchmark.SgemmPeak(t);
            foreach (var m in models)
            {
                var ours = new List<double>();
                var theirs = new List<double>();
                var gemms = new List<double>();
                var shares = new List<double>();
                StepTiming? last = null;
                for (int k = 0; k < rounds; k++)
                {
                    last = StepBenchmark.Run(m, t, warmup: 1, steps: steps);
                    ours.Add(last.MedianSeconds);
                    gemms.Add(last.GemmGflops);
                    shares.Add(last.GemmShare);
                    if (torch != null)
                    {
                        var (sec, err) = torch.Run(m, t, 1, steps);
                        if (err != null && k == 0) Console.Error.WriteLine("warning: " + err);
                        if (!double.IsNaN(sec)) theirs.Add(sec);
                    }
                    bar.Advance();
                }
                double a = StepBenchmark.Median(ours), b = theirs.Count > 0 ? StepBenchmark.Median(theirs) : double.NaN;
                double gemm = StepBenchmark.Median(gemms), share = StepBenchmark.Median(shares);
                string key = $"{m}_t{t}";
                report.Result(key + "_hpckit_ms", a * 1e3).Result(key + "_torch_ms", b * 1e3).Result(key + "_ratio", a / b)
                    .Result(key + "_gemm_gflops", gemm).Result(key + "_sgemm_peak_gflops", peak);
                csv.Add(m, t, last!.Batch, a * 1e3, b * 1e3, a / b, gemm, last.FlopsPerStep / a / 1e9, peak, gemm / peak, share);
                rows.Add([m, t.ToString(CultureInfo.InvariantCulture), last.Batch.ToString(CultureInfo.InvariantCulture), F(a * 1e3, 1), F(b * 1e3, 1), F(a / b, 2),
                    F(gemm, 1), F(peak, 1), F(gemm / peak, 2), F(share, 2)]);
                labels.Add($"{m} t={t}");
                ratios.Add(a / b);
            }
        }
        bar.Dispose();
        CommandKit.PrintTable(["model", "threads", "batch", "hpckit ms", "torch ms", "ratio", "GEMM GF/s", "SGEMM peak", "GEMM/peak", "GEMM share"], rows);
        string load1 = LoadAverage();
        report.Result("loadavg_start", load0).Result("loadavg_end", load1);
        Console.WriteLine($"medians of {rounds} alternating rounds × {steps} steps; BLAS {Blas.Current.Name}; 1-min load average {load0} → {load1} on {Environment.ProcessorCount} cores (shared machine).");
        csv.Save(Path.Combine(dir, "neural_bench.csv"));
        if (ratios.Any(v => !double.IsNaN(v)))
        {
            new SvgPlot("Training step time, HpcKit.Neural / PyTorch (lower is better)", "configuration", "time ratio")
                .Bars("HpcKit / PyTorch", labels, ratios.ToArray()).ReferenceLine(1.0, false, "parity")
                .Save(Path.Combine(dir, "neural_bench.svg"));
        }
        if (!quiet) Console.WriteLine($"wrote {dir}/neural_bench.csv" + (ratios.Any(v => !double.IsNaN(v)) ? ", neural_bench.svg" : ""));
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string F(double v, int digits) => double.IsNaN(v) ? "-" : v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
