using HpcKit.Neural;
using System.Numerics;
using HpcKit.Core.LinearAlgebra;

namespace HpcKit.Phantom.Model;

/// <summary>
/// The single-process dense FFN with the same shape and initial weights as TP (the same per-row streams): the oracle
/// for TP, and, with its hidden weights replaced by W_eff, for PP (<see cref="PhantomReference{T}"/>). Also forms ∂ℓ/∂x.
/// </summary>
public sealed class DenseNetwork<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _n, _d, _out, _cap;
    private readonly Activation _act;
    private readonly T[][] _z, _a;
    private readonly T[] _o, _dx, _g1, _g2;
    private T[] _x = [];

    public DenseNetwork(NetworkConfig config, int capacity = 0)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        _n = config.Width;
        _d = config.InputDim;
        _out = config.OutputDim;
        _act = config.Activation;
        _cap = capacity > 0 ? capacity : config.Batch;
        int L = config.Layers;
        InputW = new Parameter<T>("input.W", _n, _d);
        InputB = new Parameter<T>("input.b", _n);
        InitStreams.DenseRows<T>(InputW.Value.Storage, config.Seed, InitStreams.InputLayer, InitStreams.Kind.InputWeight, _d, 0, _n, 0, _d, 2.0 / _d);
        HiddenW = new Parameter<T>[L];
        HiddenB = new Parameter<T>[L];
        for (int l = 0; l < L; l++)
        {
            HiddenW[l] = new Parameter<T>($"hidden{l + 1}.W", _n, _n);
            HiddenB[l] = new Parameter<T>($"hidden{l + 1}.b", _n);
            InitStreams.DenseRows<T>(HiddenW[l].Value.Storage, config.Seed, l + 1, InitStreams.Kind.DenseRow, _n, 0, _n, 0, _n, InitStreams.Gain(_act) / _n);
        }
        HeadW = new Parameter<T>("head.W", _out, _n);
        HeadB = new Parameter<T>("head.b", _out);
        InitStreams.DenseRows<T>(HeadW.Value.Storage, config.Seed, L + 1, InitStreams.Kind.HeadRow, _n, 0, _out, 0, _n, 1.0 / _n);
        _z = new T[L + 1][];
        _a = new T[L + 1][];
        for (int l = 0; l <= L; l++)
        {
            _z[l] = new T[_cap * _n];
            _a[l] = new T[_cap * _n];
        }
        _o = new T[_cap * _out];
        _dx = new T[_cap * _d];
        _g1 = new T[_cap * _n];
        _g2 = new T[_cap * _n];
    }

    public NetworkConfig Config { get; }

    public Parameter<T> InputW { get; }

    public Parameter<T> InputB { get; }

    public Parameter<T>[] HiddenW { get; }

    public Parameter<T>[] HiddenB { get; }

    public Parameter<T> HeadW { get; }

    public Parameter<T> HeadB { get; }

    /// <summary>Every tensor, input layer first.</summary>
    public IReadOnlyList<Parameter<T>> Parameters => [InputW, InputB, .. HiddenW.Zip(HiddenB).SelectMany(z => new[] { z.First, z.Second }), HeadW, HeadB];

    /// <summary>GEMM FLOPs issued.</summary>
    public FlopCounter Flops { get; } = new();

    /// <summary>o = head(σ(…σ(σ(x W_inᵀ + b_in) W_1ᵀ + b_1)…)).</summary>
    public T[] Forward(T[] x, int rows)
    {
        _x = x;
        int n = _n;
        Layer(x, _d, InputW.Value.Storage, InputB.Value.Storage, _z[0], _a[0], rows);
        for (int l = 0; l < HiddenW.Length; l++) Layer(_a[l], n, HiddenW[l].Value.Storage, HiddenB[l].Value.Storage, _z[l + 1], _a[l + 1], rows);
        Gemm.Run<T>(Flops, Transpose.No, Transpose.Yes, rows, _out, n, 1, _a[HiddenW.Length], n, HeadW.Value.Storage, n, 0, _o, _out);
        Layers.RowOps.AddBias<T>(_o.AsSpan(0, rows * _out), HeadB.Value.Storage, rows, _out);
        return _o;
    }

    /// <summary>Fills every gradient from ∂ℓ/∂o and returns ∂ℓ/∂x.</summary>
    public T[] Backward(T[] gradOutput, int rows)
    {
        int n = _n, L = HiddenW.Length;
        Layers.RowOps.ColumnSums<T>(gradOutput.AsSpan(0, rows * _out), HeadB.Gradient.Storage, rows, _out);
        Gemm.Run<T>(Flops, Transpose.Yes, Transpose.No, _out, n, rows, 1, gradOutput, _out, _a[L], n, 1, HeadW.Gradient.Storage, n);
        var g = _g1;
        var spare = _g2;
        Gemm.Run<T>(Flops, Transpose.No, Transpose.No, rows, n, _out, 1, gradOutput, _out, HeadW.Value.Storage, n, 0, g, n);
        for (int l = L - 1; l >= 0; l--)
        {
            ActivationFunctions.Backward<T>(_act, _z[l + 1].AsSpan(0, rows * n), g.AsSpan(0, rows * n));
            Layers.RowOps.ColumnSums<T>(g, HiddenB[l].Gradient.Storage, rows, n);
            Gemm.Run<T>(Flops, Transpose.Yes, Transpose.No, n, n, rows, 1, g, n, _a[l], n, 1, HiddenW[l].Gradient.Storage, n);
            Gemm.Run<T>(Flops, Transpose.No, Transpose.No, rows, n, n, 1, g, n, HiddenW[l].Value.Storage, n, 0, spare, n);
            (g, spare) = (spare, g);
        }
        ActivationFunctions.Backward<T>(_act, _z[0].AsSpan(0, rows * n), g.AsSpan(0, rows * n));
        Layers.RowOps.ColumnSums<T>(g, InputB.Gradient.Storage, rows, n);
        Gemm.Run<T>(Flops, Transpose.Yes, Transpose.No, n, _d, rows, 1, g, n, _x, _d, 1, InputW.Gradient.Storage, _d);
        Gemm.Run<T>(Flops, Transpose.No, Transpose.No, rows, _d, n, 1, g, n, InputW.Value.Storage, _d, 0, _dx, _d);
        return _dx;
    }

    private void Layer(T[] input, int inDim, T[] w, T[] b, T[] z, T[] a, int rows)
    {
        Gemm.Run<T>(Flops, Transpose.No, Transpose.Yes, rows, _n, inDim, 1, input, inDim, w, inDim, 0, z, _n);
        Layers.RowOps.AddBias<T>(z.AsSpan(0, rows * _n), b, rows, _n);
        ActivationFunctions.Apply<T>(_act, z.AsSpan(0, rows * _n), a.AsSpan(0, rows * _n));
    }
}
