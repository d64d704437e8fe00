using System.Numerics;
using HpcKit.Core.Random;

namespace HpcKit.Neural;

/// <summary>
/// The models the benchmark (and its PyTorch twin, scripts/fixtures/neural/torch_step_bench.py) trains: a dense FFN
/// and the 1-D CNN of the diffraction spec (§4, "Paper" and "Compact"), with PyTorch's default initialisation.
/// </summary>
public static class ReferenceModels
{
    /// <summary>hidden × [Linear(·, width), ReLU] then Linear(width, outputs); the first layer skips dX.</summary>
    public static Sequential<T> Ffn<T>(int inputs, int width, int hidden, int outputs, ref RandomStream rng)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var net = new Sequential<T>();
        int d = inputs;
        for (int i = 0; i < hidden; i++)
        {
            net.Add(new Linear<T>(d, width, ref rng)).Add(new ReLU<T>());
            d = width;
        }
        net.Add(new Linear<T>(d, outputs, ref rng));
        net.InputGradientRequired = false;
        return net;
    }

    /// <summary>
    /// The diffraction CNN on 1 × <paramref name="inputLength"/> patterns: Conv1d(1,c1,3) LeakyReLU(0.1) MaxPool(2)
    /// Conv1d(c1,c2,4,s=2) LeakyReLU(0.1) MaxPool(2) Flatten Linear(·,h) LeakyReLU(0.1) Linear(h, 7) with
    /// (c1, c2, h) = (16, 32, 256) for Paper and (8, 16, 64) for Compact. Outputs: 3 class logits, then a′, c′, α′, s.
    /// </summary>
    public static Sequential<T> DiffractionCnn<T>(bool paper, ref RandomStream rng, int inputLength = 2806)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int c1 = paper ? 16 : 8, c2 = paper ? 32 : 16, h = paper ? 256 : 64;
        int l1 = (inputLength - 3 + 1) / 2;
        int l2 = ((l1 - 4) / 2 + 1) / 2;
        var net = new Sequential<T>(
            new Conv1d<T>(1, c1, 3, ref rng), new LeakyReLU<T>(0.1), new MaxPool1d<T>(2),
            new Conv1d<T>(c1, c2, 4, ref rng, stride: 2), new LeakyReLU<T>(0.1), new MaxPool1d<T>(2),
            new Flatten<T>(), new Linear<T>(c2 * l2, h, ref rng), new LeakyReLU<T>(0.1), new Linear<T>(h, 7, ref rng));
        net.InputGradientRequired = false;
        return net;
    }

    /// <summary>The diffraction loss: CE over prediction columns 0–2 vs target column 0, plus the shared-log-variance
    /// Gaussian NLL over columns 3–6 vs target columns 1–3.</summary>
    public static MultiHeadLoss<T> DiffractionLoss<T>() where T : unmanaged, IFloatingPointIeee754<T>
        => new MultiHeadLoss<T>()
            .Add(new SoftmaxCrossEntropyLoss<T>(), 0, 3, 0, 1)
            .Add(GaussianNllLoss<T>.SharedLogVariance(3), 3, 4, 1, 3);
}
