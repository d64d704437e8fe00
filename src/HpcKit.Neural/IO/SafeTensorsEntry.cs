namespace HpcKit.Neural;

/// <summary>One tensor of a safetensors file: name, dtype ("F32", "F64", …), shape and its little-endian bytes.</summary>
public sealed record SafeTensorsEntry(string Name, string DType, int[] Shape, byte[] Data)
{
    /// <summary>Shape as text.</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
