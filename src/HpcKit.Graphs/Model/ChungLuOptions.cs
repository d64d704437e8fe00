namespace HpcKit.Graphs.Model;

/// <summary>Options of a Chung–Lu instance: seed, self-loops, clamping, pair orientation and diagnostics.</summary>
public sealed record ChungLuOptions
{
    /// <summary>The random seed: Philox key of every row stream.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Include {u, u} with p_uu = min(1, w_u²/S); a loop adds 2 to the degree of u and 1 to m.</summary>
    public bool AllowSelfLoops { get; init; }

    /// <summary>Clamping policy (default: clamp and warn once).</summary>
    public ClampPolicy Clamp { get; init; } = ClampPolicy.ClampAndWarn;

    /// <summary>Write pairs min-first instead of (row node, column node).</summary>
    public bool Canonical { get; init; }

    /// <summary>Receives warnings (one clamping warning per run, granularity warnings).</summary>
    public Action<string>? Diagnostics { get; init; }

    /// <summary>Per-row constant a of the cost model c_u = a + b·m_u (spec §4.2).</summary>
    public double CostA { get; init; } = 1.0;

    /// <summary>Per-candidate factor b of the cost model.</summary>
    public double CostB { get; init; } = 1.0;
}
