using System.CommandLine;
using System.Globalization;
using HpcKit.Cli.Modules.Diffraction;
using HpcKit.Core.Reporting;
using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Instruments;
using HpcKit.Diffraction.Simulation;

namespace HpcKit.Cli.Modules;

/// <summary>`hpckit diffraction simulate|dataset|bench`: the TOF/CW neutron powder simulator.</summary>
internal sealed class DiffractionModule : ICliModule
{
    public int Order => 40;

    public string Name => "diffraction";

    public Command Create()
    {
        var g = CommandKit.Group("diffraction", "Neutron powder diffraction simulator: TOF (NOMAD bank 4 default) and constant-wavelength patterns from CIFs or the three prototypes.",
            "hpckit diffraction simulate --structure cubic --a 4.1 --out p.csv --plot p.svg",
            "hpckit diffraction simulate --cif my.cif --instrument my.instprm --out p.csv",
            "hpckit diffraction dataset --class all --count 10000 --out train.bin",
            "hpckit diffraction bench --count 2000");
        g.Add(SimulateVerb.Create());
        g.Add(DatasetVerb.Create());
        g.Add(BenchVerb.Create());
        return g;
    }

    public void Quickstart(string dir, RunReport report, bool quiet)
    {
        var sim = PrototypeSimulator.Get(PrototypeClass.Cubic);
        var y = new float[TofGrid.Default.Count];
        var p = new CellParameters(4.1, 4.1, 90);
        int peaks = sim.Simulate(p, y);
        var general = new TofSimulator(Prototypes.At(PrototypeClass.Cubic, p), TofInstrument.NomadBank4, TofGrid.Default);
        string plot = Path.Combine(dir, "diffraction_cubic.svg");
        SimulateVerb.Plot(plot, "cubic prototype a = 4.1 Å, NOMAD bank 4", TofGrid.Default, y, general.Peaks);
        report.Result("diffraction_cubic_peaks", peaks);
        if (!quiet) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"diffraction: cubic a=4.1 Å on NOMAD bank 4, {peaks} merged reflections, plot {plot}"));
    }
}
