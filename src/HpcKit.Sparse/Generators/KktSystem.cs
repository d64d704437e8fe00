using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Generators;

/// <summary>One KKT system solved by the generator's interior-point method.</summary>
public sealed record KktSystem(
    int Index,
    int Iteration,
    int Retry,
    double Mu,
    double DeltaW,
    double DeltaC,
    double KktError,
    double ConditionEstimate,
    CscMatrix Lower,
    double[] Rhs,
    double[] Reference,
    double ReferenceResidual)
{
    /// <summary>Set on the last system of the run.</summary>
    public bool Last { get; init; }
}
