using System.CommandLine;
using System.Globalization;
using HpcKit.Core.Reporting;
using HpcKit.Diffraction.ActiveLearning;

namespace HpcKit.Cli.Modules.ActiveLearning;

/// <summary>`hpckit al run` (one learning curve) and `hpckit al where` (where the AL samples land).</summary>
internal static class RunVerb
{
    public static Command Create(bool where)
    {
        var o = new AlOptions();
        var policy = new Option<string>("--policy") { Description = "Acquisition policy: uncertainty (published), random, variance, entropy", DefaultValueFactory = _ => "uncertainty" };
        var save = new Option<string?>("--save") { Description = "Write the final model here (default <out>/model.safetensors)" };
        var cmd = where
            ? CommandKit.Verb("where", "Runs uncertainty AL and shows where its samples land: (a, α), (a, c) scatter, cubic histogram, enrichment over uniform.",
                "hpckit al where --preset quick --seed 1 --out out/al/where")
            : CommandKit.Verb("run", "Trains a model phase by phase with an acquisition policy and writes its learning curve, plots and final model.",
                "hpckit al run --policy uncertainty --rounds 3 --preset quick --out out/al/run");
        if (!where) cmd.Add(policy);
        o.AddTo(cmd);
        cmd.Add(save);
        cmd.SetAction(p =>
        {
            int threads = CommandKit.ApplyThreads(p.GetValue(o.Threads));
            var preset = o.PresetOf(p);
            var pol = AcquisitionPolicies.Create(where ? "uncertainty" : p.GetValue(policy)!);
            var sim = o.SimulatorOf(p);
            ulong seed = p.GetValue(o.Seed);
            bool quiet = p.GetValue(o.Quiet);
            string dir = o.OutDir(p, where ? "where" : "run");
            var report = new RunReport(where ? "al where" : "al run") { Environment = EnvironmentInfo.Capture() };
            report.Parameter("preset", preset.Name).Parameter("policy", pol.Name).Parameter("rounds", preset.Rounds).Parameter("epochs", string.Join("/", preset.Epochs))
                .Parameter("simulator", p.GetValue(o.Simulator)).Parameter("model", preset.Model).Parameter("seed", seed).Parameter("threads", threads)
                .Parameter("base_per_class", preset.BasePerClass).Parameter("batch_m", preset.BatchM);
            var points = new List<SeededPoint>();
            using var bar = new ProgressBar("al " + pol.Name, preset.Rounds + 2, quiet);
            ExperimentData data;
            using (report.Time("simulate_base_val_test_grid")) data = ExperimentData.Prepare(preset, sim, seed, threads, pol.NeedsScores);
            bar.Advance();
            var model = AlOptions.ModelFactory(preset, sim.Width)(seed);
            report.Parameter("model_description", model.Description);
            using (report.Time("phases"))
            {
                var p0 = ActiveLearningRun.TrainPhaseZero(pol.Name, model, data, threads, pol.NeedsScores);
                points.Add(new SeededPoint(seed, p0));
                bar.Advance();
                ActiveLearningRun.Continue(pol.Name, model, pol, sim, data, threads, pt => { points.Add(new SeededPoint(seed, pt)); bar.Advance(); });
            }
            bar.Dispose();
            string modelPath = p.GetValue(save) ?? Path.Combine(dir, "model.safetensors");
            model.Save(modelPath);
            AlPlots.CurveTable(points).Save(Path.Combine(dir, "curve.csv"));
            var summary = CurveSummary.Of(points);
            AlPlots.Curves(summary, $"{pol.Name}: test error by phase (seed {seed})", false, false).Save(Path.Combine(dir, "curve.svg"));
            var batches = points.Select(x => x.Point.Batch).OfType<AcquisitionBatch>().ToList();
            if (batches.Count > 0)
            {
                AlPlots.Where(batches, CrystalClass.Trigonal).Save(Path.Combine(dir, "where_trigonal.svg"));
                AlPlots.Where(batches, CrystalClass.Tetragonal).Save(Path.Combine(dir, "where_tetragonal.svg"));
                AlPlots.CubicHistogram(batches).Save(Path.Combine(dir, "where_cubic.svg"));
                var samples = new CsvTable("round", "class", "a", "c", "alpha");
                foreach (var b in batches) foreach (var q in b.Points) samples.Add(b.Round, (int)q.Class, q.A, q.C, q.Alpha);
                samples.Save(Path.Combine(dir, "samples.csv"));
            }
            CommandKit.PrintTable(["phase", "train", "simulated", "nMSE", "accuracy", "CE", "MAE a cub (Å)", "MAE α trig (°)", "MAE c tet (Å)", "best ep", "added", "rejected"],
                points.Select(x => (IReadOnlyList<string>)[
                    x.Point.Phase.ToString(CultureInfo.InvariantCulture), x.Point.TrainPatterns.ToString(CultureInfo.InvariantCulture),
                    x.Point.SimulatedPatterns.ToString(CultureInfo.InvariantCulture), F(x.Point.Test.NormalisedMse, "E3"), F(x.Point.Test.Accuracy, "F3"),
                    F(x.Point.Test.CrossEntropy, "F3"), F(x.Point.Test.CubicMaeA, "F4"), F(x.Point.Test.TrigonalMaeAlpha, "F2"), F(x.Point.Test.TetragonalMaeC, "F4"),
                    x.Point.Training.BestEpoch.ToString(CultureInfo.InvariantCulture), (x.Point.Batch?.Points.Length ?? 0).ToString(CultureInfo.InvariantCulture),
                    (x.Point.Batch?.Rejected ?? 0).ToString(CultureInfo.InvariantCulture)]));
            if (where && batches.Count > 0)
            {
                var en = Enrichment.Of(batches.SelectMany(b => b.Points));
                var et = new CsvTable("region", "class", "samples", "in_region", "share", "uniform_share", "enrichment");
                foreach (var e in en) et.Add(e.Region, e.Class, e.Samples, e.InRegion, e.Share, e.UniformShare, e.Factor);
                et.Save(Path.Combine(dir, "enrichment.csv"));
                Console.WriteLine();
                CommandKit.PrintTable(["region", "samples", "in region", "share", "uniform", "enrichment"], en.Select(e => (IReadOnlyList<string>)[
                    e.Region, e.Samples.ToString(CultureInfo.InvariantCulture), e.InRegion.ToString(CultureInfo.InvariantCulture),
                    F(e.Share, "F3"), F(e.UniformShare, "F3"), F(e.Factor, "F2")]));
                foreach (var b in batches)
                {
                    var cc = b.ClassCounts();
                    Console.WriteLine($"round {b.Round}: trigonal {cc[0]}, tetragonal {cc[1]}, cubic {cc[2]}; rejected {b.Rejected}; score fallback {b.Scores?.Fallback ?? "-"}");
                    report.Result($"round{b.Round}_class_counts", string.Join("/", cc)).Result($"round{b.Round}_rejected", b.Rejected);
                }
            }
            var last = points[^1].Point;
            report.Result("final_nmse", last.Test.NormalisedMse).Result("final_accuracy", last.Test.Accuracy).Result("final_train_patterns", last.TrainPatterns)
                .Result("final_simulated_patterns", last.SimulatedPatterns).Result("model", modelPath);
            Console.WriteLine($"wrote {dir}/curve.csv, curve.svg{(batches.Count > 0 ? ", where_*.svg, samples.csv" : "")}, {modelPath}");
            CommandKit.SaveReport(report, p.GetValue(o.Report), quiet);
            return 0;
        });
        return cmd;
    }

    public static string F(double v, string fmt) => double.IsNaN(v) ? "-" : v.ToString(fmt, CultureInfo.InvariantCulture);
}
