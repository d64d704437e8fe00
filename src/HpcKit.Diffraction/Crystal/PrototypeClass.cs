namespace HpcKit.Diffraction.Crystal;

/// <summary>The three prototype classes; values are the published labels.</summary>
public enum PrototypeClass
{
    Trigonal = 0,
    Tetragonal = 1,
    Cubic = 2,
}
