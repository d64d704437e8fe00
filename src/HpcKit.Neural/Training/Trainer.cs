using System.Numerics;
using HpcKit.Core.Comm;

namespace HpcKit.Neural;

/// <summary>
/// The training loop: one step = zero gradients → forward → loss → backward → (all-reduce over ranks) → clip →
/// schedule → optimizer step. With a communicator, every rank is given the same global batch and trains on its
/// block of rows (<see cref="DataParallel{T}.Shard"/>); the all-reduced gradient equals the single-rank gradient
/// of the whole batch. <see cref="Fit"/> adds seeded shuffling, per-epoch validation and best-validation
/// checkpointing (parameters and optimizer state restored at the end).
/// </summary>
public sealed class Trainer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _bx = new(0), _by = new(0), _sx = new(0), _sy = new(0), _mx = new(0), _my = new(0);
    private readonly DataParallel<T>? _dp;

    /// <summary>A trainer; pass <paramref name="communicator"/> for data parallelism.</summary>
    public Trainer(ILayer<T> model, ILoss<T> loss, Optimizer<T> optimizer, ICommunicator? communicator = null)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Loss = loss ?? throw new ArgumentNullException(nameof(loss));
        Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        if (communicator != null && communicator.Size > 1) _dp = new DataParallel<T>(communicator, optimizer.Parameters);
    }

    /// <summary>The model.</summary>
    public ILayer<T> Model { get; }

    /// <summary>The loss.</summary>
    public ILoss<T> Loss { get; }

    /// <summary>The optimizer.</summary>
    public Optimizer<T> Optimizer { get; }

    /// <summary>The data-parallel helper, or null on one rank.</summary>
    public DataParallel<T>? DataParallel => _dp;

    /// <summary>Global gradient-norm bound (0 = no clipping).</summary>
    public double ClipNorm { get; set; }

    /// <summary>Learning-rate schedule applied before every step with <see cref="ScheduleStep"/> (null = fixed).</summary>
    public LearningRateSchedule? Schedule { get; set; }

    /// <summary>The schedule's counter: steps since it was last reset (set to 0 to restart a phase).</summary>
    public long ScheduleStep { get; set; }

    /// <summary>
    /// Micro-shards per (per-rank) batch, processed one after another on this replica with their gradients
    /// accumulated in shard order (weights n_s/N): the same result for any shard count up to rounding, and a bound
    /// on activation memory. Default 1.
    /// </summary>
    public int MicroShards { get; set; } = 1;

    /// <summary>Gradient norm before clipping at the last step.</summary>
    public double LastGradientNorm { get; private set; }

    /// <summary>One step on batch (x, y); returns the batch's mean loss (over all ranks).</summary>
    public double TrainStep(Tensor<T> x, Tensor<T> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Rows) throw new ArgumentException($"batch has {x.Rows} inputs but {y.Rows} targets");
        Model.Training = true;
        Optimizer.ZeroGradients();
        double loss;
        if (_dp == null)
        {
            loss = ForwardBackward(x, y);
        }
        else
        {
            var (start, count) = _dp.Shard(x.Rows);
            double local = 0;
            if (count > 0)
            {
                _sx.CopyRows(x, start, count);
                _sy.CopyRows(y, start, count);
                local = ForwardBackward(_sx, _sy);
            }
            _dp.AllReduceGradients(count, x.Rows);
            loss = _dp.AllReduceMean(local, count, x.Rows);
        }
        LastGradientNorm = ClipNorm > 0
            ? GradientClipping.ClipGlobalNorm(Optimizer.Parameters, ClipNorm)
            : double.NaN;
        Schedule?.Apply(Optimizer, ScheduleStep);
        ScheduleStep++;
        Optimizer.Step();
        return loss;
    }

    private double ForwardBackward(Tensor<T> x, Tensor<T> y)
    {
        int shards = Math.Clamp(MicroShards, 1, Math.Max(1, x.Rows));
        if (shards == 1)
        {
            double l = Loss.Forward(Model.Forward(x), y);
            Model.Backward(Loss.Backward());
            return l;
        }
        double total = 0;
        for (int s = 0; s < shards; s++)
        {
            var r = BlockRange.Of(x.Rows, shards, s);
            _mx.CopyRows(x, (int)r.Start, (int)r.Count);
            _my.CopyRows(y, (int)r.Start, (int)r.Count);
            double w = (double)r.Count / x.Rows;
            total += w * Loss.Forward(Model.Forward(_mx), _my);
            var g = Loss.Backward();
            System.Numerics.Tensors.TensorPrimitives.Multiply(g.Span, T.CreateTruncating(w), g.Span);
            Model.Backward(g);
        }
        return total;
    }

    /// <summary>Mean loss over all rows of (x, y) in evaluation mode, in batches of <paramref name="batchSize"/>.</summary>
    public double Evaluate(Tensor<T> x, Tensor<T> y, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Rows) throw new ArgumentException($"{x.Rows} inputs but {y.Rows} targets");
        int start = 0, count = x.Rows;
        if (_dp != null) (start, count) = _dp.Shard(x.Rows);
        Model.Training = false;
        double sum = 0;
        for (int b = start; b < start + count; b += batchSize)
        {
            int n = Math.Min(batchSize, start + count - b);
            _bx.CopyRows(x, b, n);
            _by.CopyRows(y, b, n);
            sum += Loss.Forward(Model.Forward(_bx), _by) * n;
        }
        Model.Training = true;
        if (_dp != null) sum = _dp.Communicator.AllReduce(sum, ReduceOp.Sum);
        return sum / Math.Max(1, x.Rows);
    }

    /// <summary>
    /// Trains for <paramref name="epochs"/> epochs on (trainX, trainY) with batches from <paramref name="sampler"/>;
    /// after each epoch evaluates (valX, valY) when given and keeps the best checkpoint, restored at the end.
    /// </summary>
    public FitResult Fit(Tensor<T> trainX, Tensor<T> trainY, MiniBatchSampler sampler, int epochs,
        Tensor<T>? valX = null, Tensor<T>? valY = null, Action<int, double, double>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(trainX);
        ArgumentNullException.ThrowIfNull(trainY);
        ArgumentNullException.ThrowIfNull(sampler);
        if (sampler.Count != trainX.Rows) throw new ArgumentException($"sampler covers {sampler.Count} samples, training set has {trainX.Rows}");
        var trainLoss = new double[epochs];
        var valLoss = new double[epochs];
        var best = new Checkpoint<T>();
        int bestEpoch = -1;
        for (int e = 0; e < epochs; e++)
        {
            sampler.StartEpoch(e);
            double sum = 0;
            int rows = 0;
            for (int b = 0; b < sampler.BatchCount; b++)
            {
                var idx = sampler.Batch(b);
                _bx.GatherRows(trainX, idx);
                _by.GatherRows(trainY, idx);
                sum += TrainStep(_bx, _by) * idx.Length;
                rows += idx.Length;
            }
            trainLoss[e] = sum / Math.Max(1, rows);
            valLoss[e] = double.NaN;
            if (valX != null && valY != null)
            {
                valLoss[e] = Evaluate(valX, valY);
                if (valLoss[e] < best.Score)
                {
                    best.Capture(Optimizer.Parameters, Optimizer);
                    best.Score = valLoss[e];
                    bestEpoch = e;
                }
            }
            onEpoch?.Invoke(e, trainLoss[e], valLoss[e]);
        }
        if (!best.IsEmpty) best.Restore(Optimizer.Parameters, Optimizer);
        return new FitResult(trainLoss, valLoss, bestEpoch, best.Score);
    }
}
