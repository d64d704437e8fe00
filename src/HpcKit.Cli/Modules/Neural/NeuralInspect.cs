using System.CommandLine;
using HpcKit.Neural;

namespace HpcKit.Cli.Modules.Neural;

/// <summary>`hpckit neural inspect`: lists the tensors and metadata of a safetensors file.</summary>
internal static class NeuralInspect
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A .safetensors file" };
        var cmd = CommandKit.Verb("inspect", "Lists the tensors (name, dtype, shape) and metadata of a safetensors file.",
            "hpckit neural inspect out/neural/model.safetensors");
        cmd.Add(file);
        cmd.SetAction(p =>
        {
            var (tensors, meta) = SafeTensors.Read(p.GetValue(file)!);
            CommandKit.PrintTable(["tensor", "dtype", "shape", "bytes"],
                tensors.Select(t => (IReadOnlyList<string>)[t.Name, t.DType, t.ShapeText, t.Data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
            foreach (var kv in meta) Console.WriteLine($"{kv.Key} = {kv.Value}");
            return 0;
        });
        return cmd;
    }
}
