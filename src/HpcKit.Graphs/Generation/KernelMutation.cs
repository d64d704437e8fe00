namespace HpcKit.Graphs.Generation;

/// <summary>
/// Deliberately broken kernel variants for the mutation check of test power (spec §7.10). Test-only: the fast
/// <see cref="RowKernel"/> never consults this; <see cref="MutantKernel"/> implements each variant.
/// </summary>
internal enum KernelMutation
{
    None,

    /// <summary>Accept with probability q instead of q/p.</summary>
    AcceptWithQ,

    /// <summary>Drop v ← v + 1 after a candidate.</summary>
    NoAdvanceAfterCandidate,

    /// <summary>Skip one position too far: v ← v + ⌊t⌋ + 1.</summary>
    SkipOffByOne,

    /// <summary>Lower the envelope to the landing position's probability before the acceptance test.</summary>
    LowerEnvelopeAtNonCandidates,

    /// <summary>One random stream shared by every row.</summary>
    SharedStream,

    /// <summary>Emit sorted positions instead of original ids.</summary>
    NoLabelMap,
}
