namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Named random sub-streams of one run: every purpose and round draws from its own Philox stream
/// (seed, id), so adding a draw in one place never shifts the numbers of another.
/// </summary>
public static class StreamIds
{
    public const ulong BaseSet = 1, ValidationSet = 2, TestSet = 3, ModelInit = 4;

    /// <summary>Multinomial allocation of round k.</summary>
    public static ulong Allocation(int round) => 100UL + (ulong)round;

    /// <summary>Gaussian jitter of round k.</summary>
    public static ulong Jitter(int round) => 200UL + (ulong)round;

    /// <summary>Streaming split permutation of round k.</summary>
    public static ulong StreamSplit(int round) => 300UL + (ulong)round;

    /// <summary>Epoch shuffling of phase k (the trainer may derive further ids from it).</summary>
    public static ulong Shuffle(int phase) => 400UL + (ulong)phase;

    /// <summary>Uniform draws of the random policy in round k.</summary>
    public static ulong RandomPolicy(int round) => 600UL + (ulong)round;

    /// <summary>Uniform set of the random-scratch baseline at multiple m of the base size.</summary>
    public static ulong Scratch(int multiple) => 700UL + (ulong)multiple;
}
