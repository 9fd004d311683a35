using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

// Paired A/B timing of two or more builds of the engines in one process. On a VM whose speed drifts by
// tens of percent from one minute to the next, separate processes compare the minutes as much as the
// code; here every build's run is interleaved with the others' round by round, and the per-round ratio
// to the first build is what is reported. Each build is loaded from its output folder (a copy of
// src/LiquidityLab.Cli/bin/Release/net10.0, say) into an assembly load context of its own.

var rounds = new Option<int>("--rounds") { Description = "interleaved rounds", DefaultValueFactory = _ => 30 };
var builds = new Argument<string[]>("builds") { Description = "output folders of the builds to compare; the first is the baseline", Arity = ArgumentArity.OneOrMore };

var paths = new Option<int>("--paths") { Description = "Monte Carlo paths per run (200 steps each)", DefaultValueFactory = _ => 20_000 };
var mid = new Option<string>("--mid") { Description = "Binomial (the paper's ±σ√dt) or Normal", DefaultValueFactory = _ => "Binomial" };
var mc = new Command("mc", "Avellaneda–Stoikov Monte Carlo (γ = 0.1, A = 140, k = 1.5, σ = 2) on one thread, M path-steps/s") { rounds, paths, mid, builds };
mc.SetAction(p => Compare(p.GetValue(builds)!, p.GetValue(rounds), dir => MonteCarloRun(dir, p.GetValue(paths), p.GetValue(mid)!), "M path-steps/s", higherIsBetter: true));

var events = new Option<int>("--events") { Description = "measured events per run", DefaultValueFactory = _ => 1_000_000 };
var profile = new Option<string>("--profile") { Description = "Shallow or Deep synthetic stream", DefaultValueFactory = _ => "Shallow" };
var book = new Command("book", "the matching engine on a synthetic stream (as `liqlab bench book`), ns/event") { rounds, events, profile, builds };
book.SetAction(p => Compare(p.GetValue(builds)!, p.GetValue(rounds), dir => BookRun(dir, p.GetValue(events), p.GetValue(profile)!), "ns/event", higherIsBetter: false));

return new RootCommand("Paired, interleaved A/B timing of builds of the LiquidityLab engines in one process") { mc, book }.Parse(args).Invoke();

static int Compare(string[] dirs, int rounds, Func<string, Func<double>> load, string unit, bool higherIsBetter)
{
    if (rounds < 1) { Console.Error.WriteLine($"--rounds {rounds}: must be >= 1"); return 2; }
    var runs = new List<Func<double>>();
    foreach (var dir in dirs)
    {
        if (!File.Exists(Path.Combine(dir, "LiquidityLab.Core.dll"))) { Console.Error.WriteLine($"'{dir}': no LiquidityLab.Core.dll there; give a build's output folder"); return 2; }
        try { runs.Add(load(Path.GetFullPath(dir))); }
        catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return 2; }
    }
    foreach (var run in runs) { run(); run(); } // warm-up: JIT and tiering
    var results = dirs.Select(_ => new List<double>()).ToArray();
    for (var r = 0; r < rounds; r++)
        for (var k = 0; k < runs.Count; k++)
        {
            var i = (k + r) % runs.Count; // rotate who goes first
            results[i].Add(runs[i]());
        }
    for (var i = 0; i < runs.Count; i++)
    {
        var sorted = results[i].Order().ToArray();
        var best = higherIsBetter ? sorted[^1] : sorted[0];
        var speedup = results[i].Zip(results[0], (x, baseline) => higherIsBetter ? x / baseline : baseline / x).Order().ToArray();
        Console.WriteLine($"{dirs[i],-40} best {best,8:0.0} median {sorted[sorted.Length / 2],8:0.0} {unit}   speed vs {Path.GetFileName(dirs[0].TrimEnd('/'))}: median {speedup[speedup.Length / 2]:0.000}");
    }
    return 0;
}

static Func<double> MonteCarloRun(string dir, int paths, string innovation)
{
    if (innovation is not ("Binomial" or "Normal")) throw new ArgumentException($"--mid {innovation}: expected Binomial or Normal");
    var context = new BuildContext(dir);
    var sim = context.Load("LiquidityLab.Simulation");
    var strategies = context.Load("LiquidityLab.Strategies");
    const string ns = "LiquidityLab.Simulation.MonteCarlo.";
    var regimeType = sim.GetType(ns + "MidRegime", true)!;
    var regimes = Array.CreateInstance(regimeType, 1);
    regimes.SetValue(Construct(regimeType, "calm", 0.0, 2.0), 0);
    var midSpec = Construct(sim.GetType(ns + "MidModelSpec", true)!, 100.0, Enum.Parse(sim.GetType(ns + "MidFamily", true)!, "Linear"),
        Enum.Parse(sim.GetType(ns + "Innovation", true)!, innovation), regimes);
    var setup = Construct(sim.GetType(ns + "MonteCarloSetup", true)!, midSpec, Construct(sim.GetType(ns + "FillModelSpec", true)!, 140.0, 1.5), 1.0, 200, paths);
    var strategyType = strategies.GetType("LiquidityLab.Strategies.Optimal.AvellanedaStoikov", true)!;
    var run = sim.GetType(ns + "QuotingMonteCarlo", true)!.GetMethod("Run")!.MakeGenericMethod(strategyType);
    var parameters = run.GetParameters();
    var arguments = parameters.Select(p => p.HasDefaultValue ? p.DefaultValue : null).ToArray();
    (arguments[0], arguments[1], arguments[2], arguments[3]) = (setup, Activator.CreateInstance(strategyType, 0.1, 1.5), 1UL, 1);
    var work = paths * 200.0 / 1e6;
    return () =>
    {
        var clock = Stopwatch.StartNew();
        run.Invoke(null, arguments);
        return work / clock.Elapsed.TotalSeconds;
    };
}

static Func<double> BookRun(string dir, int events, string profileName)
{
    if (profileName is not ("Shallow" or "Deep")) throw new ArgumentException($"--profile {profileName}: expected Shallow or Deep");
    var context = new BuildContext(dir);
    var orderBook = context.Load("LiquidityLab.OrderBook");
    var profileType = orderBook.GetType("LiquidityLab.OrderBook.Replay.StreamProfile", true)!;
    var syntheticType = orderBook.GetType("LiquidityLab.OrderBook.Replay.SyntheticStream", true)!;
    var profile = profileType.GetField(profileName)!.GetValue(null)!;
    var synthetic = syntheticType.GetMethod("Generate")!.Invoke(null, [profile, events, 42UL])!;
    var stream = syntheticType.GetProperty("Stream")!.GetValue(synthetic)!;
    var warmup = (int)syntheticType.GetProperty("WarmupCount")!.GetValue(synthetic)!;
    var measured = (int)syntheticType.GetProperty("MeasuredCount")!.GetValue(synthetic)!;
    var resting = (int)profileType.GetProperty("TargetResting")!.GetValue(profile)!;
    var options = stream.GetType().GetMethod("BookOptions")!.Invoke(stream, [resting * 2])!;
    var sinkType = orderBook.GetType("LiquidityLab.OrderBook.Events.NullSink", true)!;
    var bookType = orderBook.GetType("LiquidityLab.OrderBook.Matching.LimitOrderBook`1", true)!.MakeGenericType(sinkType);
    var apply = stream.GetType().GetMethods().Single(m => m.Name == "ApplyTo" && m.GetParameters().Length == 4).MakeGenericMethod(sinkType);
    return () =>
    {
        var lob = Activator.CreateInstance(bookType, options, Activator.CreateInstance(sinkType))!;
        apply.Invoke(stream, [lob, 0, warmup, false]);
        var clock = Stopwatch.StartNew();
        apply.Invoke(stream, [lob, warmup, measured, false]);
        return clock.Elapsed.TotalNanoseconds / measured;
    };
}

/// <summary>A record's widest constructor, with the given leading arguments and the defaults of the rest.</summary>
static object Construct(Type type, params object[] leading)
{
    var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
    var parameters = constructor.GetParameters();
    return constructor.Invoke(parameters.Select((p, i) => i < leading.Length ? leading[i] : p.DefaultValue).ToArray());
}

/// <summary>One build's LiquidityLab assemblies, loaded from its folder; everything else is shared with the host.</summary>
sealed class BuildContext(string dir) : AssemblyLoadContext(isCollectible: false)
{
    public Assembly Load(string name) => LoadFromAssemblyPath(Path.Combine(dir, name + ".dll"));

    protected override Assembly? Load(AssemblyName name)
    {
        var path = Path.Combine(dir, name.Name + ".dll");
        return name.Name!.StartsWith("LiquidityLab", StringComparison.Ordinal) && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
