using System.Diagnostics;
using HpcKit.LightFront.Basis;
using HpcKit.LightFront.Eigen;
using HpcKit.LightFront.Hamiltonian;
using HpcKit.LightFront.Model;
using HpcKit.LightFront.Observables;

namespace HpcKit.LightFront.Solver;

/// <summary>
/// Solves the femtoworm heavy-light problem for a parameter set: sparse DLCQ (Lanczos) along a resolution sequence
/// at fixed P_max, or dense Galerkin (projected edge-exponent basis, dsygvd) along nested bases at a fixed fine grid;
/// derives the observables of every point and extrapolates them (§6.3).
/// </summary>
public static class HeavyLightSolver
{
    /// <summary>Sparse DLCQ solve at N_K = <paramref name="nk"/>.</summary>
    public static ResolutionPoint SolveDlcq(LightFrontParameters p, int nk, double pMax, int states = 3)
    {
        var sw = Stopwatch.StartNew();
        var h = FemtowormHamiltonian.Create(p, nk, pMax, Sector.Half);
        var r = Lanczos.Lowest(h.Apply, h.Dimension, Math.Min(states, h.Dimension), 1e-9);
        var h3 = FemtowormHamiltonian.Create(p, nk, pMax, Sector.ThreeHalves);
        var r3 = Lanczos.Lowest(h3.Apply, h3.Dimension, Math.Min(2, h3.Dimension), 1e-9);
        double secs = sw.Elapsed.TotalSeconds;
        double gamma = EndpointExponents.Fermion(p.M / p.Beta);
        var ground = new GridState(h.Grid, Sector.Half, r.Vector(0), r.Values[0], gamma);
        var summaries = new List<StateSummary>();
        for (int j = 0; j < r.Values.Length; j++) summaries.Add(Summarise(p, "1/2", j, new GridState(h.Grid, Sector.Half, r.Vector(j), r.Values[j], gamma)));
        for (int j = 0; j < r3.Values.Length; j++) summaries.Add(Summarise(p, "3/2", j, new GridState(h.Grid, Sector.ThreeHalves, r3.Vector(j), r3.Values[j], gamma)));
        return new ResolutionPoint("DLCQ", $"N_K={nk}", nk, 0, h.Grid.Delta, r.Values, r3.Values, Derive(p, ground, r.Values, r3.Values), secs, ground)
            { States = summaries };
    }

    /// <summary>Dense Galerkin solve on the grid N_K = <paramref name="nk"/> with basis sizes (n0, n1, n2).</summary>
    public static ResolutionPoint SolveGalerkin(LightFrontParameters p, int nk, double pMax, (int N0, int N1, int N2) size)
    {
        var sw = Stopwatch.StartNew();
        var h = FemtowormHamiltonian.Create(p, nk, pMax, Sector.Half);
        var g = GalerkinProjection.Solve(h, size.N0, size.N1, size.N2);
        var h3 = FemtowormHamiltonian.Create(p, nk, pMax, Sector.ThreeHalves);
        var g3 = GalerkinProjection.Solve(h3, 0, size.N1, size.N2);
        double secs = sw.Elapsed.TotalSeconds;
        var ground = new GridState(h.Grid, Sector.Half, g.GridVector(0), g.Values[0], EndpointExponents.Fermion(p.M / p.Beta));
        return new ResolutionPoint("Galerkin", $"N_b={g.BasisSize}@N_K={nk}", nk, g.BasisSize, h.Grid.Delta, g.Values[..Math.Min(3, g.Values.Length)],
            g3.Values[..Math.Min(2, g3.Values.Length)], Derive(p, ground, g.Values, g3.Values), secs, ground);
    }

    private static StateSummary Summarise(LightFrontParameters p, string sector, int j, GridState s) =>
        new(sector, j, s.LambdaBar * p.Beta, s.P2, s.MeanMomentum * p.Beta, s.VirialResidual * p.Beta);

    /// <summary>Observables of a ground state in GeV units.</summary>
    public static ObservableSet Derive(LightFrontParameters p, GridState s, double[] half, double[] threeHalves)
    {
        double b = p.Beta;
        double fb = Math.Sqrt(2 * PhysicalConstants.Nc / Math.PI) / p.A * s.PsiIntegral * Math.Sqrt(b);
        double rhoO = s.RhoSquaredOverlapFromNorms();
        double curv = s.P2 > 0 ? new IsgurWiseFunction(s).RhoSquaredFromCurvature() : double.NaN;
        double inv = s.InverseLambdaB / b;
        return new ObservableSet(
            s.LambdaBar * b, s.P2, s.MeanMomentum * b, s.VirialResidual * b, fb, 1000 * fb / Math.Sqrt(PhysicalConstants.MB),
            0.25 + rhoO, rhoO, curv, s.RhoSquaredTransverse(p.A * b), inv > 0 ? 1 / inv : double.NaN,
            half.Length > 1 ? 0.5 * half[1] * b : double.NaN, half.Length > 2 ? 0.5 * half[2] * b : double.NaN,
            threeHalves.Length > 0 ? 0.5 * threeHalves[0] * b : double.NaN);
    }

    /// <summary>
    /// Runs a method along its resolution sequence and extrapolates every observable. DLCQ: the N_K sequence, fitted
    /// in Δ. Galerkin: nested bases on the finest grid (basis convergence), then the largest basis on every grid of the
    /// sequence, fitted in Δ; the uncertainty adds the change between the last two bases.
    /// </summary>
    public static SolveSummary Run(LightFrontParameters p, string method, SolveOptions o, Action? progress = null)
    {
        var points = new List<ResolutionPoint>();
        var ext = new Dictionary<string, ExtrapolationResult>(StringComparer.Ordinal);
        if (method == "dlcq")
        {
            foreach (int nk in o.Resolutions) { points.Add(SolveDlcq(p, nk, o.PMax, o.States)); progress?.Invoke(); }
            var h = points.Select(q => q.Delta).ToArray();
            foreach (var (name, _, get) in ObservableSet.Rows)
            {
                var e = points.Select(q => get(q.Observables)).ToArray();
                ext[name] = name != "lambda_B (grid)" ? PowerLawExtrapolation.Fit(h, e)
                    : new ExtrapolationResult(e[^1], e.Length > 1 ? Math.Abs(e[^1] - e[^2]) : double.NaN, double.NaN, "finest grid (not extrapolated; diverges when psi0(0) != 0)");
            }
        }
        else if (method == "galerkin")
        {
            int fine = o.Resolutions[^1];
            var basis = new List<ResolutionPoint>();
            foreach (var size in o.GalerkinSizes) { basis.Add(SolveGalerkin(p, fine, o.PMax, size)); progress?.Invoke(); }
            var grids = new List<ResolutionPoint>();
            foreach (int nk in o.Resolutions[..^1]) { grids.Add(SolveGalerkin(p, nk, o.PMax, o.GalerkinSizes[^1])); progress?.Invoke(); }
            grids.Add(basis[^1]);
            points.AddRange(basis);
            points.AddRange(grids[..^1]);
            var h = grids.Select(q => q.Delta).ToArray();
            foreach (var (name, _, get) in ObservableSet.Rows)
            {
                double change = basis.Count > 1 ? Math.Abs(get(basis[^1].Observables) - get(basis[^2].Observables)) : 0;
                var e = grids.Select(q => get(q.Observables)).ToArray();
                if (name == "lambda_B (grid)")
                {
                    ext[name] = new ExtrapolationResult(e[^1], change, double.NaN, "largest basis on the finest grid (not extrapolated)");
                    continue;
                }
                var f = PowerLawExtrapolation.Fit(h, e);
                ext[name] = f with { Uncertainty = f.Uncertainty + change, Fit = f.Fit + $" at N_b={basis[^1].BasisSize}; + basis change {change:G3}" };
            }
        }
        else throw new ArgumentException($"unknown method '{method}' (dlcq or galerkin)");
        if (method == "galerkin" && o.ContinuumThreeHalves)
        {
            // The j = 3/2 operator has no hops, so its continuum Galerkin (independent of the grid) replaces the projection.
            var c = p.Scaled();
            double prev = double.NaN, last = double.NaN;
            foreach (int n in new[] { 7, 9, 11 })
            {
                prev = last;
                last = 0.5 * new ThreeBodyGalerkin(c.Mu, c.MV, n, n).Values[0] * p.Beta;
            }
            ext["Lambda_bar (j=3/2)"] = new ExtrapolationResult(last, Math.Abs(last - prev), double.NaN, "continuum H3 Galerkin N_b=11x11; uncertainty = change from 9x9");
        }
        return new SolveSummary(p, method, o, points, ext);
    }
}
