using HpcKit.Diffraction.ActiveLearning;

namespace HpcKit.Diffraction.Tests.ActiveLearning;

/// <summary>A lattice simulator with a deterministic per-point delay pattern (ms) and an optional fault.</summary>
internal sealed class SlowSimulator(int width, Func<int, int> delayMs, int failAt = -1) : IPatternSimulator
{
    private readonly LatticePeakSimulator _inner = new(width);
    private int _calls;

    public int Width => width;

    public int Calls => Volatile.Read(ref _calls);

    public void Simulate(in CellPoint point, Span<float> destination)
    {
        int k = Interlocked.Increment(ref _calls) - 1;
        if (k == failAt) throw new InvalidOperationException("injected simulator fault");
        int d = delayMs(k);
        if (d > 0) Thread.Sleep(d);
        _inner.Simulate(point, destination);
    }
}

/// <summary>
/// A model that learns nothing but records what it was trained on; its predictions depend on the training data
/// (a hash of every training pattern's id and point) so batch selection reveals what each phase saw.
/// </summary>
internal sealed class RecordingModel : IStructureModel
{
    public List<(int Phase, int Count, long IdSum, double Hash)> Phases { get; } = [];

    private double _hash;

    public string Description => "recording fake";

    public int TrainDelayMs { get; init; }

    public PhaseTraining TrainPhase(PatternSet train, PatternSet validation, int epochs, ulong seed, int phase, int threads, CancellationToken cancel = default)
    {
        long ids = 0;
        double h = _hash;
        for (int i = 0; i < train.Count; i++)
        {
            ids += train.Id(i);
            var p = train.Point(i);
            h = (h * 1.000001 + p.A * 3.1 + p.C * 1.7 + p.Alpha * 0.013 + i) % 1e6;
        }
        _hash = h;
        Phases.Add((phase, train.Count, ids, h));
        if (TrainDelayMs > 0) Thread.Sleep(TrainDelayMs);
        return new PhaseTraining(phase, train.Count, epochs, 1, 0, 0, Phases.Count, 0, 0);
    }

    public void Predict(PatternSet patterns, Span<Prediction> output, int threads)
    {
        for (int i = 0; i < patterns.Count; i++)
        {
            var p = patterns.Pattern(i);
            double s = Math.Sin(_hash + p[i % p.Length] * 7 + i * 0.37);
            output[i] = new Prediction((float)s, 0, (float)-s, 0.5f, 0.5f, 0.6f, (float)s);
        }
    }

    public IStructureModel Clone() => new RecordingModel { TrainDelayMs = TrainDelayMs };

    public void Save(string path) => throw new NotSupportedException();
}
