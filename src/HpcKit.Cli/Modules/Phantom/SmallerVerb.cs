using System.CommandLine;
using HpcKit.Core.Reporting;
using HpcKit.Phantom.Experiments;
using HpcKit.Phantom.Model;
using HpcKit.Phantom.Projection;

namespace HpcKit.Cli.Modules.Phantom;

/// <summary>`hpckit phantom smaller`: E4, smaller PP models on fewer ranks against a larger TP model on more ranks, energy to the same ℓ*.</summary>
internal static class SmallerVerb
{
    public static Command Create()
    {
        var o = new PhantomOptions();
        var refWidth = new Option<int>("--ref-width") { Description = "Width of the TP reference", DefaultValueFactory = _ => 512 };
        var refRanks = new Option<int>("--ref-ranks") { Description = "Ranks of the TP reference", DefaultValueFactory = _ => 8 };
        var widths = new Option<string>("--widths") { Description = "PP candidate widths n'", DefaultValueFactory = _ => "256,512" };
        var ranks = new Option<string>("--ranks-list") { Description = "PP candidate rank counts p'", DefaultValueFactory = _ => "2,4" };
        var ghosts = new Option<string>("--ghosts") { Description = "PP candidate ghost counts k", DefaultValueFactory = _ => "8,32" };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per configuration", DefaultValueFactory = _ => 3 };
        var preset = new Option<string>("--preset") { Description = "Cost preset (illustrative-gpu-cluster, illustrative-cpu-cluster)", DefaultValueFactory = _ => "illustrative-gpu-cluster" };
        var gamma = new Option<string>("--gamma") { Description = "peak (γ = 1/peak of the preset; deterministic) or host (calibrated per GEMM shape here; noisy on a shared host)", DefaultValueFactory = _ => "peak" };
        var cmd = CommandKit.Verb("smaller", "A TP(n, p) reference sets ℓ*; smaller PP(n', p', k) models train to it; energy to ℓ* = N(ℓ*) × modelled step energy.",
            "hpckit phantom smaller --ref-width 512 --ref-ranks 8 --widths 256,512 --ranks-list 2,4 --ghosts 8,32 --seeds 3");
        PhantomOptions.AddAll(cmd, refWidth, refRanks, widths, ranks, ghosts, seeds, preset, gamma, o.Layers, o.Batch, o.Steps, o.Task, o.Activation, o.LearningRate,
            o.Warmup, o.EvalEvery, o.Validation, o.Seed, o.Threads, o.Report, o.Out, o.Quiet);
        cmd.SetAction(p =>
        {
            var opts = o.Build(p, ParallelMode.Tensor);
            var cp = CostPreset.Named(p.GetValue(preset)!);
            int s = p.GetValue(seeds);
            if (s < 1) throw new Core.HpcKitUsageException("--seeds must be at least 1");
            var reference = opts.ShapedNetwork() with { Mode = ParallelMode.Tensor, Width = p.GetValue(refWidth), Ranks = p.GetValue(refRanks) };
            reference.Validate();
            var candidates = new List<NetworkConfig>();
            foreach (int n in ProjectionTable.ParseList(p.GetValue(widths)!, "--widths"))
                foreach (int q in ProjectionTable.ParseList(p.GetValue(ranks)!, "--ranks-list"))
                    foreach (int k in ProjectionTable.ParseList(p.GetValue(ghosts)!, "--ghosts"))
                    {
                        var c = reference with { Mode = ParallelMode.Phantom, Width = n, Ranks = q, Ghosts = k };
                        if (n % q == 0 && k <= n / q) candidates.Add(c);
                    }
            if (candidates.Count == 0) throw new Core.HpcKitUsageException("no PP candidate has p' dividing n' and k ≤ n'/p'");
            bool quiet = p.GetValue(o.Quiet);
            string g = p.GetValue(gamma)!;
            var gm = g switch
            {
                "host" => StepCostModel.Host,
                "peak" => StepCostModel.Peak(cp),
                _ => throw new Core.HpcKitUsageException($"--gamma '{g}' is not host or peak"),
            };
            var exp = new SmallerExperiment { Base = opts, Reference = reference, Candidates = candidates, Seeds = s, Preset = cp, Gamma = gm };
            (double Target, IReadOnlyList<SmallerRow> Rows) res;
            using (var bar = new ProgressBar("smaller", (long)opts.Steps * s * (candidates.Count + 1), quiet))
                res = exp.Run(quiet ? null : line => Console.Error.WriteLine(line), _ => bar.Advance());
            string dir = o.OutDir(p, "smaller");
            var refRow = res.Rows[0];
            Console.WriteLine($"E4: ℓ* = {PhantomOptions.F(res.Target)} from {refRow.Label} (median at 80% of {opts.Steps} steps, {s} seeds). Steps to ℓ* are trained here;");
            Console.WriteLine($"time and energy per step are MODELLED (§6 α–β–γ, γ {(g == "host" ? "calibrated per GEMM shape on this host" : "= 1/peak of the preset")}, preset {cp.Name}: α={PhantomOptions.F(cp.Alpha)} s, β={PhantomOptions.F(cp.Beta)} s/B, "
                + $"P_static={PhantomOptions.F(cp.StaticWatts)} W/rank, ε_flop={PhantomOptions.F(cp.JoulesPerFlop)} J, ε_byte={PhantomOptions.F(cp.JoulesPerByte)} J/B).");
            var csv = new CsvTable("config", "n", "p", "k", "parameters", "steps_to_target", "reached", "seeds", "step_seconds_model", "step_joules_model", "joules_to_target", "energy_ratio_vs_ref");
            var table = new List<IReadOnlyList<string>>();
            foreach (var r in res.Rows)
            {
                double ratio = r.Joules.Median / refRow.Joules.Median;
                table.Add([r.Label, r.Parameters.ToString(), r.Steps.ToString(), PhantomOptions.F(r.PerStep.StepSeconds * 1e3, "F3"), PhantomOptions.F(r.PerStep.Joules, "G4"),
                    r.Joules.ToString(), double.IsNaN(ratio) ? "—" : PhantomOptions.F(ratio, "F3")]);
                csv.Add(r.Label, r.Network.Width, r.Network.Ranks, r.Network.Mode == ParallelMode.Phantom ? r.Network.Ghosts : 0, r.Parameters, r.Steps.Median, r.Steps.Reached,
                    r.Steps.Runs, r.PerStep.StepSeconds, r.PerStep.Joules, r.Joules.Median, ratio);
            }
            CommandKit.PrintTable(["config", "params", "steps to ℓ*", "ms/step (model)", "J/step (model)", "J to ℓ* (model)", "÷ reference"], table);
            var best = res.Rows.Skip(1).Where(r => r.Joules.Reached > 0).OrderBy(r => r.Joules.Median).FirstOrDefault();
            Console.WriteLine(best == null ? "no PP candidate reached ℓ*" : $"best PP: {best.Label}, energy to ℓ* ÷ reference = {PhantomOptions.F(best.Joules.Median / refRow.Joules.Median, "F3")} (modelled)");
            csv.Save(Path.Combine(dir, "summary.csv"));
            var plot = new SvgPlot("Energy to ℓ* (modelled) vs parameters", "parameters (all ranks)", "joules to ℓ* (model)") { LogX = true, LogY = true };
            plot.Scatter("TP reference", [refRow.Parameters], [refRow.Joules.Median]);
            var reached = res.Rows.Skip(1).Where(r => r.Joules.Reached > 0).ToList();
            plot.Scatter("PP candidates", reached.Select(r => (double)r.Parameters).ToArray(), reached.Select(r => r.Joules.Median).ToArray());
            plot.Save(Path.Combine(dir, "energy_vs_params.svg"));
            var report = new RunReport("phantom smaller");
            report.Parameter("reference", refRow.Label).Parameter("seeds", s).Parameter("steps", opts.Steps).Parameter("B", opts.Network.Batch).Parameter("L", opts.Network.Layers)
                .Parameter("preset", cp).Parameter("gamma", g);
            report.Result("target_loss", res.Target).Result("provenance", "steps trained; time and energy Modelled (§6)")
                .Result("rows", res.Rows.Select(r => new { r.Label, r.Parameters, steps = r.Steps, per_step = r.PerStep, joules = r.Joules, seconds = r.Seconds,
                    traces = r.Runs.Select(x => x.Trace) }))
                .Result("best", best?.Label).Result("best_energy_ratio", best == null ? null : best.Joules.Median / refRow.Joules.Median);
            CommandKit.SaveReport(report, p.GetValue(o.Report) ?? Path.Combine(dir, "report.json"), quiet);
            return 0;
        });
        return cmd;
    }
}
