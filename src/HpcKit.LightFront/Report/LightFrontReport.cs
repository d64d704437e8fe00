using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HpcKit.Core.Reporting;
using HpcKit.LightFront.Model;
using HpcKit.LightFront.Observables;
using HpcKit.LightFront.Reference;
using HpcKit.LightFront.Solver;

namespace HpcKit.LightFront.Report;

/// <summary>
/// Writes the §9 outputs of a solve: the observable table (Markdown and JSON, ours beside the references), and the
/// figures (SVG with a CSV per figure): ξ(w) with the CLN band, the LCDA against the exponential model, the PDFs near
/// x → 1, the spectrum and the convergence in resolution. All files are written atomically.
/// </summary>
public static class LightFrontReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The Markdown observable table of one or two summaries (ours) with the reference column.</summary>
    public static string Table(params SolveSummary[] runs)
    {
        var sb = new StringBuilder();
        sb.Append("| observable | unit |");
        foreach (var r in runs) sb.Append(Inv, $" ours: {r.Parameters.Name}, {r.Method} ({Sequence(r)}) |");
        sb.AppendLine(" reference (not ours; spec §8) |");
        sb.Append("|---|---|");
        foreach (var _ in runs) sb.Append("---|");
        sb.AppendLine("---|");
        foreach (var (name, unit, _) in ObservableSet.Rows)
        {
            sb.Append(Inv, $"| {name} | {unit} |");
            foreach (var r in runs)
            {
                var e = r.Extrapolated[name];
                sb.Append(Inv, $" {Fmt(e.Value)} ± {Fmt(e.Uncertainty)} |");
            }
            sb.AppendLine(Inv, $" {(ReferenceValues.ByRow.TryGetValue(name, out var refv) ? refv : "")} |");
        }
        return sb.ToString();
    }

    /// <summary>The resolution sequence of a run, e.g. "N_K=12..68" or "N_b=22..82".</summary>
    public static string Sequence(SolveSummary r)
    {
        int lo = r.Points.Min(q => q.NK), hi = r.Points.Max(q => q.NK);
        if (r.Method != "galerkin") return $"N_K={lo}..{hi}";
        return $"N_b={r.Points.Where(q => q.BasisSize > 0).Min(q => q.BasisSize)}..{r.Points.Max(q => q.BasisSize)}, N_K={lo}..{hi}";
    }

    /// <summary>JSON of a run: parameters, every point and every extrapolation.</summary>
    public static JsonObject Json(SolveSummary r)
    {
        var pts = new JsonArray();
        foreach (var p in r.Points)
        {
            var o = new JsonObject { ["method"] = p.Method, ["resolution"] = p.Resolution, ["n_k"] = p.NK, ["basis_size"] = p.BasisSize, ["delta_over_beta"] = p.Delta, ["seconds"] = p.Seconds };
            foreach (var (name, _, get) in ObservableSet.Rows) o[name] = Num(get(p.Observables));
            o["levels_half_2Lambda_over_beta"] = new JsonArray([.. p.HalfLevels.Select(v => (JsonNode?)Num(v))]);
            o["levels_3half_2Lambda_over_beta"] = new JsonArray([.. p.ThreeHalvesLevels.Select(v => (JsonNode?)Num(v))]);
            pts.Add(o);
        }
        var ext = new JsonObject();
        foreach (var (name, e) in r.Extrapolated)
            ext[name] = new JsonObject { ["value"] = Num(e.Value), ["uncertainty"] = Num(e.Uncertainty), ["exponent"] = Num(e.Exponent), ["fit"] = e.Fit,
                ["reference"] = ReferenceValues.ByRow.TryGetValue(name, out var rv) ? rv : null };
        return new JsonObject
        {
            ["parameter_set"] = JsonNode.Parse(ParameterFile.ToJson(r.Parameters)),
            ["method"] = r.Method,
            ["p_max_over_beta"] = r.Options.PMax,
            ["points"] = pts,
            ["extrapolated"] = ext,
            ["note"] = "HpcKit numbers from this project's reconstruction; not the numbers of hep-ph/0105109 or hep-ph/0204015.",
        };
    }

    /// <summary>Writes table, JSON, figures and CSVs into <paramref name="dir"/>.</summary>
    public static IReadOnlyList<string> Write(string dir, SolveSummary dlcq, SolveSummary galerkin)
    {
        Directory.CreateDirectory(dir);
        var files = new List<string>();
        string P(string f) { var p = Path.Combine(dir, f); files.Add(p); return p; }
        AtomicFile.WriteAllText(P("table.md"), Table(dlcq, galerkin));
        var json = new JsonObject { ["dlcq"] = Json(dlcq), ["galerkin"] = Json(galerkin) };
        AtomicFile.WriteAllText(P("table.json"), json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        var par = dlcq.Parameters;
        var ground = dlcq.Points[^1].Ground;
        var obs = dlcq.Points[^1].Observables;

        // 1. Isgur–Wise function.
        var iw = new IsgurWiseFunction(ground);
        int nw = 31;
        double[] w = new double[nw], xi = new double[nw], ov = new double[nw], xt = new double[nw], lo = new double[nw], hi = new double[nw], pole = new double[nw], clo = new double[nw], chi = new double[nw];
        var csv = new CsvTable("w", "xi", "overlap_O", "xi_perp", "cln_lo", "cln_hi", "pole_rho2_1.17");
        for (int i = 0; i < nw; i++)
        {
            w[i] = 1 + 0.6 * i / (nw - 1);
            xi[i] = iw.Xi(w[i]);
            ov[i] = iw.OverlapNormalised(IsgurWiseFunction.LambdaOf(w[i]));
            xt[i] = ground.XiTransverse(w[i], par.A * par.Beta);
            lo[i] = ReferenceValues.Cln(w[i], ReferenceValues.ClnRhoHigh);
            hi[i] = ReferenceValues.Cln(w[i], ReferenceValues.ClnRhoLow);
            pole[i] = ReferenceValues.Pole(w[i], 1.17);
            clo[i] = 1 - (ReferenceValues.CleoRho + ReferenceValues.CleoError) * (w[i] - 1);
            chi[i] = 1 - (ReferenceValues.CleoRho - ReferenceValues.CleoError) * (w[i] - 1);
            csv.Add(w[i], xi[i], ov[i], xt[i], lo[i], hi[i], pole[i]);
        }
        var plot = new SvgPlot($"Isgur-Wise function ({par.Name}, DLCQ {dlcq.Points[^1].Resolution})", "w", "xi(w)");
        plot.Band("CLN rho2 1.14-1.21 (reference)", w, lo, hi).Band("CLEO 1994 slope (reference)", w, clo, chi)
            .Line("xi (ours)", w, xi).Line("overlap O (ours)", w, ov).Line("xi_perp (ours, diagnostic)", w, xt).Line("pole form rho2=1.17", w, pole)
            .Markers([(1.50, "B->D* end"), (1.59, "B->D end")]);
        plot.Save(P("xi.svg"));
        csv.Save(P("xi.csv"));

        // 2. LCDA.
        var g = ground.Grid;
        var om = new List<double>(); var ph = new List<double>(); var ex = new List<double>(); var exo = new List<double>();
        var lc = new CsvTable("omega_GeV", "phi_plus_per_GeV", "exp_model_0.34", "exp_model_ours");
        for (int i = 0; i < g.NK; i++)
        {
            double o = g.K(i) * par.Beta;
            if (o > 3) break;
            double v = ground.Psi0(i) / ground.PsiIntegral / par.Beta;
            om.Add(o); ph.Add(v); ex.Add(ReferenceValues.ExponentialLcda(o, ReferenceValues.LambdaB));
            exo.Add(double.IsFinite(obs.LambdaB) ? ReferenceValues.ExponentialLcda(o, obs.LambdaB) : double.NaN);
            lc.Add(o, v, ex[^1], exo[^1]);
        }
        var lp = new SvgPlot($"B-meson LCDA phi+(omega) ({par.Name})", "omega (GeV)", "phi+ (1/GeV)");
        lp.Line("phi+ (ours, DLCQ)", [.. om], [.. ph]).Line("exponential model, lambda_B=0.34 GeV (reference)", [.. om], [.. ex]);
        if (double.IsFinite(obs.LambdaB)) lp.Line($"exponential model at our lambda_B={obs.LambdaB:F3}", [.. om], [.. exo]);
        lp.Save(P("lcda.svg"));
        lc.Save(P("lcda.csv"));

        // 3. PDFs near x -> 1.
        var pdf = HeavyQuarkPdf.FromState(ground, par.Beta);
        var pp = new SvgPlot($"PDFs at M_B = {PhysicalConstants.MB} GeV ({par.Name})", "x", "f(x)") { XMin = 0, XMax = 1 };
        pp.Line("f_Q (ours)", pdf.X, pdf.Fq).Line("f_qbar (ours)", pdf.XAnti, pdf.FAnti);
        if (pdf.XLink.Length > 0) pp.Line("f_M (ours)", pdf.XLink, pdf.FLink);
        pp.ReferenceLine(1 - obs.LambdaBar / PhysicalConstants.MB, true, "1 - Lambda/M_B");
        pp.Save(P("pdf.svg"));
        var pc = new CsvTable("x", "f_Q");
        for (int i = 0; i < pdf.X.Length; i++) pc.Add(pdf.X[i], pdf.Fq[i]);
        pc.Save(P("pdf.csv"));

        // 4. Spectrum.
        var last = dlcq.Points[^1];
        var cats = new List<string>(); var vals = new List<double>();
        var sc = new CsvTable("sector", "level", "Lambda_GeV", "Lambda_over_beta");
        for (int j = 0; j < last.HalfLevels.Length; j++) { cats.Add($"j=1/2 #{j}"); vals.Add(0.5 * last.HalfLevels[j] * par.Beta); sc.Add("1/2", j, vals[^1], 0.5 * last.HalfLevels[j]); }
        for (int j = 0; j < last.ThreeHalvesLevels.Length; j++) { cats.Add($"j=3/2 #{j}"); vals.Add(0.5 * last.ThreeHalvesLevels[j] * par.Beta); sc.Add("3/2", j, vals[^1], 0.5 * last.ThreeHalvesLevels[j]); }
        new SvgPlot($"Spectrum Lambda_n by sector ({par.Name}, DLCQ {last.Resolution}; beta = {par.Beta} GeV)", "state", "Lambda (GeV)").Bars("Lambda_n", cats, [.. vals]).Save(P("spectrum.svg"));
        sc.Save(P("spectrum.csv"));

        // 5. Convergence.
        double star = dlcq.Extrapolated["Lambda_bar"].Value;
        var cc = new CsvTable("method", "resolution", "Lambda_bar_GeV", "abs_dev_from_extrapolated", "virial_residual_GeV");
        var cv = new SvgPlot($"Convergence of Lambda ({par.Name}); extrapolated DLCQ {star:F4} GeV", "N_K (Galerkin: largest basis on each grid)", "|Lambda(N) - Lambda*| (GeV)") { LogX = true, LogY = true };
        foreach (var run in new[] { dlcq, galerkin })
        {
            var xs = new List<double>(); var ys = new List<double>(); var vr = new List<double>();
            int largest = run.Points.Max(q => q.BasisSize);
            foreach (var pt in run.Points.Where(q => q.BasisSize == largest).OrderBy(q => q.NK))
            {
                double n = pt.NK;
                double dev = Math.Abs(pt.Observables.LambdaBar - star);
                cc.Add(run.Method, pt.Resolution, pt.Observables.LambdaBar, dev, pt.Observables.VirialResidual);
                if (dev > 0) { xs.Add(n); ys.Add(dev); vr.Add(Math.Abs(pt.Observables.VirialResidual)); }
            }
            cv.LineMarkers($"{run.Method} |Lambda - Lambda*|", [.. xs], [.. ys]).LineMarkers($"{run.Method} |virial residual|", [.. xs], [.. vr]);
        }
        cv.Save(P("convergence.svg"));
        cc.Save(P("convergence.csv"));
        AtomicFile.WriteAllText(P("diagnostics.json"), Diagnostics(dlcq).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        return files;
    }

    /// <summary>
    /// §9 diagnostics of the finest DLCQ point: normalisation, P₂ and virial residual of the ground state; Hermiticity
    /// residual of the assembled sector matrix on a small grid; fitted ψ₀ edge exponent against γ (and γ₃, γ_b for
    /// reference); ρ² from the norms against the curvature; ρ² − ρ²_⊥; the ½–3/2 level pairing; the seagull coupling.
    /// </summary>
    public static JsonObject Diagnostics(SolveSummary dlcq)
    {
        var p = dlcq.Parameters;
        var c = p.Scaled();
        var last = dlcq.Points[^1];
        var s = last.Ground;
        var small = new Hamiltonian.FemtowormHamiltonian(new Basis.DlcqGrid(12, dlcq.Options.PMax), c, Hamiltonian.Sector.Half);
        var a = small.AssembleDense();
        int n = small.Dimension;
        double asym = 0, max = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) { asym = Math.Max(asym, Math.Abs(a[i * n + j] - a[j * n + i])); max = Math.Max(max, Math.Abs(a[i * n + j])); }
        double norm = 0;
        foreach (double x in s.U0) norm += x * x;
        foreach (double x in s.UA) norm += x * x;
        foreach (double x in s.UB) norm += x * x;
        int lo = Math.Max(2, s.Grid.NK / 64), hi = Math.Max(lo + 3, s.Grid.NK / 16);
        double l32 = last.ThreeHalvesLevels.Length > 0 ? last.ThreeHalvesLevels[0] : double.NaN;
        double partner = last.HalfLevels.Skip(1).OrderBy(v => Math.Abs(v - l32)).DefaultIfEmpty(double.NaN).First();
        var o = last.Observables;
        var states = new JsonArray();
        foreach (var st in last.States)
            states.Add(new JsonObject { ["sector"] = st.Sector, ["index"] = st.Index, ["Lambda_GeV"] = Num(st.LambdaBar), ["P2"] = Num(st.P2),
                ["mean_k_GeV"] = Num(st.MeanK), ["virial_residual_GeV"] = Num(st.VirialResidual) });
        return new JsonObject
        {
            ["resolution"] = last.Resolution,
            ["states"] = states,
            ["ground_norm"] = Num(norm),
            ["ground_P2"] = Num(o.P2),
            ["ground_virial_residual_GeV"] = Num(o.VirialResidual),
            ["hermiticity_residual_relative_NK12"] = Num(asym / max),
            ["edge_exponent_psi0_fitted"] = Num(s.EdgeExponent(lo, hi)),
            ["edge_window_cells"] = $"{lo}..{hi}",
            ["gamma_thooft"] = Num(Basis.EndpointExponents.Fermion(c.M)),
            ["gamma3_antiquark_edge"] = Num(Basis.EndpointExponents.Fermion(c.MV)),
            ["gamma_b_link_edge"] = Num(Basis.EndpointExponents.Boson(c.Mu)),
            ["rho2_norms"] = Num(o.Rho2),
            ["rho2_curvature"] = Num(o.Rho2Curvature),
            ["rho2_minus_rho2_perp"] = Num(o.Rho2 - o.Rho2Perp),
            ["lowest_3half_2Lambda_over_beta"] = Num(l32),
            ["nearest_half_partner_2Lambda_over_beta"] = Num(partner),
            ["seagull_coupling"] = p.Seagull,
            ["seagull_prescription"] = p.Seagull == 1 ? "S (sum of squares)" : p.Seagull == 0 ? "N (no seagulls)" : "scaled",
        };
    }

    private static JsonNode? Num(double v) => double.IsFinite(v) ? JsonValue.Create(v) : null;

    private static string Fmt(double v) => double.IsFinite(v) ? v.ToString("G4", Inv) : "n/a";
}
