using HpcKit.Core.Comm;
using HpcKit.Core.Random;
using HpcKit.Neural;

namespace HpcKit.MpiHost;

/// <summary>HpcKit.Neural under mpirun: data-parallel training equals single-process training on the whole batch.</summary>
internal sealed class NeuralChecks : IMpiCheckSet
{
    public IEnumerable<(string Name, Action<ICommunicator> Check)> Checks()
    {
        yield return ("neural data-parallel = single rank", DataParallelEqualsSingle);
    }

    private static Sequential<double> Net()
    {
        var rng = new RandomStream(9, 0);
        return new Sequential<double>(new Linear<double>(5, 12, ref rng), new Tanh<double>(), new Linear<double>(12, 2, ref rng));
    }

    private static void DataParallelEqualsSingle(ICommunicator comm)
    {
        var x = new Tensor<double>(23, 5);
        var y = new Tensor<double>(23, 2);
        var data = new RandomStream(4, 0);
        Init.Normal(x.Span, 1, ref data);
        Init.Normal(y.Span, 1, ref data);
        var single = Net();
        var t1 = new Trainer<double>(single, new MseLoss<double>(), new Adam<double>(single.Parameters, 1e-2));
        var dist = Net();
        var t2 = new Trainer<double>(dist, new MseLoss<double>(), new Adam<double>(dist.Parameters, 1e-2), comm);
        for (int s = 0; s < 3; s++)
        {
            double a = t1.TrainStep(x, y), b = t2.TrainStep(x, y);
            if (Math.Abs(a - b) > 1e-12) throw new InvalidOperationException($"step {s}: loss {b} on {comm.Size} ranks vs {a} on one");
        }
        for (int i = 0; i < single.Parameters.Count; i++)
        {
            var p = single.Parameters[i].Value.Span;
            var q = dist.Parameters[i].Value.Span;
            for (int j = 0; j < p.Length; j++)
                if (Math.Abs(p[j] - q[j]) > 1e-10) throw new InvalidOperationException($"{single.Parameters[i].Name}[{j}] differs: {q[j]} vs {p[j]}");
        }
    }
}
