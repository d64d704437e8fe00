namespace HpcKit.Graphs.Model;

/// <summary>What to do when some w_u·w_v/S exceeds 1 (spec §2.1).</summary>
public enum ClampPolicy
{
    /// <summary>Generate with p = min(1, w_u w_v / S) and warn once (default).</summary>
    ClampAndWarn,

    /// <summary>Throw <see cref="ChungLuClampException"/> before any edge or file is produced.</summary>
    Error,
}
