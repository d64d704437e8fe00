using BenchmarkDotNet.Attributes;
using HpcKit.Core.Comm;
using HpcKit.Phantom.Model;

namespace HpcKit.Benchmarks;

/// <summary>
/// One training step's forward + backward of a whole rank network on p = 2 thread ranks: TP (the anchor, Baseline)
/// against PP at the same width. Ratios, not absolute times, are the result (the host is shared).
/// dotnet run -c Release --project bench/HpcKit.Benchmarks -- --filter '*Phantom*'
/// </summary>
[MemoryDiagnoser]
public class PhantomBenchmarks
{
    private float[] _x = [];
    private float[] _dy = [];

    [Params(1024, 2048)]
    public int Width { get; set; }

    [Params(8, 32)]
    public int Ghosts { get; set; }

    private const int Batch = 256;

    [GlobalSetup]
    public void Setup()
    {
        _x = new float[Batch * 64];
        _dy = new float[Batch * 4];
        var rng = new HpcKit.Core.Random.RandomStream(1, 0);
        for (int i = 0; i < _x.Length; i++) _x[i] = (float)rng.NextNormal();
        for (int i = 0; i < _dy.Length; i++) _dy[i] = (float)rng.NextNormal() * 1e-3f;
        HpcKit.Core.LinearAlgebra.Blas.SetThreads(1);
    }

    private void Step(ParallelMode mode)
    {
        var cfg = new NetworkConfig { Mode = mode, Width = Width, Ranks = 2, Ghosts = Ghosts, Layers = 2, Batch = Batch };
        Ranks.Run(2, comm =>
        {
            var net = new RankNetwork<float>(comm, cfg);
            for (int i = 0; i < 3; i++)
            {
                net.Forward(_x, Batch);
                net.Backward(_dy, Batch);
            }
        }, RankTransport.Threads);
    }

    [Benchmark(Baseline = true)]
    public void TensorParallel() => Step(ParallelMode.Tensor);

    [Benchmark]
    public void Phantom() => Step(ParallelMode.Phantom);
}
