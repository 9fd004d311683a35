using System.CommandLine;
using LiquidityLab.Cli;
using LiquidityLab.Cli.Commands;
using LiquidityLab.Cli.Commands.Runs;

var root = new RootCommand("LiquidityLab: market-microstructure and market-making simulation lab")
{
    RunCommand.Create(),
    RunsCommand.Create(),
    SweepCommand.Create(),
    ValidateCommand.Create(),
    ScenariosCommand.Create(),
    BookCommand.Create(),
    LobsterCommand.Create(),
    BenchCommand.Create(MonteCarloBench.Create(), AlphaBench.Create(), LiveBench.Create()),
    OptimizeCommand.Create(),
    ServeCommand.Create(),
};
return CliHost.Invoke(root, args);
