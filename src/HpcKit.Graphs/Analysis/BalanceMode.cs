namespace HpcKit.Graphs.Analysis;

/// <summary>How <see cref="LoadBalanceAnalysis"/> measures work.</summary>
public enum BalanceMode
{
    /// <summary>Modelled costs only: O(n), no generation.</summary>
    Predicted,

    /// <summary>One count-only generation; each row's candidates and edges are tallied to its rank under every scheme.</summary>
    Counted,

    /// <summary>Counted, plus each logical rank's share is run alone and timed (three generations in all).</summary>
    Timed,
}
