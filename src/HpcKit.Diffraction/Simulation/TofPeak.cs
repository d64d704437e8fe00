using HpcKit.Diffraction.Scattering;

namespace HpcKit.Diffraction.Simulation;

/// <summary>A reflection placed on a TOF instrument: position (µs), fractional grid bin and integrated intensity I_hkl.</summary>
public readonly record struct TofPeak(Reflection Reflection, double Tof, double Bin, double Intensity);
