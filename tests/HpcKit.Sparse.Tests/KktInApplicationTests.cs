using HpcKit.Sparse.Generators;
using Xunit.Abstractions;

namespace HpcKit.Sparse.Tests;

public class KktInApplicationTests(ITestOutputHelper output)
{
    [Fact]
    public void InApplicationModeReachesTheSameOptimum()
    {
        var reference = new KktSequenceGenerator(new KktGeneratorOptions { Buses = 200, Seed = 3 });
        reference.Run(_ => { });
        var inApp = new KktSequenceGenerator(new KktGeneratorOptions { Buses = 200, Seed = 3, InApplication = true });
        inApp.Run(_ => { });
        var rep = inApp.FacadeReport!;
        output.WriteLine($"reference: {reference.Iterations} iterations, objective {reference.Objective:R}; in-application: {inApp.Iterations} iterations, " +
                         $"objective {inApp.Objective:R}, refactorizations {rep.Refactorizations}, fallbacks {rep.Fallbacks}, FGMRES iterations {rep.FgmresIterations}");
        Assert.True(inApp.Converged);
        Assert.True(Math.Abs(inApp.Objective - reference.Objective) <= 1e-6 * Math.Abs(reference.Objective));
        Assert.Equal(rep.Systems, rep.FullInitial + rep.Refactorizations + rep.StaleSolves);
    }
}
