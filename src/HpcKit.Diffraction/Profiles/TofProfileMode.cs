namespace HpcKit.Diffraction.Profiles;

/// <summary>
/// Which broadening enters the TOF profile. <see cref="Gsas2Default"/> adds GSAS-II's per-phase defaults (crystallite
/// size 1 µm, microstrain 1000×10⁻⁶, Lorentzian mixing 1): γ_s = 1e-4·difC·d² + 1e-3·difC·d µs
/// (9.496·d + 0.9496·d² on NOMAD bank 4), σ²_s = 0, giving a back-to-back exponential ⊗ pseudo-Voigt.
/// <see cref="InstrumentOnly"/> uses the instrument's X, Y, Z alone (zero on NOMAD bank 4: exponential ⊗ Gaussian).
/// </summary>
public enum TofProfileMode
{
    InstrumentOnly,
    Gsas2Default,
}
