using System.Numerics;
using HpcKit.Core;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Core.Random;

namespace HpcKit.Phantom.Training;

/// <summary>
/// Synthetic data of spec §8, generated in-process and identical on every rank: x ~ N(0, I_64); a random dense tanh
/// teacher (3 hidden layers of width 256, weights N(0, 1/fan_in), no biases) maps x to 4 regression targets plus
/// N(0, 0.05²) noise, or to 10 logits whose argmax is the label, flipped to a uniform class with probability 0.05.
/// Batch t comes from stream (data seed, t); the 4096-sample validation set from a separate stream family.
/// </summary>
public sealed class TeacherTask
{
    /// <summary>Input dimension d_in.</summary>
    public const int InputDim = 64;

    private const int TeacherWidth = 256, TeacherLayers = 3;
    private const ulong BatchStreams = 1UL << 40, ValidationStreams = 2UL << 40, TeacherStreams = 3UL << 40;
    private readonly double[][] _w;
    private readonly int[] _in, _out;

    public TeacherTask(TaskKind kind, ulong dataSeed)
    {
        Kind = kind;
        DataSeed = dataSeed;
        OutputDim = kind == TaskKind.Regression ? 4 : 10;
        int layers = TeacherLayers + 1;
        _w = new double[layers][];
        _in = new int[layers];
        _out = new int[layers];
        for (int l = 0; l < layers; l++)
        {
            _in[l] = l == 0 ? InputDim : TeacherWidth;
            _out[l] = l == layers - 1 ? OutputDim : TeacherWidth;
            _w[l] = new double[_in[l] * _out[l]];
            var rng = new RandomStream(dataSeed, TeacherStreams + (ulong)l);
            double sd = Math.Sqrt(1.0 / _in[l]);
            for (int i = 0; i < _w[l].Length; i++) _w[l][i] = sd * rng.NextNormal();
        }
    }

    public TaskKind Kind { get; }

    public ulong DataSeed { get; }

    /// <summary>4 (regression) or 10 (classes).</summary>
    public int OutputDim { get; }

    /// <summary>Elements per target row: d_out for regression, 1 label for classification.</summary>
    public int TargetWidth => Kind == TaskKind.Regression ? OutputDim : 1;

    /// <summary>Noise standard deviation (regression) and label-flip probability (classification).</summary>
    public const double Noise = 0.05;

    /// <summary>Training batch of step <paramref name="step"/>: rows×64 inputs and rows×TargetWidth targets.</summary>
    public void Batch<T>(long step, int rows, Span<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (step < 0) throw new HpcKitUsageException("step must be non-negative");
        var rng = new RandomStream(DataSeed, BatchStreams + (ulong)step);
        Generate(ref rng, rows, x, y);
    }

    /// <summary>The validation set of <paramref name="count"/> samples (fixed, separate streams, 512 per stream).</summary>
    public (T[] X, T[] Y) Validation<T>(int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = new T[count * InputDim];
        var y = new T[count * TargetWidth];
        const int Chunk = 512;
        for (int c = 0; c * Chunk < count; c++)
        {
            int rows = Math.Min(Chunk, count - c * Chunk);
            var rng = new RandomStream(DataSeed, ValidationStreams + (ulong)c);
            Generate(ref rng, rows, x.AsSpan(c * Chunk * InputDim, rows * InputDim), y.AsSpan(c * Chunk * TargetWidth, rows * TargetWidth));
        }
        return (x, y);
    }

    private void Generate<T>(ref RandomStream rng, int rows, Span<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = new double[rows * InputDim];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = rng.NextNormal();
            x[i] = T.CreateTruncating(a[i]);
        }
        for (int l = 0; l < _w.Length; l++)
        {
            var z = new double[rows * _out[l]];
            Blas.Dgemm(Transpose.No, Transpose.Yes, rows, _out[l], _in[l], 1, a, _in[l], _w[l], _in[l], 0, z, _out[l]);
            if (l < _w.Length - 1)
                for (int i = 0; i < z.Length; i++) z[i] = Math.Tanh(z[i]);
            a = z;
        }
        if (Kind == TaskKind.Regression)
        {
            for (int i = 0; i < rows * OutputDim; i++) y[i] = T.CreateTruncating(a[i] + Noise * rng.NextNormal());
            return;
        }
        for (int i = 0; i < rows; i++)
        {
            int arg = 0;
            for (int j = 1; j < OutputDim; j++) if (a[i * OutputDim + j] > a[i * OutputDim + arg]) arg = j;
            if (rng.NextDouble() <= Noise) arg = (int)rng.NextBelow((ulong)OutputDim);
            y[i] = T.CreateTruncating(arg);
        }
    }
}
