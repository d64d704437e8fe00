using BenchmarkDotNet.Running;
using HpcKit.Benchmarks;

// Side-by-side runners (plain timing loops against a named anchor, medians) are selected by their first
// argument; everything else goes to BenchmarkDotNet:
//   dotnet bench/HpcKit.Benchmarks/bin/Release/net10.0/HpcKit.Benchmarks.dll sparse-klu --buses 2000,10000 --reps 11
//   ... sparse-ordering --buses 2000,10000 --reps 11      (orderings only: time, fill, nnz of both Cholesky factors)
//   ... sparse-rcond --buses 2000,10000 --reps 5          (the facade's rcond-drop threshold swept)
//   dotnet run -c Release --project bench/HpcKit.Benchmarks -- --filter '*Gemm*'
if (args.Length > 0 && args[0] == "sparse-klu")
{
    SparseKluComparison.Run(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "sparse-rcond")
{
    SparseRcondSweep.Run(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "sparse-ordering")
{
    SparseOrderingComparison.Run(args[1..]);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
