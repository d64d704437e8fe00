using System.Globalization;
using HpcKit.Core;
using HpcKit.Neural;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Saves and loads a <see cref="StructureCnn"/>'s weights as safetensors through HpcKit.Neural's
/// <see cref="ModelFile"/>, with the architecture in the metadata ("hpckit.model" = "structure-cnn", width,
/// size, channel and dense widths) so <see cref="Load"/> can rebuild the network. Files written before the move
/// to <see cref="ModelFile"/> (metadata "format" = "hpckit-structure-cnn") still load.
/// </summary>
public static class CnnCheckpoint
{
    private const string ModelKey = "hpckit.model";
    private const string ModelTag = "structure-cnn";
    private const string LegacyFormat = "hpckit-structure-cnn";

    /// <summary>Writes the weights atomically (no optimizer state: the file is for prediction).</summary>
    public static void Save(string path, StructureCnn model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ic = CultureInfo.InvariantCulture;
        var meta = new Dictionary<string, string>
        {
            [ModelKey] = ModelTag,
            ["width"] = model.Width.ToString(ic),
            ["size"] = model.Size.Name,
            ["conv1"] = model.Size.Conv1Channels.ToString(ic),
            ["conv2"] = model.Size.Conv2Channels.ToString(ic),
            ["hidden"] = model.Size.Hidden.ToString(ic),
            ["outputs"] = "logit_trigonal,logit_tetragonal,logit_cubic,a_norm,c_norm,alpha_norm,log_variance",
        };
        ModelFile.Save(path, model.Network.Parameters, null, meta);
    }

    /// <summary>
    /// Rebuilds a model from a file written by <see cref="Save"/>. Data errors (unreadable file, not a
    /// structure-CNN checkpoint, missing or wrongly shaped tensor) name the file.
    /// </summary>
    public static StructureCnn Load(string path, CnnTrainingOptions? options = null)
    {
        IReadOnlyDictionary<string, string> meta;
        try { meta = SafeTensors.Read(path).Metadata; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new HpcKitDataException(path, 0, $"cannot read model: {e.Message}"); }
        bool tagged = meta.TryGetValue(ModelKey, out var tag) && tag == ModelTag;
        bool legacy = meta.TryGetValue("format", out var format) && format == LegacyFormat;
        if (!tagged && !legacy)
            throw new HpcKitDataException(path, 0, $"not an hpckit structure-CNN checkpoint (metadata {ModelKey} = {ModelTag} missing)");
        int Get(string k)
        {
            if (!meta.TryGetValue(k, out var s)) throw new HpcKitDataException(path, 0, $"metadata '{k}' missing");
            if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v < 1)
                throw new HpcKitDataException(path, 0, $"metadata {k} = '{s}' is not a positive integer");
            return v;
        }
        int width = Get("width");
        if (width < 16) throw new HpcKitDataException(path, 0, $"metadata width = {width} is too short for the CNN");
        var size = new CnnSize(meta.TryGetValue("size", out var name) ? name : "custom", Get("conv1"), Get("conv2"), Get("hidden"));
        var model = new StructureCnn(width, size, options ?? new CnnTrainingOptions(), 0);
        ModelFile.Load(path, model.Network.Parameters); // strict: names, shapes and dtype checked before anything is copied
        model.SyncReplicas();
        return model;
    }
}
