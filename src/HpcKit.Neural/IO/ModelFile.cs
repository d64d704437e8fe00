using System.Globalization;
using System.Numerics;
using HpcKit.Core;

namespace HpcKit.Neural;

/// <summary>
/// Saves and loads a model's parameters (PyTorch state_dict names, e.g. "0.weight") — and optionally the optimizer's
/// state as "optimizer.&lt;name&gt;.exp_avg" etc. with step count and learning rate in the metadata — as safetensors.
/// Loading is strict: a missing, extra, wrongly shaped or wrongly typed tensor fails with one line naming it.
/// </summary>
public static class ModelFile
{
    private const string OptimizerPrefix = "optimizer.";

    /// <summary>Writes <paramref name="parameters"/> (and <paramref name="optimizer"/>'s state) to <paramref name="path"/>.</summary>
    public static void Save<T>(string path, IReadOnlyList<Parameter<T>> parameters, Optimizer<T>? optimizer = null,
        IReadOnlyDictionary<string, string>? metadata = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var tensors = parameters.Select(p => new KeyValuePair<string, Tensor<T>>(p.Name, p.Value)).ToList();
        var meta = metadata != null ? new Dictionary<string, string>(metadata) : [];
        meta["format"] = "pt";
        meta["hpckit.dtype"] = SafeTensors.DTypeOf<T>();
        if (optimizer != null)
        {
            tensors.AddRange(optimizer.StateTensors().Select(kv => new KeyValuePair<string, Tensor<T>>(OptimizerPrefix + kv.Key, kv.Value)));
            meta["optimizer.step"] = optimizer.StepCount.ToString(CultureInfo.InvariantCulture);
            meta["optimizer.lr"] = optimizer.LearningRate.ToString("R", CultureInfo.InvariantCulture);
            meta["optimizer.type"] = optimizer.GetType().Name.Split('`')[0];
        }
        SafeTensors.Write(path, tensors, meta);
    }

    /// <summary>
    /// Loads parameter values (and, when <paramref name="optimizer"/> is given, its state and step count) from
    /// <paramref name="path"/>; returns the file's metadata. Nothing is modified unless every tensor checks out.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Load<T>(string path, IReadOnlyList<Parameter<T>> parameters,
        Optimizer<T>? optimizer = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var (entries, meta) = SafeTensors.Read(path);
        var byName = new Dictionary<string, SafeTensorsEntry>(StringComparer.Ordinal);
        foreach (var e in entries) byName[e.Name] = e;
        var targets = parameters.Select(p => new KeyValuePair<string, Tensor<T>>(p.Name, p.Value)).ToList();
        if (optimizer != null)
            targets.AddRange(optimizer.StateTensors().Select(kv => new KeyValuePair<string, Tensor<T>>(OptimizerPrefix + kv.Key, kv.Value)));
        var expected = new HashSet<string>(targets.Select(t => t.Key), StringComparer.Ordinal);
        foreach (var e in entries)
        {
            bool isOptimizer = e.Name.StartsWith(OptimizerPrefix, StringComparison.Ordinal);
            if (!expected.Contains(e.Name) && !(isOptimizer && optimizer == null))
                throw new HpcKitDataException(path, 0, $"tensor '{e.Name}' {e.ShapeText} is not in the model");
        }
        var loaded = new List<(Tensor<T> Target, Tensor<T> Value)>(targets.Count);
        foreach (var (name, target) in targets)
        {
            if (!byName.TryGetValue(name, out var e))
                throw new HpcKitDataException(path, 0, $"tensor '{name}' {target.ShapeText} is missing from the file");
            if (e.DType != SafeTensors.DTypeOf<T>())
                throw new HpcKitDataException(path, 0, $"tensor '{name}' has dtype {e.DType}, the model expects {SafeTensors.DTypeOf<T>()}");
            if (!target.HasShape(e.Shape))
                throw new HpcKitDataException(path, 0, $"tensor '{name}' has shape {e.ShapeText}, the model expects {target.ShapeText}");
            loaded.Add((target, SafeTensors.ToTensor<T>(e, path)));
        }
        foreach (var (target, value) in loaded) value.Span.CopyTo(target.Span);
        if (optimizer != null && meta.TryGetValue("optimizer.step", out var step))
        {
            if (!long.TryParse(step, NumberStyles.Integer, CultureInfo.InvariantCulture, out long steps) || steps < 0)
                throw new HpcKitDataException(path, 0, $"metadata optimizer.step = '{step}' is not a step count");
            optimizer.StepCount = steps;
        }
        return meta;
    }
}
