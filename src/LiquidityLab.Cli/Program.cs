using System.CommandLine;
using LiquidityLab.Cli;
using LiquidityLab.Cli.Commands;

var root = new RootCommand("LiquidityLab: market-microstructure and market-making simulation lab")
{
    RunCommand.Create(),
    SweepCommand.Create(),
    ValidateCommand.Create(),
    ScenariosCommand.Create(),
    BookCommand.Create(),
    LobsterCommand.Create(),
    BenchCommand.Create(),
};
return CliHost.Invoke(root, args);
