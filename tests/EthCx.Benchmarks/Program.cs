using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace EthCx.Benchmarks;

/// <summary>
/// Runs the EthCx.Chain benchmarks. <c>scripts/bench</c> runs them beside the same operations
/// in ethers v6 and prints both with the ratio.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected by <paramref name="args"/> (BenchmarkDotNet's switcher syntax).</summary>
    /// <param name="args">For example <c>--filter *Keccak*</c>.</param>
    public static void Main(string[] args)
    {
        IConfig config = DefaultConfig.Instance
            .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(8).WithLaunchCount(1))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(JsonExporter.Full)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
