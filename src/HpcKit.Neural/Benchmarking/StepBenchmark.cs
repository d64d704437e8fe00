using System.Diagnostics;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Core.Random;

namespace HpcKit.Neural;

/// <summary>
/// Times training steps (zero gradients, forward, loss, backward, [clip], Adam) of <see cref="ReferenceModels"/> at
/// a given BLAS thread count, and the BLAS SGEMM peak on square matrices for comparison. The models and step match
/// scripts/fixtures/neural/torch_step_bench.py, which times the same step in PyTorch.
/// </summary>
public static class StepBenchmark
{
    /// <summary>"ffn": 4×[Linear(2048,2048), ReLU], Linear(2048,16), batch 256, MSE. "cnn": diffraction Paper CNN, batch 64, CE + NLL, clip 50.</summary>
    public static StepTiming Run(string model, int threads, int warmup = 1, int steps = 3, int width = 2048, int batch = 0)
    {
        Blas.SetThreads(threads);
        var rng = new RandomStream(1, 0);
        Sequential<float> net;
        ILoss<float> loss;
        Tensor<float> x, y;
        double clip = 0, lr = 1e-3;
        var data = new RandomStream(2, 0);
        if (model == "ffn")
        {
            batch = batch > 0 ? batch : 256;
            net = ReferenceModels.Ffn<float>(width, width, 4, 16, ref rng);
            loss = new MseLoss<float>();
            x = new Tensor<float>(batch, width);
            y = new Tensor<float>(batch, 16);
            Init.Normal(x.Span, 1, ref data);
            Init.Normal(y.Span, 1, ref data);
        }
        else if (model == "cnn")
        {
            batch = batch > 0 ? batch : 64;
            net = ReferenceModels.DiffractionCnn<float>(true, ref rng);
            loss = ReferenceModels.DiffractionLoss<float>();
            x = new Tensor<float>(batch, 1, 2806);
            y = new Tensor<float>(batch, 4);
            for (int i = 0; i < x.Length; i++) x[i] = data.NextSingle();
            for (int r = 0; r < batch; r++)
            {
                y[r * 4] = (float)data.NextBelow(3);
                for (int j = 1; j < 4; j++) y[r * 4 + j] = (float)data.NextNormal();
            }
            clip = 50;
            lr = 5e-4;
        }
        else
        {
            throw new ArgumentException($"unknown benchmark model '{model}' (ffn or cnn)");
        }
        var trainer = new Trainer<float>(net, loss, new Adam<float>(net.Parameters, lr)) { ClipNorm = clip };
        for (int i = 0; i < warmup; i++) trainer.TrainStep(x, y);
        var times = new double[steps];
        TensorMath.ResetFlops();
        for (int i = 0; i < steps; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            trainer.TrainStep(x, y);
            times[i] = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        }
        return new StepTiming(model, threads, batch, times, TensorMath.Flops / steps, TensorMath.GemmFlops / steps,
            TensorMath.GemmSeconds / steps);
    }

    /// <summary>Median GFLOP/s of Blas.Sgemm on n×n×n at <paramref name="threads"/> threads.</summary>
    public static double SgemmPeak(int threads, int n = 2048, int repeats = 3)
    {
        Blas.SetThreads(threads);
        var a = new float[n * n];
        var b = new float[n * n];
        var c = new float[n * n];
        var rng = new RandomStream(3, 0);
        Init.Normal<float>(a, 1, ref rng);
        Init.Normal<float>(b, 1, ref rng);
        Blas.Sgemm(Transpose.No, Transpose.No, n, n, n, 1, a, n, b, n, 0, c, n);
        var g = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            Blas.Sgemm(Transpose.No, Transpose.No, n, n, n, 1, a, n, b, n, 0, c, n);
            g[i] = 2.0 * n * n * n / Stopwatch.GetElapsedTime(t0).TotalSeconds / 1e9;
        }
        return Median(g);
    }

    /// <summary>Median of a sample.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return double.NaN;
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }
}
