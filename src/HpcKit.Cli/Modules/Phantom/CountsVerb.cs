using System.CommandLine;
using HpcKit.Phantom.Accounting;
using HpcKit.Phantom.Model;

namespace HpcKit.Cli.Modules.Phantom;

/// <summary>`hpckit phantom counts`: the §6 closed-form table for TP and PP at one shape (no training).</summary>
internal static class CountsVerb
{
    public static Command Create()
    {
        var o = new PhantomOptions();
        var din = new Option<int>("--d-in") { Description = "Input dimension", DefaultValueFactory = _ => 64 };
        var dout = new Option<int>("--d-out") { Description = "Output dimension", DefaultValueFactory = _ => 4 };
        var cmd = CommandKit.Verb("counts", "Prints the closed-form per-rank, per-step table of spec §6 for TP and PP, with the PP/TP ratios.",
            "hpckit phantom counts --width 2048 --ranks 2 --ghosts 32 --batch 256 --layers 2");
        PhantomOptions.AddAll(cmd, din, dout, o.Width, o.Ranks, o.Ghosts, o.Layers, o.Batch, o.EmulateNoReduceScatter);
        cmd.SetAction(p =>
        {
            var c = new NetworkConfig
            {
                Width = p.GetValue(o.Width), Ranks = p.GetValue(o.Ranks), Ghosts = p.GetValue(o.Ghosts), Layers = p.GetValue(o.Layers), Batch = p.GetValue(o.Batch),
                InputDim = p.GetValue(din), OutputDim = p.GetValue(dout), EmulateNoReduceScatter = p.GetValue(o.EmulateNoReduceScatter),
            };
            var pp = c with { Mode = ParallelMode.Phantom };
            var tp = c with { Mode = ParallelMode.Tensor };
            pp.Validate();
            tp.Validate();
            var a = ClosedForm.For(tp, 0);
            var b = ClosedForm.For(pp, 0);
            static string R(long x, long y) => y == 0 ? "—" : PhantomOptions.F((double)x / y, "G6");
            Console.WriteLine($"n={c.Width} p={c.Ranks} m={c.M} k={c.Ghosts} L={c.Layers} B={c.Batch} d_in={c.InputDim} d_out={c.OutputDim} (rank 0, one step)");
            CommandKit.PrintTable(["quantity", "TP (1-D)", "PP", "PP/TP"],
            [
                ["GEMM FLOPs (whole step)", a.GemmFlops.ToString(), b.GemmFlops.ToString(), R(b.GemmFlops, a.GemmFlops)],
                ["words sent (= received)", a.WordsSent.ToString(), b.WordsSent.ToString(), R(b.WordsSent, a.WordsSent)],
                ["collectives", a.Collectives.ToString(), b.Collectives.ToString(), R(b.Collectives, a.Collectives)],
                ["hidden weights / layer", a.HiddenWeightsPerLayer.ToString(), b.HiddenWeightsPerLayer.ToString(), R(b.HiddenWeightsPerLayer, a.HiddenWeightsPerLayer)],
                ["kept activations / layer", a.HiddenKeptActivationsPerLayer.ToString(), b.HiddenKeptActivationsPerLayer.ToString(), R(b.HiddenKeptActivationsPerLayer, a.HiddenKeptActivationsPerLayer)],
            ]);
            Console.WriteLine($"hidden-layer ratios: FLOPs and weights 1/p + pk/n = {PhantomOptions.F(ClosedForm.FlopRatio(c.Width, c.Ranks, c.Ghosts), "G6")}; "
                + $"words k/m = {PhantomOptions.F(ClosedForm.ByteRatio(c.Width, c.Ranks, c.Ghosts), "G6")}; activations (2m+pk)/(n+m) = {PhantomOptions.F(ClosedForm.ActivationRatio(c.Width, c.Ranks, c.Ghosts), "G6")}");
            return 0;
        });
        return cmd;
    }
}
