namespace HpcKit.Diffraction.Crystal;

/// <summary>A point of a prototype sweep: (a, c, α) in Å and degrees. Cubic uses a; tetragonal a, c; trigonal a, α.</summary>
public readonly record struct CellParameters(double A, double C, double AlphaDeg)
{
    /// <summary>The network target (a − 3.5, c − 3.5, (α − 30)/90) of the spec.</summary>
    public double[] NormalisedTarget() => [A - 3.5, C - 3.5, (AlphaDeg - 30) / 90];

    /// <summary>Canonical parameters for a class: cubic (a, a, 90), tetragonal (a, c, 90), trigonal (a, a, α).</summary>
    public CellParameters For(PrototypeClass cls) => cls switch
    {
        PrototypeClass.Cubic => new(A, A, 90),
        PrototypeClass.Tetragonal => new(A, C, 90),
        _ => new(A, A, AlphaDeg),
    };
}
