using System.Numerics;

namespace HpcKit.Phantom;

/// <summary>The nonlinearity σ on real neurons (never on ghosts).</summary>
public enum Activation
{
    /// <summary>max(0, z) (default).</summary>
    Relu,
    /// <summary>tanh(z).</summary>
    Tanh,
    /// <summary>GELU, tanh approximation.</summary>
    GeluTanh,
}

/// <summary>σ and σ' over spans.</summary>
public static class ActivationFunctions
{
    private const double GeluC = 0.7978845608028654; // sqrt(2/π)

    /// <summary>a = σ(z).</summary>
    public static void Apply<T>(Activation f, ReadOnlySpan<T> z, Span<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (f)
        {
            case Activation.Relu:
                for (int i = 0; i < z.Length; i++) a[i] = z[i] > T.Zero ? z[i] : T.Zero;
                break;
            case Activation.Tanh:
                for (int i = 0; i < z.Length; i++) a[i] = T.Tanh(z[i]);
                break;
            default:
                for (int i = 0; i < z.Length; i++)
                {
                    double x = double.CreateTruncating(z[i]);
                    a[i] = T.CreateTruncating(0.5 * x * (1 + Math.Tanh(GeluC * (x + 0.044715 * x * x * x))));
                }
                break;
        }
    }

    /// <summary>δ = g ⊙ σ'(z), in place on g.</summary>
    public static void Backward<T>(Activation f, ReadOnlySpan<T> z, Span<T> g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (f)
        {
            case Activation.Relu:
                for (int i = 0; i < z.Length; i++) if (!(z[i] > T.Zero)) g[i] = T.Zero;
                break;
            case Activation.Tanh:
                for (int i = 0; i < z.Length; i++)
                {
                    T t = T.Tanh(z[i]);
                    g[i] *= T.One - t * t;
                }
                break;
            default:
                for (int i = 0; i < z.Length; i++)
                {
                    double x = double.CreateTruncating(z[i]);
                    double u = GeluC * (x + 0.044715 * x * x * x);
                    double t = Math.Tanh(u);
                    double d = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * GeluC * (1 + 3 * 0.044715 * x * x);
                    g[i] *= T.CreateTruncating(d);
                }
                break;
        }
    }

    /// <summary>Parses "relu", "tanh", "gelu".</summary>
    public static Activation Parse(string s) => s.ToLowerInvariant() switch
    {
        "relu" => Activation.Relu,
        "tanh" => Activation.Tanh,
        "gelu" or "gelu-tanh" => Activation.GeluTanh,
        _ => throw new Core.HpcKitUsageException($"unknown activation '{s}' (relu, tanh, gelu)"),
    };
}
