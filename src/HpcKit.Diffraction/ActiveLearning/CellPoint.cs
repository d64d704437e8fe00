namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// One point of the swept parameter space: a class and its cell (a, c in Å, α in degrees). Cubic points have
/// c = a and α = 90; trigonal points c = a; tetragonal points α = 90 — the spec's target vector (a, c, α).
/// </summary>
public readonly record struct CellPoint(CrystalClass Class, double A, double C, double Alpha)
{
    /// <summary>Number of regression targets (a′, c′, α′).</summary>
    public const int TargetCount = 3;

    /// <summary>A cubic point with edge a.</summary>
    public static CellPoint Cubic(double a) => new(CrystalClass.Cubic, a, a, 90.0);

    /// <summary>A trigonal (rhombohedral-axes) point.</summary>
    public static CellPoint Trigonal(double a, double alpha) => new(CrystalClass.Trigonal, a, a, alpha);

    /// <summary>A tetragonal point.</summary>
    public static CellPoint Tetragonal(double a, double c) => new(CrystalClass.Tetragonal, a, c, 90.0);

    /// <summary>Normalised targets a′ = a − 3.5, c′ = c − 3.5, α′ = (α − 30)/90.</summary>
    public void Targets(Span<float> destination)
    {
        destination[0] = (float)(A - 3.5);
        destination[1] = (float)(C - 3.5);
        destination[2] = (float)((Alpha - 30.0) / 90.0);
    }

    /// <summary>Inverse of <see cref="Targets"/>: physical (a, c, α) from normalised outputs.</summary>
    public static (double A, double C, double Alpha) FromTargets(double a, double c, double alpha) =>
        (a + 3.5, c + 3.5, alpha * 90.0 + 30.0);
}
