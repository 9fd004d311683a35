using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/LiquidityLab.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
