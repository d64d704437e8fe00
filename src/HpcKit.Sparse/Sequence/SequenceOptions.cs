using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Ordering;
using HpcKit.Sparse.Solvers;

namespace HpcKit.Sparse.Sequence;

/// <summary>Settings of the sequence solver facade (defaults from spec §3.1 and §3.9; thresholds are project choices).</summary>
public sealed record SequenceOptions
{
    public OrderingKind Ordering { get; init; } = OrderingKind.Colamd;

    public int[]? UserOrder { get; init; }

    public LuOptions Lu { get; init; } = new();

    public FgmresOptions Fgmres { get; init; } = new();

    /// <summary>Systems factorized in full at the start (the first matrix of a run is atypical).</summary>
    public int InitialFull { get; init; } = 2;

    /// <summary>Refactorize every j-th system; in between the previous factors precondition FGMRES (stale reuse).</summary>
    public int RefactorEvery { get; init; } = 1;

    public int StaleMaxIterations { get; init; } = 200;

    /// <summary>Refine with FGMRES (false: refactor + triangular solve only).</summary>
    public bool Refine { get; init; } = true;

    /// <summary>Maximum boosts before a fallback; null means max(1, ⌊n/1000⌋).</summary>
    public int? MaxBoosts { get; init; }

    public double MinPivotGrowth { get; init; } = 1.4901161193847656e-8;

    /// <summary>
    /// Fallback when the cheap rcond falls below this fraction of its value at the last full factorization (0: off).
    /// Tuned on the generated sequences (docs/sparse.md): the spec's starting value 1e-3 fired on the natural
    /// ill-conditioning of late interior-point systems (6 fallbacks in 24 systems at 2,000 buses) without improving
    /// residual, NSR or forward error; 1e-6 halves the fallbacks and keeps those figures.
    /// </summary>
    public double RcondDrop { get; init; } = 1e-6;

    /// <summary>Absolute cheap-rcond floor (0 = off; KLU users often take eps^(2/3)).</summary>
    public double RcondFloor { get; init; }

    /// <summary>Relative residual above which the refined solution triggers a fallback.</summary>
    public double FallbackResidual { get; init; } = 1e-7;

    /// <summary>Test hook: called after every refactorization with the factors (e.g. to plant a NaN).</summary>
    public Action<LuFactors>? AfterRefactorHook { get; init; }
}
