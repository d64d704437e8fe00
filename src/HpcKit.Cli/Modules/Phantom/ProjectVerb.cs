using System.CommandLine;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Core.Reporting;
using HpcKit.Phantom.Experiments;
using HpcKit.Phantom.Model;
using HpcKit.Phantom.Projection;

namespace HpcKit.Cli.Modules.Phantom;

/// <summary>`hpckit phantom project`: E5, the §6 time and energy models from p = 2 to 256 — a projection, never a measurement.</summary>
internal static class ProjectVerb
{
    public static Command Create()
    {
        var o = new PhantomOptions();
        var ranks = new Option<string>("--ranks") { Description = "Rank counts: lo..hi (powers of two) or a list", DefaultValueFactory = _ => "2..256" };
        var ghosts = new Option<string>("--ghosts") { Description = "PP ghost counts k", DefaultValueFactory = _ => "8,32" };
        var preset = new Option<string>("--preset") { Description = "Cost preset (illustrative-gpu-cluster, illustrative-cpu-cluster)", DefaultValueFactory = _ => "illustrative-gpu-cluster" };
        var gamma = new Option<string>("--gamma") { Description = "host (calibrate γ per GEMM shape here) or peak (γ = 1/peak of the preset)", DefaultValueFactory = _ => "host" };
        var stepsRatio = new Option<double>("--steps-ratio") { Description = "N_PP(ℓ*)/N_TP(ℓ*) to scale per-step energy to energy to target (e.g. from compare)", DefaultValueFactory = _ => 1.0 };
        var cmd = CommandKit.Verb("project", "Projects per-step time and energy of TP and PP to p = 256 with the §6 α–β–γ and energy models (labelled projection; constants shown).",
            "hpckit phantom project --ranks 2..256 --width 4096 --ghosts 8,32 --batch 256 --preset illustrative-gpu-cluster");
        PhantomOptions.AddAll(cmd, ranks, ghosts, preset, gamma, stepsRatio, o.Width, o.Layers, o.Batch, o.Threads, o.Report, o.Out, o.Quiet);
        o.Width.DefaultValueFactory = _ => 4096;
        o.Batch.DefaultValueFactory = _ => 256;
        cmd.SetAction(p =>
        {
            CommandKit.ApplyThreads(p.GetValue(o.Threads));
            var cp = CostPreset.Named(p.GetValue(preset)!);
            var shape = new NetworkConfig { Width = p.GetValue(o.Width), Layers = p.GetValue(o.Layers), Batch = p.GetValue(o.Batch), InputDim = 64, OutputDim = 4, Ranks = 1 };
            shape.Validate();
            var ps = ProjectionTable.ParseRanks(p.GetValue(ranks)!);
            var ks = ProjectionTable.ParseList(p.GetValue(ghosts)!, "--ghosts");
            string g = p.GetValue(gamma)!;
            var gm = g switch
            {
                "host" => StepCostModel.Host,
                "peak" => StepCostModel.Peak(cp),
                _ => throw new Core.HpcKitUsageException($"--gamma '{g}' is not host or peak"),
            };
            double sr = p.GetValue(stepsRatio);
            if (!(sr > 0)) throw new Core.HpcKitUsageException("--steps-ratio must be positive");
            bool quiet = p.GetValue(o.Quiet);
            if (!quiet && g == "host") Console.Error.WriteLine($"calibrating γ per GEMM shape on this host ({Blas.Current.Name}, {p.GetValue(o.Threads)} thread(s))...");
            var rows = ProjectionTable.Build(shape, ps, ks, cp, gm, sr);
            string dir = o.OutDir(p, "project");
            Console.WriteLine($"E5 PROJECTION (not a measurement): n={shape.Width} L={shape.Layers} B={shape.Batch} fp32; γ: {(g == "host" ? $"calibrated per shape on this host ({Blas.Current.Name})" : "1/peak of preset")}");
            Console.WriteLine($"preset {cp.Name}: α={PhantomOptions.F(cp.Alpha)} s, β={PhantomOptions.F(cp.Beta)} s/B, P_static={PhantomOptions.F(cp.StaticWatts)} W/rank, "
                + $"ε_flop={PhantomOptions.F(cp.JoulesPerFlop)} J/FLOP, ε_byte={PhantomOptions.F(cp.JoulesPerByte)} J/B — {cp.Note}");
            var csv = new CsvTable("kind", "preset", "p", "n", "k", "tp_step_s", "pp_step_s", "tp_comm_s", "pp_comm_s", "tp_step_J", "pp_step_J", "time_ratio", "energy_ratio", "energy_ratio_to_target",
                "energy_ratio_eps_byte_0", "energy_ratio_eps_byte_10x", "energy_ratio_p_static_0.5x", "energy_ratio_p_static_2x");
            var table = new List<IReadOnlyList<string>>();
            var sens = new Dictionary<string, IReadOnlyList<ProjectionRow>>
            {
                ["b0"] = ProjectionTable.Build(shape, ps, ks, cp.Scaled(0, 1), gm, sr),
                ["b10"] = ProjectionTable.Build(shape, ps, ks, cp.Scaled(10, 1), gm, sr),
                ["s05"] = ProjectionTable.Build(shape, ps, ks, cp.Scaled(1, 0.5), gm, sr),
                ["s2"] = ProjectionTable.Build(shape, ps, ks, cp.Scaled(1, 2), gm, sr),
            };
            for (int i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                csv.Add(r.Kind, r.Preset, r.Ranks, r.Width, r.Ghosts, r.Tp.StepSeconds, r.Pp.StepSeconds, r.Tp.CommSeconds, r.Pp.CommSeconds, r.Tp.Joules, r.Pp.Joules,
                    r.TimeRatio, r.EnergyRatio, r.EnergyRatioToTarget, sens["b0"][i].EnergyRatio, sens["b10"][i].EnergyRatio, sens["s05"][i].EnergyRatio, sens["s2"][i].EnergyRatio);
                table.Add([r.Ranks.ToString(), r.Ghosts.ToString(), PhantomOptions.F(r.Tp.StepSeconds * 1e3, "F3"), PhantomOptions.F(r.Pp.StepSeconds * 1e3, "F3"),
                    PhantomOptions.F(r.TimeRatio, "F3"), PhantomOptions.F(r.EnergyRatio, "F3"),
                    $"{PhantomOptions.F(sens["b0"][i].EnergyRatio, "F3")}/{PhantomOptions.F(sens["b10"][i].EnergyRatio, "F3")}",
                    $"{PhantomOptions.F(sens["s05"][i].EnergyRatio, "F3")}/{PhantomOptions.F(sens["s2"][i].EnergyRatio, "F3")}"]);
            }
            CommandKit.PrintTable(["p", "k", "TP ms/step", "PP ms/step", "time PP/TP", "energy PP/TP", "ε_byte 0/10×", "P_static 0.5/2×"], table);
            if (sr != 1) Console.WriteLine($"energy to target ratio = {PhantomOptions.F(sr)} (supplied steps ratio) × per-step energy ratio (in CSV)");
            else Console.WriteLine("per-step figures only: N(ℓ*) at these (n, p, k) was not measured; pass --steps-ratio to scale");
            csv.Save(Path.Combine(dir, "projection.csv"));
            var plot = new SvgPlot($"PROJECTION: energy per step PP ÷ TP (n={shape.Width}, preset {cp.Name})", "ranks p", "PP/TP energy per step") { LogX = true };
            var tplot = new SvgPlot($"PROJECTION: time per step (n={shape.Width}, preset {cp.Name})", "ranks p", "seconds per step (model)") { LogX = true, LogY = true };
            var tpRows = rows.Where(r => r.Ghosts == ks[0]).ToList();
            tplot.LineMarkers("TP", tpRows.Select(r => (double)r.Ranks).ToArray(), tpRows.Select(r => r.Tp.StepSeconds).ToArray());
            foreach (int k in ks)
            {
                var kr = rows.Where(r => r.Ghosts == k).ToList();
                if (kr.Count == 0) continue;
                plot.LineMarkers($"k={k}", kr.Select(r => (double)r.Ranks).ToArray(), kr.Select(r => r.EnergyRatio).ToArray());
                tplot.LineMarkers($"PP k={k}", kr.Select(r => (double)r.Ranks).ToArray(), kr.Select(r => r.Pp.StepSeconds).ToArray());
            }
            plot.ReferenceLine(1, false, "equal");
            plot.Save(Path.Combine(dir, "energy_ratio.svg"));
            tplot.Save(Path.Combine(dir, "step_time.svg"));
            var report = new RunReport("phantom project");
            report.Parameter("n", shape.Width).Parameter("L", shape.Layers).Parameter("B", shape.Batch).Parameter("ranks", ps).Parameter("ghosts", ks).Parameter("preset", cp)
                .Parameter("gamma", g).Parameter("steps_ratio", sr);
            report.Result("kind", "projection").Result("rows", rows).Result("sensitivity", sens);
            CommandKit.SaveReport(report, p.GetValue(o.Report) ?? Path.Combine(dir, "report.json"), quiet);
            return 0;
        });
        return cmd;
    }
}
