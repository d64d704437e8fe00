using BenchmarkDotNet.Attributes;
using HpcKit.Core.LinearAlgebra;

namespace HpcKit.Benchmarks;

/// <summary>SGEMM/DGEMM, native OpenBLAS (the anchor) against the managed kernels, n×n×n, one thread.</summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private double[] _a = [], _b = [], _c = [];

    [Params(256, 1024)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _a = new double[N * N];
        _b = new double[N * N];
        _c = new double[N * N];
        var r = new HpcKit.Core.Random.RandomStream(1, 2);
        for (int i = 0; i < _a.Length; i++) { _a[i] = r.NextDouble(); _b[i] = r.NextDouble(); }
        Blas.Managed.Threads = 1;
        if (Blas.Native != null) Blas.Native.Threads = 1;
    }

    [Benchmark(Baseline = true)]
    public void OpenBlas() => (Blas.Native ?? (IBlasProvider)Blas.Managed).Dgemm(Transpose.No, Transpose.No, N, N, N, 1, _a, N, _b, N, 0, _c, N);

    [Benchmark]
    public void Managed() => Blas.Managed.Dgemm(Transpose.No, Transpose.No, N, N, N, 1, _a, N, _b, N, 0, _c, N);
}
