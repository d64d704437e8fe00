using System.CommandLine;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Reporting;
using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Instruments;
using HpcKit.Diffraction.Profiles;
using HpcKit.Diffraction.Simulation;

namespace HpcKit.Cli.Modules.Diffraction;

/// <summary>`hpckit diffraction simulate`: one pattern to CSV (and SVG with hkl-labelled ticks).</summary>
internal static class SimulateVerb
{
    public static Command Create()
    {
        var structure = new Option<string?>("--structure") { Description = "Built-in prototype: cubic, trigonal or tetragonal" };
        var cif = new Option<string?>("--cif") { Description = "CIF file (cell, symmetry operator loop, atom-site loop)" };
        var a = new Option<double?>("--a") { Description = "Cell edge a (Å) for a prototype (default: its CIF cell)" };
        var c = new Option<double?>("--c") { Description = "Cell edge c (Å), tetragonal prototype" };
        var alpha = new Option<double?>("--alpha") { Description = "Rhombohedral angle α (degrees), trigonal prototype" };
        var instrument = new Option<string?>("--instrument") { Description = "GSAS-II .instprm file (PNT = TOF, PNC = constant wavelength); default NOMAD bank 4" };
        var bank = new Option<int?>("--bank") { Description = "Bank to read from a multi-bank .instprm (default: first)" };
        var profile = new Option<string>("--profile") { Description = "TOF profile: table (fast), direct (exact, slow) or delta", DefaultValueFactory = _ => "table" };
        var mode = ModeOption();
        var minmax = new Option<bool>("--minmax") { Description = "Min–max scale the pattern to [0, 1]" };
        var sticks = new Option<string?>("--sticks") { Description = "Also write the merged reflection list (CSV)" };
        var output = CommandKit.Out("Pattern CSV (TOF: tof_us,intensity,d_A; CW: two_theta_deg,intensity,d_A)");
        var plot = new Option<string?>("--plot") { Description = "SVG plot with hkl-labelled reflection ticks" };
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var cmd = CommandKit.Verb("simulate", "Simulates one powder pattern from a prototype or a CIF.", "hpckit diffraction simulate --structure cubic --a 4.1 --out p.csv --plot p.svg");
        foreach (var o in new Option[] { structure, cif, a, c, alpha, instrument, bank, profile, mode, minmax, sticks, output, plot, report, quiet }) cmd.Add(o);
        cmd.SetAction(pr =>
        {
            var r = new RunReport("diffraction simulate") { Environment = EnvironmentInfo.Capture() };
            bool q = pr.GetValue(quiet);
            var s = LoadStructure(pr.GetValue(structure), pr.GetValue(cif), pr.GetValue(a), pr.GetValue(c), pr.GetValue(alpha));
            foreach (var w in s.Warnings) Console.Error.WriteLine("warning: " + w);
            var inst = pr.GetValue(instrument) is string ip ? InstprmReader.ReadFile(ip, pr.GetValue(bank)) : null;
            string? outPath = pr.GetValue(output), plotPath = pr.GetValue(plot);
            r.Parameter("structure", s.Name).Parameter("cell", s.Cell.ToString()).Parameter("instrument", pr.GetValue(instrument) ?? "NOMAD bank 4");
            if (inst is { Cw: not null }) RunCw(s, inst.Cw, outPath, plotPath, pr.GetValue(sticks), pr.GetValue(minmax), r, q);
            else
            {
                var kind = pr.GetValue(profile)!.ToLowerInvariant() switch
                {
                    "table" => ProfileKind.Table,
                    "direct" => ProfileKind.Direct,
                    "delta" => ProfileKind.Delta,
                    var other => throw new HpcKitUsageException($"--profile must be table, direct or delta (got '{other}')"),
                };
                RunTof(s, inst?.Tof ?? TofInstrument.NomadBank4, kind, ParseMode(pr.GetValue(mode)!), outPath, plotPath, pr.GetValue(sticks), pr.GetValue(minmax), r, q);
            }
            CommandKit.SaveReport(r, pr.GetValue(report), q);
            return 0;
        });
        return cmd;
    }

    internal static CrystalStructure LoadStructure(string? name, string? cif, double? a, double? c, double? alpha)
    {
        if ((name == null) == (cif == null)) throw new HpcKitUsageException("give exactly one of --structure (cubic, trigonal, tetragonal) or --cif FILE");
        if (cif != null)
        {
            if (a != null || c != null || alpha != null) throw new HpcKitUsageException("--a, --c and --alpha apply to --structure prototypes only");
            return CifReader.ReadFile(cif);
        }
        if (!Prototypes.TryParse(name!, out var cls)) throw new HpcKitUsageException($"unknown --structure '{name}' (cubic, trigonal, tetragonal)");
        var s = Prototypes.Structure(cls);
        if (a == null && c == null && alpha == null) return s;
        double aa = a ?? s.Cell.A;
        var p = new CellParameters(aa, c ?? (cls == PrototypeClass.Tetragonal ? s.Cell.C : aa), alpha ?? (cls == PrototypeClass.Trigonal ? s.Cell.Alpha : 90));
        if (cls == PrototypeClass.Cubic && (c != null || alpha != null)) throw new HpcKitUsageException("the cubic prototype takes --a only");
        if (cls == PrototypeClass.Tetragonal && alpha != null) throw new HpcKitUsageException("the tetragonal prototype takes --a and --c");
        if (cls == PrototypeClass.Trigonal && c != null) throw new HpcKitUsageException("the trigonal prototype takes --a and --alpha");
        return s.WithCell(Prototypes.Cell(cls, p));
    }

    internal static Option<string> ModeOption() =>
        new("--mode") { Description = "TOF profile: gsas2 (pseudo-Voigt with GSAS-II's default sample broadening) or instrument (exponential ⊗ Gaussian)", DefaultValueFactory = _ => "gsas2" };

    internal static TofProfileMode ParseMode(string text) => text.ToLowerInvariant() switch
    {
        "gsas2" or "gsas2default" => TofProfileMode.Gsas2Default,
        "instrument" or "instrumentonly" => TofProfileMode.InstrumentOnly,
        _ => throw new HpcKitUsageException($"--mode must be gsas2 or instrument (got '{text}')"),
    };

    private static void RunTof(CrystalStructure s, TofInstrument inst, ProfileKind kind, TofProfileMode mode, string? outPath, string? plotPath, string? sticksPath, bool minmax, RunReport r, bool quiet)
    {
        var grid = TofGrid.Default;
        TofSimulator sim;
        using (r.Time("reflections")) sim = new TofSimulator(s, inst, grid, kind, mode);
        var y = new float[grid.Count];
        using (r.Time("pattern")) sim.Simulate(y);
        if (minmax) PatternScaling.MinMax(y);
        r.Result("peaks", sim.Peaks.Count).Result("max_intensity", y.Max());
        if (outPath != null)
            AtomicFile.Write(outPath, w =>
            {
                w.WriteLine("tof_us,intensity,d_A");
                for (int i = 0; i < grid.Count; i++)
                {
                    double t = grid.Tof(i);
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t:F4},{y[i]:G9},{inst.DFromTof(t):F6}"));
                }
            });
        if (sticksPath != null)
            AtomicFile.Write(sticksPath, w =>
            {
                w.WriteLine("h,k,l,d_A,multiplicity,sumF2_fm2,tof_us,intensity");
                foreach (var p in sim.Peaks)
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Reflection.H},{p.Reflection.K},{p.Reflection.L},{p.Reflection.D:F7},{p.Reflection.Multiplicity},{p.Reflection.SumF2:G9},{p.Tof:F4},{p.Intensity:G9}"));
            });
        if (plotPath != null) Plot(plotPath, $"{s.Name}: {s.Cell}", grid, y, sim.Peaks);
        if (!quiet)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Name}: {s.Atoms.Count} atoms, V = {s.Cell.Volume:F3} Å^3, {sim.Peaks.Count} merged reflections over {grid.Count} TOF bins {grid.TMin:F0}–{grid.TMax:F1} µs{(outPath != null ? "; wrote " + outPath : "")}{(plotPath != null ? ", " + plotPath : "")}"));
    }

    private static void RunCw(CrystalStructure s, CwInstrument inst, string? outPath, string? plotPath, string? sticksPath, bool minmax, RunReport r, bool quiet)
    {
        var sticks = CwSimulator.Sticks(s, inst);
        var (x, yd) = CwSimulator.Pattern(sticks, inst);
        var y = yd.Select(v => (float)v).ToArray();
        if (minmax) PatternScaling.MinMax(y);
        r.Result("peaks", sticks.Count);
        if (outPath != null)
            AtomicFile.Write(outPath, w =>
            {
                w.WriteLine("two_theta_deg,intensity,d_A");
                for (int i = 0; i < x.Length; i++)
                {
                    double th = (x[i] - inst.Zero) * Math.PI / 360;
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{x[i]:F4},{y[i]:G9},{inst.Lambda / (2 * Math.Sin(th)):F6}"));
                }
            });
        if (sticksPath != null)
            AtomicFile.Write(sticksPath, w =>
            {
                w.WriteLine("h,k,l,d_A,multiplicity,sumF2_fm2,two_theta_deg,intensity");
                foreach (var p in sticks)
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.H},{p.K},{p.L},{p.D:F7},{p.Multiplicity},{p.SumF2:G9},{p.TwoTheta:F5},{p.Intensity:G9}"));
            });
        if (plotPath != null)
        {
            var plot = new SvgPlot($"{s.Name}: CW λ = {inst.Lambda} Å", "2θ (degrees)", "intensity");
            plot.Line("pattern", x, y.Select(v => (double)v).ToArray());
            plot.Markers(Ticks(sticks.Select(t => (t.TwoTheta, t.Intensity, $"{t.H}{t.K}{t.L}"))));
            plot.Save(plotPath);
        }
        if (!quiet) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Name}: CW λ = {inst.Lambda} Å, {sticks.Count} reflections in 2θ {inst.TwoThetaMin}–{inst.TwoThetaMax}°{(outPath != null ? "; wrote " + outPath : "")}"));
    }

    /// <summary>TOF pattern plot with hkl-labelled ticks (the 20 strongest labelled).</summary>
    internal static void Plot(string path, string title, TofGrid grid, float[] y, IReadOnlyList<TofPeak> peaks)
    {
        var plot = new SvgPlot(title, "TOF (µs)", "intensity");
        plot.Line("pattern", grid.Tofs(), y.Select(v => (double)v).ToArray());
        plot.Markers(Ticks(peaks.Where(p => p.Bin >= 0 && p.Bin <= grid.Count - 1).Select(p => (p.Tof, p.Intensity, $"{p.Reflection.H}{p.Reflection.K}{p.Reflection.L}"))));
        plot.Save(path);
    }

    private static IEnumerable<(double, string)> Ticks(IEnumerable<(double X, double I, string Hkl)> peaks)
    {
        var list = peaks.ToList();
        var strong = list.OrderByDescending(p => p.I).Take(20).Select(p => p.X).ToHashSet();
        double max = list.Count > 0 ? list.Max(p => p.I) : 0;
        return list.Where(p => p.I >= 1e-3 * max).OrderByDescending(p => p.I).Take(400).Select(p => (p.X, strong.Contains(p.X) ? p.Hkl : ""));
    }
}
