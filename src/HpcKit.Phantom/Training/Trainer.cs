using System.Diagnostics;
using HpcKit.Core.Comm;
using HpcKit.Core.Energy;
using HpcKit.Neural;
using HpcKit.Phantom.Accounting;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Training;

/// <summary>
/// Trains one configuration on the calling rank (spec §8): fp32, Neural's Adam with linear warm-up and its losses,
/// batches from (data seed, step) identical on every rank, validation every EvalEvery steps in its own meter window.
/// Each training window covers EvalEvery steps whose batches were generated beforehand, so window time is step
/// time. Rank 0 owns the meter; work (FLOPs, bytes summed over ranks) is added to each window.
/// </summary>
public static class Trainer
{
    /// <summary>Runs on every rank of <paramref name="comm"/>; <paramref name="onStep"/> is called on rank 0 after each step.</summary>
    public static TrainResult Run(ICommunicator comm, TrainOptions options, Action<int>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(comm);
        ArgumentNullException.ThrowIfNull(options);
        var cfg = options.ShapedNetwork();
        cfg.Validate();
        if (options.Steps < 1) throw new Core.HpcKitUsageException($"steps must be at least 1 (got {options.Steps})");
        if (options.EvalEvery < 1) throw new Core.HpcKitUsageException($"the evaluation interval must be at least 1 (got {options.EvalEvery})");
        var task = new TeacherTask(options.Task, options.DataSeed);
        var net = new RankNetwork<float>(comm, cfg);
        var opt = new Adam<float>(net.Parameters, options.LearningRate);
        ILoss<float> loss = options.Task == TaskKind.Regression ? new MseLoss<float>() : new SoftmaxCrossEntropyLoss<float>();
        int B = cfg.Batch, din = cfg.InputDim, dout = cfg.OutputDim, tw = task.TargetWidth, seg = options.EvalEvery;
        var xs = new float[seg][];
        var ys = new float[seg][];
        for (int i = 0; i < seg; i++)
        {
            xs[i] = new float[B * din];
            ys[i] = new float[B * tw];
        }
        var (vx, vy) = task.Validation<float>(options.ValidationSize);
        IEnergyMeter? meter = comm.Rank == 0 ? EnergyMeters.Open(options.Energy) : null;

        var trace = new List<Evaluation>();
        var stepLosses = new List<double>();
        var stepTimes = new List<double>();
        StepCounts? counted = null;
        long flopsAll = 0, bytesAll = 0;
        double seconds = 0, joules = 0, evalJoules = 0, cumFlops = 0, cumBytes = 0;
        int step = 0;
        bool stop = false;
        while (step < options.Steps && !stop)
        {
            int steps = Math.Min(seg, options.Steps - step);
            for (int i = 0; i < steps; i++)
                task.Batch<float>(step + i, B, xs[i], ys[i]);
            var window = meter?.Begin("train");
            for (int i = 0; i < steps; i++, step++)
            {
                long f0 = net.Flops.Gemm, s0 = comm.Stats.BytesSent, r0 = comm.Stats.BytesReceived, c0 = comm.Stats.Calls;
                long t0 = Stopwatch.GetTimestamp();
                opt.ZeroGradients();
                opt.LearningRate = options.LearningRateAt(step);
                var o = net.Forward(xs[i], B);
                double l = loss.Forward(new Tensor<float>(o, B, dout), new Tensor<float>(ys[i], B, tw));
                net.Backward(loss.Backward().Storage, B);
                opt.Step();
                double dt = Stopwatch.GetElapsedTime(t0).TotalSeconds;
                stepTimes.Add(dt);
                seconds += dt;
                stepLosses.Add(l);
                if (counted == null)
                {
                    counted = new StepCounts
                    {
                        GemmFlops = net.Flops.Gemm - f0,
                        WordsSent = (comm.Stats.BytesSent - s0) / sizeof(float),
                        WordsReceived = (comm.Stats.BytesReceived - r0) / sizeof(float),
                        Collectives = comm.Stats.Calls - c0,
                        HiddenWeightsPerLayer = net.HiddenWeightsPerLayer(),
                        HiddenKeptActivationsPerLayer = net.HiddenKeptActivationsPerLayer(B),
                    };
                    Span<long> sums = [counted.GemmFlops, counted.WordsSent * sizeof(float)];
                    comm.AllReduce(sums, ReduceOp.Sum);
                    flopsAll = sums[0];
                    bytesAll = sums[1];
                }
                cumFlops += flopsAll;
                cumBytes += bytesAll;
                onStep?.Invoke(step + 1);
            }
            if (window != null)
            {
                window.AddWork((double)flopsAll * steps, (double)bytesAll * steps);
                var m = window.Stop();
                joules += m.Joules;
            }
            var evalWindow = meter?.Begin("eval");
            var (vl, acc, evalFlops) = Evaluate(net, loss, vx, vy, options.ValidationSize, tw);
            if (evalWindow != null)
            {
                evalWindow.AddWork(evalFlops * cfg.Ranks, 0);
                evalJoules += evalWindow.Stop().Joules;
            }
            trace.Add(new Evaluation(step, vl, acc, stepLosses[^1], seconds, joules, cumFlops, cumBytes));
            if (options.StopAtTarget && options.TargetLoss is double tgt && StoppingRule.IndexOfTarget(trace.Select(e => e.ValidationLoss).ToList(), tgt) >= 0)
                stop = true;
        }
        Evaluation? atTarget = null;
        if (options.TargetLoss is double target)
        {
            int idx = StoppingRule.IndexOfTarget(trace.Select(e => e.ValidationLoss).ToList(), target);
            if (idx >= 0) atTarget = trace[idx];
        }
        long localParams = net.Parameters.Sum(q => (long)q.Length);
        long allParams = comm.AllReduce(localParams, ReduceOp.Sum);
        var sorted = stepTimes.Skip(stepTimes.Count > 1 ? 1 : 0).Order().ToArray();
        return new TrainResult
        {
            Network = cfg,
            Task = options.Task,
            DataSeed = options.DataSeed,
            Transport = comm.Transport,
            Trace = trace,
            StepLosses = [.. stepLosses],
            StepsRun = step,
            Counted = counted!,
            ClosedForm = Accounting.ClosedForm.For(cfg, comm.Rank),
            MedianStepSeconds = sorted[sorted.Length / 2],
            TrainSeconds = seconds,
            FlopsPerStepAllRanks = flopsAll,
            BytesPerStepAllRanks = bytesAll,
            TrainJoules = joules,
            EvalJoules = evalJoules,
            EnergySource = meter?.Source ?? "",
            EnergyMeasured = meter?.IsMeasured ?? false,
            ReduceScatterEmulated = net.ReduceScatterEmulated,
            TargetLoss = options.TargetLoss,
            AtTarget = atTarget,
            ParametersAllRanks = allParams,
        };
    }

    /// <summary>Validation loss (row-weighted over chunks of B), accuracy (classification) and this rank's eval FLOPs.</summary>
    private static (double Loss, double? Accuracy, double Flops) Evaluate(RankNetwork<float> net, ILoss<float> loss, float[] vx, float[] vy, int count, int tw)
    {
        int B = net.Capacity, din = net.Config.InputDim, dout = net.Config.OutputDim;
        long f0 = net.Flops.Gemm;
        double sum = 0;
        long correct = 0;
        var xb = new float[B * din];
        var yb = new float[B * tw];
        for (int start = 0; start < count; start += B)
        {
            int rows = Math.Min(B, count - start);
            vx.AsSpan(start * din, rows * din).CopyTo(xb);
            vy.AsSpan(start * tw, rows * tw).CopyTo(yb);
            var o = net.Forward(xb, rows);
            sum += rows * loss.Forward(new Tensor<float>(o, rows, dout), new Tensor<float>(yb, rows, tw));
            if (loss is SoftmaxCrossEntropyLoss<float> ce) correct += ce.Correct;
        }
        return (sum / count, loss is SoftmaxCrossEntropyLoss<float> ? (double)correct / count : null, net.Flops.Gemm - f0);
    }
}
