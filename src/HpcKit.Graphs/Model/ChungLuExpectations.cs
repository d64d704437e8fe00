namespace HpcKit.Graphs.Model;

/// <summary>Exact Poisson-binomial moments of a Chung–Lu instance (spec §2.2), per node in input order.</summary>
public sealed class ChungLuExpectations
{
    internal ChungLuExpectations(double[] mean, double[] variance, double edges, double edgeVariance)
    {
        DegreeMean = mean;
        DegreeVariance = variance;
        EdgeMean = edges;
        EdgeVariance = edgeVariance;
    }

    /// <summary>E[d_u] for each node in input order.</summary>
    public double[] DegreeMean { get; }

    /// <summary>Var[d_u] for each node in input order.</summary>
    public double[] DegreeVariance { get; }

    /// <summary>E[m].</summary>
    public double EdgeMean { get; }

    /// <summary>Var[m].</summary>
    public double EdgeVariance { get; }

    /// <summary>z-score of an observed edge count.</summary>
    public double EdgeZ(long m) => EdgeVariance > 0 ? (m - EdgeMean) / Math.Sqrt(EdgeVariance) : (m == EdgeMean ? 0 : double.PositiveInfinity);
}
