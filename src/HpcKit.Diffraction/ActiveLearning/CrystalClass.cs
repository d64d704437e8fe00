namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>Symmetry class labels, numbered as in the published code: trigonal 0, tetragonal 1, cubic 2.</summary>
public enum CrystalClass
{
    /// <summary>Rhombohedral/trigonal prototype (LaMnO₃, R-3c): parameters a and α.</summary>
    Trigonal = 0,

    /// <summary>Tetragonal prototype (KNbO₃, P4mm): parameters a and c.</summary>
    Tetragonal = 1,

    /// <summary>Cubic prototype (Ba/Bi oxide, Fm-3m): parameter a.</summary>
    Cubic = 2,
}
