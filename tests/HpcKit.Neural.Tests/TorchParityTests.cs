using System.Text.Json;
using HpcKit.Neural;

namespace HpcKit.Neural.Tests;

/// <summary>
/// Parity with PyTorch 1.13 (fixtures written by scripts/fixtures/neural/make_torch_fixtures.py): forward outputs,
/// input and parameter gradients of every layer, loss values and gradients, and 20 optimizer steps of a small CNN,
/// compared in float32 with tolerance |a − b| ≤ tol·max(1, max|b|).
/// </summary>
public sealed class TorchParityTests
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private sealed class Fixture
    {
        private readonly Dictionary<string, SafeTensorsEntry> _t;

        public Fixture(string file)
        {
            var path = Path.Combine(Dir, file);
            var (tensors, meta) = SafeTensors.Read(path);
            _t = tensors.ToDictionary(e => e.Name);
            Meta = meta;
        }

        public IReadOnlyDictionary<string, string> Meta { get; }

        public Tensor<float> this[string name] => SafeTensors.ToTensor<float>(_t[name]);

        public bool Has(string name) => _t.ContainsKey(name);
    }

    private static void Close(Tensor<float> expected, Tensor<float> actual, double tol, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: length {actual.Length} vs {expected.Length}");
        double scale = 1, err = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            scale = Math.Max(scale, Math.Abs(expected[i]));
            err = Math.Max(err, Math.Abs(expected[i] - actual[i]));
        }
        Assert.True(err <= tol * scale, $"{what}: max error {err:g3} > {tol:g1}·{scale:g3}");
    }

    private static ILayer<float> Build(JsonElement c)
    {
        string type = c.GetProperty("type").GetString()!;
        int I(string k) => c.GetProperty(k).GetInt32();
        return type switch
        {
            "linear" => new Linear<float>(I("in"), I("out")),
            "conv1d" => new Conv1d<float>(I("in"), I("out"), I("kernel"), I("stride"), I("padding")),
            "maxpool" => new MaxPool1d<float>(I("kernel"), I("stride")),
            "relu" => new ReLU<float>(),
            "leakyrelu" => new LeakyReLU<float>(c.GetProperty("slope").GetDouble()),
            "gelu" => new Gelu<float>(),
            "tanh" => new Tanh<float>(),
            "flatten" => new Flatten<float>(),
            _ => throw new InvalidOperationException(type),
        };
    }

    public static TheoryData<string> LayerCases() =>
        ["linear", "conv_a", "conv_b", "conv_c", "pool_a", "pool_b", "relu", "leaky", "gelu", "tanh", "flatten"];

    [Theory]
    [MemberData(nameof(LayerCases))]
    public void LayerMatchesTorch(string name)
    {
        LayerMatchesTorchWith(name, Conv1dAlgorithm.Auto);
        if (name == "conv_a") LayerMatchesTorchWith(name, Conv1dAlgorithm.Im2colGemm);
    }

    private static void LayerMatchesTorchWith(string name, Conv1dAlgorithm algorithm)
    {
        var f = new Fixture("layers.safetensors");
        using var cfg = JsonDocument.Parse(f.Meta[name]);
        var layer = Build(cfg.RootElement);
        if (layer is Conv1d<float> conv) conv.Algorithm = algorithm;
        foreach (var p in layer.Parameters) f[$"{name}.{p.Name}"].Span.CopyTo(p.Value.Span);
        var x = f[$"{name}.x"];
        var y = layer.Forward(x);
        Assert.True(y.HasShape(f[$"{name}.y"].Shape), $"{name}: output {y.ShapeText}");
        Close(f[$"{name}.y"], y, 1e-5, $"{name} forward");
        var dx = layer.Backward(f[$"{name}.dy"]);
        Close(f[$"{name}.dx"], dx, 1e-5, $"{name} dx");
        foreach (var p in layer.Parameters) Close(f[$"{name}.d{p.Name}"], p.Gradient, 1e-5, $"{name} d{p.Name}");
    }

    [Theory]
    [InlineData("mse")]
    [InlineData("ce")]
    [InlineData("nll")]
    [InlineData("nll_shared")]
    [InlineData("multi")]
    public void LossMatchesTorch(string name)
    {
        var f = new Fixture("losses.safetensors");
        ILoss<float> loss = name switch
        {
            "mse" => new MseLoss<float>(),
            "ce" => new SoftmaxCrossEntropyLoss<float>(),
            "nll" => new GaussianNllLoss<float>(3),
            "nll_shared" => GaussianNllLoss<float>.SharedLogVariance(3),
            _ => new MultiHeadLoss<float>()
                .Add(new SoftmaxCrossEntropyLoss<float>(), 0, 3, 0, 1)
                .Add(GaussianNllLoss<float>.SharedLogVariance(3), 3, 4, 1, 3),
        };
        double value = loss.Forward(f[$"{name}.pred"], f[$"{name}.target"]);
        Assert.Equal(f[$"{name}.loss"][0], value, 1e-5 * Math.Max(1, Math.Abs(value)));
        Close(f[$"{name}.grad"], loss.Backward(), 1e-5, $"{name} grad");
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("adamw")]
    [InlineData("adam_l2")]
    [InlineData("sgd")]
    [InlineData("nesterov")]
    public void TwentyOptimizerStepsMatchTorch(string name)
    {
        var f = new Fixture("optimizers.safetensors");
        var net = new Sequential<float>(new Conv1d<float>(1, 3, 3), new LeakyReLU<float>(0.1), new MaxPool1d<float>(2),
            new Flatten<float>(), new Linear<float>(24, 6), new Tanh<float>(), new Linear<float>(6, 4));
        foreach (var p in net.Parameters) f["init." + p.Name].Span.CopyTo(p.Value.Span);
        Optimizer<float> opt = name switch
        {
            "adam" => new Adam<float>(net.Parameters, 1e-2),
            "adamw" => Adam<float>.AdamW(net.Parameters, 1e-2, weightDecay: 0.05),
            "adam_l2" => new Adam<float>(net.Parameters, 1e-2, weightDecay: 0.05),
            "sgd" => new Sgd<float>(net.Parameters, 5e-2, momentum: 0.9),
            _ => new Sgd<float>(net.Parameters, 5e-2, momentum: 0.9, weightDecay: 0.01, nesterov: true),
        };
        var trainer = new Trainer<float>(net, new MseLoss<float>(), opt);
        var losses = f[name + ".losses"];
        var x = f["x"];
        var y = f["y"];
        for (int s = 0; s < 20; s++)
        {
            double l = trainer.TrainStep(x, y);
            Assert.True(Math.Abs(l - losses[s]) <= 1e-4 * Math.Max(1, losses[s]), $"{name} step {s}: loss {l} vs torch {losses[s]}");
        }
        foreach (var p in net.Parameters) Close(f[$"{name}.{p.Name}"], p.Value, 1e-4, $"{name} {p.Name} after 20 steps");
    }
}
