using System.CommandLine;
using LiquidityLab.Cli;
using LiquidityLab.Cli.Commands;

var root = new RootCommand("LiquidityLab: market-microstructure and market-making simulation lab");
root.Subcommands.Add(ScenariosCommand.Create());
root.Subcommands.Add(BookCommand.Create());
root.Subcommands.Add(LobsterCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return CliHost.Invoke(root, args);
