using BenchmarkDotNet.Attributes;
using HpcKit.Core.LinearAlgebra;
using HpcKit.LightFront.Basis;
using HpcKit.LightFront.Eigen;
using HpcKit.LightFront.Hamiltonian;
using HpcKit.LightFront.Model;

namespace HpcKit.Benchmarks;

/// <summary>
/// Lowest j_z = ½ states of the femtoworm operator (illustrative hopping set, P_max = 10β): the anchor is LAPACK dsyevr
/// on the assembled dense matrix; against it the sparse Lanczos (block matvec) and the dense Galerkin projection
/// (N_b = 82, dsygvd). dotnet run -c Release --project bench/HpcKit.Benchmarks -- --filter '*LightFront*'
/// </summary>
public class LightFrontBenchmarks
{
    private FemtowormHamiltonian _h = null!;
    private double[] _dense = [];

    [Params(34, 48)]
    public int NK { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var p = new LightFrontParameters("illustrative-hopping", "", 0.5, 0.25, 0.5, 0.25, 2.5, 0.02, 0.02);
        _h = FemtowormHamiltonian.Create(p, NK, 10, Sector.Half);
        _dense = _h.AssembleDense();
    }

    [Benchmark(Baseline = true)]
    public double DenseLapack() => SymmetricEigen.Solve(_dense, _h.Dimension, 3).Values[0];

    [Benchmark]
    public double SparseLanczos() => Lanczos.Lowest(_h.Apply, _h.Dimension, 3, 1e-9).Values[0];

    [Benchmark]
    public double GalerkinProjected() => GalerkinProjection.Solve(_h, 10, 6, 6).Values[0];
}
