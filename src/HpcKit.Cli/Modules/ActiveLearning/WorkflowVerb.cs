using HpcKit.Core.Statistics;
using System.CommandLine;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Reporting;
using HpcKit.Diffraction.ActiveLearning;

namespace HpcKit.Cli.Modules.ActiveLearning;

/// <summary>`hpckit al workflow`: serial or streaming AL pipeline with stage timeline, lane accounting and Gantt chart.</summary>
internal static class WorkflowVerb
{
    public static Command Create()
    {
        var o = new AlOptions();
        var mode = new Option<string>("--mode") { Description = "serial, streaming, or both (serial then streaming, same seeds)", DefaultValueFactory = _ => "both" };
        var variant = new Option<string>("--variant") { Description = "equal (M every round, f = 0.43) or published (1.4M in rounds before the last)", DefaultValueFactory = _ => "equal" };
        var lanes = new Option<string>("--lanes") { Description = "partitioned (sim 1 + train 1 of 2 threads) or time-shared (both lanes get all threads)", DefaultValueFactory = _ => "partitioned" };
        var fraction = new Option<double>("--fraction") { Description = "Share f of each streamed batch simulated before training", DefaultValueFactory = _ => 0.43 };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per mode", DefaultValueFactory = _ => 1 };
        var cmd = CommandKit.Verb("workflow", "Runs the AL pipeline serially or streaming (simulation overlapped with training): makespan, per-stage times, lane idle, ρ, final accuracy, Gantt chart.",
            "hpckit al workflow --mode both --simulator general --preset tiny --out out/al/workflow");
        o.AddTo(cmd);
        cmd.Add(mode);
        cmd.Add(variant);
        cmd.Add(lanes);
        cmd.Add(fraction);
        cmd.Add(seeds);
        cmd.SetAction(p =>
        {
            int threads = CommandKit.ApplyThreads(p.GetValue(o.Threads));
            var preset = o.PresetOf(p);
            var sim = o.SimulatorOf(p);
            bool quiet = p.GetValue(o.Quiet);
            string dir = o.OutDir(p, "workflow");
            var modes = p.GetValue(mode)!.ToLowerInvariant() switch
            {
                "serial" => new[] { WorkflowMode.Serial },
                "streaming" => [WorkflowMode.Streaming],
                "both" => [WorkflowMode.Serial, WorkflowMode.Streaming],
                var m => throw new HpcKitUsageException($"unknown --mode '{m}' (expected serial, streaming or both)"),
            };
            bool published = p.GetValue(variant)!.ToLowerInvariant() switch
            {
                "equal" => false,
                "published" => true,
                var v => throw new HpcKitUsageException($"unknown --variant '{v}' (expected equal or published)"),
            };
            bool partitioned = p.GetValue(lanes)!.ToLowerInvariant() switch
            {
                "partitioned" => true,
                "time-shared" => false,
                var l => throw new HpcKitUsageException($"unknown --lanes '{l}' (expected partitioned or time-shared)"),
            };
            int ns = p.GetValue(seeds);
            if (ns < 1) throw new HpcKitUsageException("--seeds must be at least 1");
            int laneThreads = partitioned ? Math.Max(1, threads / 2) : threads;
            var report = new RunReport("al workflow") { Environment = EnvironmentInfo.Capture() };
            report.Parameter("preset", preset.Name).Parameter("simulator", p.GetValue(o.Simulator)).Parameter("variant", published ? "published" : "equal")
                .Parameter("lanes", partitioned ? "partitioned" : "time-shared").Parameter("threads", threads).Parameter("fraction", p.GetValue(fraction)).Parameter("seeds", ns);
            var summary = new CsvTable("mode", "seed", "makespan_s", "train_patterns", "nmse", "accuracy", "sim_lane_busy", "train_lane_busy", "sim_idle_fraction", "train_idle_fraction", "train_wait_s", "producer_blocked_s", "rho_per_phase", "bound_per_phase");
            var results = new List<(WorkflowMode Mode, ulong Seed, WorkflowResult R)>();
            using (var bar = new ProgressBar("al workflow", modes.Length * ns, quiet))
            {
                for (int s = 0; s < ns; s++)
                {
                    ulong seed = p.GetValue(o.Seed) + (ulong)s;
                    foreach (var m in modes)
                    {
                        var opts = new WorkflowOptions(m, threads, laneThreads, laneThreads, published, StreamFraction: p.GetValue(fraction));
                        var r = WorkflowRunner.Run(preset, sim, AlOptions.ModelFactory(preset, sim.Width), new UncertaintyPolicy(), seed, opts);
                        results.Add((m, seed, r));
                        string tag = $"{m.ToString().ToLowerInvariant()}_seed{seed}";
                        new StageTimelineExport(r).Save(dir, tag);
                        var simLane = r.Lanes.FirstOrDefault(l => l.Lane == "sim");
                        var trainLane = r.Lanes.FirstOrDefault(l => l.Lane == "train");
                        summary.Add(m, seed, r.Makespan, r.TrainPatterns, r.Final.NormalisedMse, r.Final.Accuracy, simLane?.Busy, trainLane?.Busy,
                            1 - (simLane?.BusyFraction ?? 0), 1 - (trainLane?.BusyFraction ?? 0),
                            r.Stages.Where(x => x.Stage.StartsWith("Wait", StringComparison.Ordinal)).Sum(x => x.Duration),
                            r.Stages.Where(x => x.Stage.StartsWith("SimStream", StringComparison.Ordinal)).Sum(x => x.BlockedSeconds),
                            string.Join(" ", r.Rho.Select(x => x.ToString("F2", CultureInfo.InvariantCulture))), string.Join(" ", r.Bound.Select(x => x.ToString("F2", CultureInfo.InvariantCulture))));
                        if (!quiet)
                        {
                            Console.WriteLine($"== {m} (seed {seed}): makespan {r.Makespan:F1} s, {r.TrainPatterns} training patterns, test nMSE {r.Final.NormalisedMse:E3}, accuracy {r.Final.Accuracy:F3}");
                            Console.Write(r.Gantt);
                            foreach (var l in r.Lanes)
                                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   lane {l.Lane,-5}: busy {l.Busy:F1} s ({l.BusyFraction:P0}), idle {l.Idle:F1} s, blocked {l.BlockedSeconds:F1} s, core-busy {l.CoreBusyFraction:P0}"));
                            Console.WriteLine("   rho per phase: " + string.Join(" ", r.Rho.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))
                                + "; overlap bound per phase: " + string.Join(" ", r.Bound.Select(x => x.ToString("P0", CultureInfo.InvariantCulture))));
                        }
                        bar.Advance();
                    }
                }
            }
            summary.Save(Path.Combine(dir, "summary.csv"));
            foreach (var m in modes)
            {
                var xs = results.Where(x => x.Mode == m).ToArray();
                var (mk, mkv) = StatTests.MeanVar(xs.Select(x => x.R.Makespan).ToArray());
                var (ac, acv) = StatTests.MeanVar(xs.Select(x => x.R.Final.Accuracy).ToArray());
                var (nm, nmv) = StatTests.MeanVar(xs.Select(x => x.R.Final.NormalisedMse).ToArray());
                string k = m.ToString().ToLowerInvariant();
                report.Result($"{k}_makespan_mean_s", mk).Result($"{k}_makespan_sd_s", Math.Sqrt(mkv)).Result($"{k}_accuracy_mean", ac).Result($"{k}_accuracy_sd", Math.Sqrt(acv))
                    .Result($"{k}_nmse_mean", nm).Result($"{k}_nmse_sd", Math.Sqrt(nmv));
            }
            if (modes.Length == 2)
            {
                var saving = results.GroupBy(x => x.Seed).Select(g => 1 - g.Single(x => x.Mode == WorkflowMode.Streaming).R.Makespan / g.Single(x => x.Mode == WorkflowMode.Serial).R.Makespan).ToArray();
                var (sm, sv) = StatTests.MeanVar(saving);
                report.Result("saving_mean", sm).Result("saving_sd", Math.Sqrt(sv));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"makespan saving 1 - T_stream/T_serial: {sm:P1} (sd {Math.Sqrt(sv):P1} over {saving.Length} seed(s))"));
            }
            Console.WriteLine($"wrote {dir}/summary.csv and per-run timeline_*.json, stages_*.csv, gantt_*.svg, gantt_*.txt");
            CommandKit.SaveReport(report, p.GetValue(o.Report), quiet);
            return 0;
        });
        return cmd;
    }

    /// <summary>Writes one run's timeline JSON, stage CSV, Gantt SVG and text Gantt.</summary>
    private sealed class StageTimelineExport(WorkflowResult r)
    {
        public void Save(string dir, string tag)
        {
            var t = new CsvTable("stage", "phase", "lane", "threads", "start_s", "end_s", "items", "blocked_s", "cpu_s");
            foreach (var s in r.Stages) t.Add(s.Stage, s.Phase, s.Lane, s.Threads, s.Start, s.End, s.Items, s.BlockedSeconds, s.CpuSeconds);
            t.Save(Path.Combine(dir, $"stages_{tag}.csv"));
            AtomicFile.WriteAllText(Path.Combine(dir, $"timeline_{tag}.json"), System.Text.Json.JsonSerializer.Serialize(r.Stages, JsonIndented) + "\n");
            AtomicFile.WriteAllText(Path.Combine(dir, $"gantt_{tag}.txt"), r.Gantt);
            var plot = new SvgPlot($"{r.Options.Mode}: stage timeline (makespan {r.Makespan:F1} s)", "seconds since start", "lane");
            foreach (var s in r.Stages) plot.Span(s.Lane, s.Start, Math.Max(s.End, s.Start + 1e-6), StageTimeline.StageKind(s.Stage));
            plot.Save(Path.Combine(dir, $"gantt_{tag}.svg"));
        }

        private static readonly System.Text.Json.JsonSerializerOptions JsonIndented = new() { WriteIndented = true };
    }
}
