using System.CommandLine;
using HpcKit.Cli.Modules.Neural;
using HpcKit.Core.Reporting;

namespace HpcKit.Cli.Modules;

/// <summary>`hpckit neural`: a training demo, the side-by-side training-step benchmark against PyTorch, and a safetensors inspector.</summary>
internal sealed class NeuralModule : ICliModule
{
    public int Order => 30;

    public string Name => "neural";

    public Command Create()
    {
        var group = CommandKit.Group("neural", "Neural-network engine (HpcKit.Neural): layers with explicit backward, losses, Adam/SGD, safetensors.",
            "hpckit neural demo --epochs 40 --out out/neural",
            "hpckit neural bench --models ffn,cnn --threads-list 1,2 --rounds 3 --out out/neural-bench",
            "hpckit neural inspect out/neural/model.safetensors");
        group.Add(NeuralDemo.Create());
        group.Add(NeuralBench.Create());
        group.Add(NeuralInspect.Create());
        return group;
    }

    public void Quickstart(string dir, RunReport report, bool quiet) => NeuralDemo.Run(dir, 25, 1, 2, report, quiet);
}
