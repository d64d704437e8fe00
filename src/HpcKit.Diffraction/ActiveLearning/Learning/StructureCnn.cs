using HpcKit.Core;
using HpcKit.Core.Random;
using HpcKit.Neural;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// The multitask 1-D CNN of spec §4 on HpcKit.Neural: Conv1d k3 s1 → LeakyReLU(0.1) → MaxPool 2 → Conv1d k4 s2 →
/// LeakyReLU(0.1) → MaxPool 2 → Linear → LeakyReLU(0.1) → one Linear with 7 outputs = the 3-logit
/// classification head and the (a′, c′, α′, s) regression head (two heads on one hidden layer, concatenated).
/// Loss: softmax CE + Σ(y − ŷ)²e^{−s} + s per sample (no ½), mean over the batch. Adam, step schedule restarted
/// each phase, clipping, best-validation checkpoint (weights + Adam state) restored at the end of each phase;
/// the next phase warm-starts from it. Data parallel over fixed micro-shards.
/// </summary>
public sealed class StructureCnn : IStructureModel
{
    private const int Outputs = 7;
    private readonly Sequential<float>[] _nets; // [0] is the master; the rest are shard replicas
    private readonly MultiHeadLoss<float>[] _losses;
    private readonly GaussianNllLoss<float>[] _nll;
    private readonly Adam<float> _adam;
    private readonly LambdaSchedule _schedule;
    private readonly Checkpoint<float> _best = new();

    /// <summary>A freshly initialised network (PyTorch default init from stream (seed, ModelInit)).</summary>
    public StructureCnn(int width, CnnSize size, CnnTrainingOptions options, ulong seed)
    {
        if (width < 16) throw new ArgumentOutOfRangeException(nameof(width), width, "pattern too short for the CNN");
        Width = width;
        Size = size;
        Options = options;
        int shards = Math.Max(1, options.MicroShards);
        _nets = new Sequential<float>[shards];
        _losses = new MultiHeadLoss<float>[shards];
        _nll = new GaussianNllLoss<float>[shards];
        for (int s = 0; s < shards; s++)
        {
            var rng = new RandomStream(seed, StreamIds.ModelInit); // identical init in every replica
            _nets[s] = Build(width, size, ref rng);
            _nets[s].InputGradientRequired = false;
            _nll[s] = GaussianNllLoss<float>.SharedLogVariance(3, options.LogVarianceClamp);
            _losses[s] = new MultiHeadLoss<float>().Add(new SoftmaxCrossEntropyLoss<float>(), 0, 3, 0, 1).Add(_nll[s], 3, 4, 1, 3);
        }
        _adam = new Adam<float>(_nets[0].Parameters, options.LearningRate, 0.9, 0.999, 1e-8);
        _schedule = new LambdaSchedule(options.LearningRate, CnnTrainingOptions.Multiplier);
    }

    /// <summary>Bins per input pattern.</summary>
    public int Width { get; }

    /// <summary>Channel and dense widths.</summary>
    public CnnSize Size { get; }

    /// <summary>Training settings.</summary>
    public CnnTrainingOptions Options { get; }

    /// <summary>Trainable parameters.</summary>
    public long ParameterCount => _nets[0].ParameterCount;

    /// <summary>Adam steps taken so far (continues across phases).</summary>
    public long OptimizerSteps => _adam.StepCount;

    /// <summary>The master network (for checkpoints and inspection).</summary>
    public Sequential<float> Network => _nets[0];

    /// <summary>The optimizer.</summary>
    public Adam<float> Optimizer => _adam;

    public string Description => $"CNN {Size.Name} ({Size.Conv1Channels}/{Size.Conv2Channels} ch, dense {Size.Hidden}; {ParameterCount:N0} parameters)";

    private static Sequential<float> Build(int width, CnnSize size, ref RandomStream rng) => new(
        new Conv1d<float>(1, size.Conv1Channels, 3, ref rng, stride: 1),
        new LeakyReLU<float>(0.1),
        new MaxPool1d<float>(2, 2),
        new Conv1d<float>(size.Conv1Channels, size.Conv2Channels, 4, ref rng, stride: 2),
        new LeakyReLU<float>(0.1),
        new MaxPool1d<float>(2, 2),
        new Flatten<float>(),
        new Linear<float>(size.Conv2Channels * CnnSize.FeatureLength(width), size.Hidden, ref rng),
        new LeakyReLU<float>(0.1),
        new Linear<float>(size.Hidden, Outputs, ref rng));

    /// <inheritdoc/>
    public PhaseTraining TrainPhase(PatternSet train, PatternSet validation, int epochs, ulong seed, int phase, int threads, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        if (train.Width != Width || validation.Width != Width) throw new ArgumentException($"patterns must have {Width} bins");
        if (train.Count == 0 || validation.Count == 0) throw new ArgumentException("empty training or validation set");
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        threads = Math.Max(1, threads);
        using var blas = SingleThreadedBlas.Enter();
        long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        long clamp0 = ClampHits;
        int batch = Math.Min(Options.MiniBatch, train.Count);
        int batches = train.Count / batch; // drop the last partial batch, as published
        var order = new int[train.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var rng = new RandomStream(seed, StreamIds.Shuffle(phase));
        _schedule.Apply(_adam, 0); // the schedule restarts each phase
        long phaseStep = 0;
        double startLoss = ValidationLoss(validation, threads);
        double best = double.PositiveInfinity;
        int bestEpoch = -1;
        bool captured = false;
        for (int e = 0; e < epochs; e++)
        {
            cancel.ThrowIfCancellationRequested();
            rng.Shuffle(order.AsSpan());
            for (int b = 0; b < batches; b++)
            {
                phaseStep++;
                Step(train, order.AsSpan(b * batch, batch), threads);
                _schedule.Apply(_adam, phaseStep);
                _adam.Step();
                SyncReplicas();
            }
            double v = ValidationLoss(validation, threads);
            if (v < best || !captured)
            {
                best = v;
                bestEpoch = e;
                _best.Capture(_nets[0].Parameters, _adam);
                captured = true;
            }
        }
        Restore(_best);
        return new PhaseTraining(phase, train.Count, epochs, bestEpoch + 1, best, startLoss, _adam.StepCount, ClampHits - clamp0,
            System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalSeconds);
    }

    private long ClampHits => _nll.Sum(l => l.ClampHits);

    private void Step(PatternSet set, ReadOnlySpan<int> indices, int threads)
    {
        int n = indices.Length, shards = Math.Min(_nets.Length, n);
        var idx = indices.ToArray();
        RunShards(shards, threads, s =>
        {
            var range = HpcKit.Core.Comm.BlockRange.Of(n, shards, s);
            int lo = (int)range.Start, count = (int)range.Count;
            var net = _nets[s];
            net.Training = true;
            net.ZeroGradients();
            var (x, t) = Gather(set, idx.AsSpan(lo, count));
            var y = net.Forward(x);
            _losses[s].Forward(y, t);
            var dy = _losses[s].Backward();
            float w = (float)count / n; // shard mean → batch mean
            System.Numerics.Tensors.TensorPrimitives.Multiply(dy.Span, w, dy.Span);
            net.Backward(dy);
        });
        var master = _nets[0].Parameters;
        for (int s = 1; s < shards; s++)
        {
            var rep = _nets[s].Parameters;
            for (int p = 0; p < master.Count; p++)
                System.Numerics.Tensors.TensorPrimitives.Add(master[p].Gradient.Span, rep[p].Gradient.Span, master[p].Gradient.Span);
        }
        GradientClipping.ClipGlobalNorm(master, Options.ClipNorm);
    }

    private static void RunShards(int shards, int threads, Action<int> body)
    {
        if (threads <= 1 || shards == 1)
        {
            for (int s = 0; s < shards; s++) body(s);
            return;
        }
        Parallel.For(0, Math.Min(threads, shards), new ParallelOptions { MaxDegreeOfParallelism = threads }, w =>
        {
            for (int s = w; s < shards; s += Math.Min(threads, shards)) body(s);
        });
    }

    /// <summary>Copies the master's weights into every shard replica.</summary>
    internal void SyncReplicas()
    {
        var master = _nets[0].Parameters;
        for (int s = 1; s < _nets.Length; s++)
        {
            var rep = _nets[s].Parameters;
            for (int p = 0; p < master.Count; p++) master[p].Value.Span.CopyTo(rep[p].Value.Span);
        }
    }

    /// <summary>Copies patterns (min–max scaled) and targets [class, a′, c′, α′] into new tensors.</summary>
    private (Tensor<float> X, Tensor<float> T) Gather(PatternSet set, ReadOnlySpan<int> indices)
    {
        int n = indices.Length;
        var x = new Tensor<float>(n, 1, Width);
        var t = new Tensor<float>(n, 4);
        Span<float> y = stackalloc float[3];
        for (int i = 0; i < n; i++)
        {
            int j = indices[i];
            MinMaxScale(set.Pattern(j), x.Span.Slice(i * Width, Width), j);
            var p = set.Point(j);
            p.Targets(y);
            t[i * 4] = (int)p.Class;
            t[i * 4 + 1] = y[0];
            t[i * 4 + 2] = y[1];
            t[i * 4 + 3] = y[2];
        }
        return (x, t);
    }

    /// <summary>x′ = (x − min)/(max − min); a constant or non-finite pattern is a data error.</summary>
    public static void MinMaxScale(ReadOnlySpan<float> pattern, Span<float> destination, int index = 0)
    {
        float lo = System.Numerics.Tensors.TensorPrimitives.Min(pattern), hi = System.Numerics.Tensors.TensorPrimitives.Max(pattern);
        if (!float.IsFinite(lo) || !float.IsFinite(hi)) throw new HpcKitDataException($"pattern {index} contains a non-finite value");
        if (!(hi > lo)) throw new HpcKitDataException($"pattern {index} is constant ({lo}); it cannot be min-max scaled");
        float inv = 1f / (hi - lo);
        for (int i = 0; i < pattern.Length; i++) destination[i] = (pattern[i] - lo) * inv;
    }

    private const int EvalChunk = 64;

    /// <summary>Mean L_reg + L_cls over every validation sample (no dropped batch).</summary>
    public double ValidationLoss(PatternSet set, int threads)
    {
        using var blas = SingleThreadedBlas.Enter(); // results must not depend on the caller's BLAS thread count
        int chunks = (set.Count + EvalChunk - 1) / EvalChunk;
        var sums = new double[chunks];
        ForChunks(set, threads, (net, s, c, lo, count) =>
        {
            var (x, t) = Gather(set, Range(lo, count));
            sums[c] = _losses[s].Forward(net.Forward(x), t) * count;
        });
        return sums.Sum() / set.Count;
    }

    /// <inheritdoc/>
    public void Predict(PatternSet patterns, Span<Prediction> output, int threads)
    {
        if (patterns.Width != Width) throw new HpcKitDataException($"patterns have {patterns.Width} bins but the model expects {Width}");
        if (output.Length != patterns.Count) throw new ArgumentException("one output per pattern expected", nameof(output));
        using var blas = SingleThreadedBlas.Enter();
        var result = new Prediction[patterns.Count];
        ForChunks(patterns, Math.Max(1, threads), (net, s, c, lo, count) =>
        {
            var x = new Tensor<float>(count, 1, Width);
            for (int i = 0; i < count; i++) MinMaxScale(patterns.Pattern(lo + i), x.Span.Slice(i * Width, Width), lo + i);
            var y = net.Forward(x);
            for (int i = 0; i < count; i++)
            {
                var r = y.Row(i);
                result[lo + i] = new Prediction(r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
            }
        });
        result.CopyTo(output);
    }

    private static int[] Range(int lo, int count)
    {
        var r = new int[count];
        for (int i = 0; i < count; i++) r[i] = lo + i;
        return r;
    }

    private void ForChunks(PatternSet set, int threads, Action<Sequential<float>, int, int, int, int> body)
    {
        int chunks = (set.Count + EvalChunk - 1) / EvalChunk;
        int workers = Math.Max(1, Math.Min(Math.Min(threads, _nets.Length), chunks));
        void Work(int w)
        {
            var net = _nets[w];
            net.Training = false;
            for (int c = w; c < chunks; c += workers)
            {
                int lo = c * EvalChunk, count = Math.Min(EvalChunk, set.Count - lo);
                body(net, w, c, lo, count);
            }
        }
        if (workers == 1) Work(0);
        else Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, Work);
    }

    /// <summary>A copy of weights, Adam moments and step count (HpcKit.Neural's <see cref="Checkpoint{T}"/>).</summary>
    public Checkpoint<float> Snapshot()
    {
        var c = new Checkpoint<float>();
        c.Capture(_nets[0].Parameters, _adam);
        return c;
    }

    /// <summary>Restores a <see cref="Snapshot"/> (weights, Adam moments, step count) into the master and every replica.</summary>
    public void Restore(Checkpoint<float> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Restore(_nets[0].Parameters, _adam);
        SyncReplicas();
    }

    /// <inheritdoc/>
    public IStructureModel Clone()
    {
        var c = new StructureCnn(Width, Size, Options, 0);
        c.Restore(Snapshot());
        return c;
    }

    /// <inheritdoc/>
    public void Save(string path) => CnnCheckpoint.Save(path, this);
}
