using HpcKit.Core;

namespace HpcKit.Graphs.Model;

/// <summary>
/// Thrown under <see cref="ClampPolicy.Error"/> when some pair probability would exceed 1 (a data error: exit 3).
/// </summary>
public sealed class ChungLuClampException : HpcKitDataException
{
    public ChungLuClampException(long clampedPairs, double share, double largest)
        : base($"{clampedPairs} pair(s) ({share:P4} of all pairs) have w_u·w_v/S > 1 (largest {largest:G6}); lower the maximum weight or allow clamping")
    {
        ClampedPairs = clampedPairs;
        Share = share;
        Largest = largest;
    }

    public ChungLuClampException() { }

    public ChungLuClampException(string message) : base(message) { }

    public ChungLuClampException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Number of clamped pairs.</summary>
    public long ClampedPairs { get; }

    /// <summary>Clamped pairs over all candidate pairs.</summary>
    public double Share { get; }

    /// <summary>The largest w_u·w_v/S.</summary>
    public double Largest { get; }
}
