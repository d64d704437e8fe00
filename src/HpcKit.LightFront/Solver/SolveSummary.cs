using HpcKit.LightFront.Eigen;
using HpcKit.LightFront.Model;

namespace HpcKit.LightFront.Solver;

/// <summary>Points and extrapolated observables of one run.</summary>
public sealed record SolveSummary(LightFrontParameters Parameters, string Method, SolveOptions Options,
    IReadOnlyList<ResolutionPoint> Points, IReadOnlyDictionary<string, ExtrapolationResult> Extrapolated);
