using HpcKit.Core;
using HpcKit.Core.Random;
using HpcKit.Neural;

namespace HpcKit.Neural.Tests;

/// <summary>safetensors round trips and clear failures.</summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hpckit-neural-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static Sequential<float> Net(ulong seed, int hidden = 6)
    {
        var rng = new RandomStream(seed, 0);
        return new Sequential<float>(new Conv1d<float>(1, 2, 3, ref rng), new Flatten<float>(), new Linear<float>(2 * 9, hidden, ref rng),
            new ReLU<float>(), new Linear<float>(hidden, 3, ref rng));
    }

    [Fact]
    public void RoundTripWithOptimizerState()
    {
        var a = Net(1);
        var adam = new Adam<float>(a.Parameters);
        foreach (var p in a.Parameters) p.Gradient.Fill(0.1f);
        adam.Step();
        adam.Step();
        string path = Path.Combine(_dir, "m.safetensors");
        ModelFile.Save(path, a.Parameters, adam, new Dictionary<string, string> { ["note"] = "x" });
        var b = Net(2);
        var adamB = new Adam<float>(b.Parameters);
        var meta = ModelFile.Load(path, b.Parameters, adamB);
        Assert.Equal("x", meta["note"]);
        Assert.Equal(2, adamB.StepCount);
        for (int i = 0; i < a.Parameters.Count; i++)
            Assert.Equal(a.Parameters[i].Value.Span.ToArray(), b.Parameters[i].Value.Span.ToArray());
        var sa = adam.StateTensors();
        var sb = adamB.StateTensors();
        for (int i = 0; i < sa.Count; i++) Assert.Equal(sa[i].Value.Span.ToArray(), sb[i].Value.Span.ToArray());
        // Parameters alone (optimizer entries ignored when no optimizer is given).
        var c = Net(3);
        ModelFile.Load(path, c.Parameters);
        Assert.Equal(a.Parameters[0].Value.Span.ToArray(), c.Parameters[0].Value.Span.ToArray());
    }

    [Fact]
    public void HeaderLayoutIsSafetensors()
    {
        string path = Path.Combine(_dir, "t.safetensors");
        SafeTensors.Write<float>(path, [new("w", Tensor<float>.FromArray([1f, 2f, 3f, 4f, 5f, 6f], 2, 3))]);
        var bytes = File.ReadAllBytes(path);
        ulong h = BitConverter.ToUInt64(bytes, 0);
        Assert.Equal(0UL, (8 + h) % 8);
        string json = System.Text.Encoding.UTF8.GetString(bytes, 8, (int)h).TrimEnd();
        Assert.Equal("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}}", json);
        Assert.Equal(8 + (int)h + 24, bytes.Length);
        Assert.Equal(6f, BitConverter.ToSingle(bytes, 8 + (int)h + 20));
    }

    [Fact]
    public void WrongShapeFailsClearly()
    {
        string path = Path.Combine(_dir, "m.safetensors");
        ModelFile.Save(path, Net(1, hidden: 6).Parameters);
        var other = Net(1, hidden: 5);
        var before = other.Parameters[0].Value.Span.ToArray();
        var e = Assert.Throws<HpcKitDataException>(() => ModelFile.Load(path, other.Parameters));
        Assert.Contains("tensor '2.weight' has shape [6, 18], the model expects [5, 18]", e.Message);
        Assert.StartsWith(path, e.Message);
        Assert.Equal(before, other.Parameters[0].Value.Span.ToArray()); // nothing modified
    }

    [Fact]
    public void WrongDtypeMissingAndExtraTensorsFailClearly()
    {
        string path = Path.Combine(_dir, "d.safetensors");
        var rng = new RandomStream(1, 0);
        var dnet = new Sequential<double>(new Linear<double>(3, 2, ref rng));
        ModelFile.Save(path, dnet.Parameters);
        var fnet = new Sequential<float>(new Linear<float>(3, 2));
        Assert.Contains("has dtype F64, the model expects F32", Assert.Throws<HpcKitDataException>(() => ModelFile.Load(path, fnet.Parameters)).Message);
        var bigger = new Sequential<double>(new Linear<double>(3, 2), new ReLU<double>(), new Linear<double>(2, 2));
        Assert.Contains("tensor '2.weight' [2, 2] is missing", Assert.Throws<HpcKitDataException>(() => ModelFile.Load(path, bigger.Parameters)).Message);
        var smaller = new Sequential<double>(new Linear<double>(3, 2, bias: false));
        Assert.Contains("tensor '0.bias' [2] is not in the model", Assert.Throws<HpcKitDataException>(() => ModelFile.Load(path, smaller.Parameters)).Message);
    }

    [Fact]
    public void CorruptFilesFailClearly()
    {
        string path = Path.Combine(_dir, "bad.safetensors");
        File.WriteAllBytes(path, [1, 2, 3]);
        Assert.Contains("not a safetensors file", Assert.Throws<HpcKitDataException>(() => SafeTensors.Read(path)).Message);
        var hdr = System.Text.Encoding.UTF8.GetBytes("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,12]}}");
        File.WriteAllBytes(path, [.. BitConverter.GetBytes((ulong)hdr.Length), .. hdr, .. new byte[12]]);
        Assert.Contains("needs 16 bytes, offsets give 12", Assert.Throws<HpcKitDataException>(() => SafeTensors.Read(path)).Message);
        Assert.Contains("not found", Assert.Throws<HpcKitDataException>(() => SafeTensors.Read(Path.Combine(_dir, "none"))).Message);
    }
}
