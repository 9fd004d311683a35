using System.CommandLine;

namespace LiquidityLab.Cli.Commands.Runs;

/// <summary>
/// <c>liqlab runs delete ID [...] [--files]</c>: removes records, and with <c>--files</c> their run
/// folders when they lie inside the store's folder. Every id is checked before anything is removed.
/// </summary>
internal static class DeleteCommand
{
    public static Command Create()
    {
        var ids = new Argument<long[]>("ID") { Description = "run ids", Arity = ArgumentArity.OneOrMore };
        var store = RunsCommand.StoreOption();
        var files = new Option<bool>("--files") { Description = "also remove the run folders (only inside the store's folder; never through a symbolic link)" };
        var cmd = new Command("delete", "Delete recorded runs (and with --files their run folders)") { ids, store, files };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            using var db = RunsCommand.Open(parse.GetValue(store));
            foreach (var d in db.Delete(parse.GetValue(ids)!, parse.GetValue(files)))
            {
                var extra = d.RemovedFolder != null ? $", removed {RunsCommand.Display(d.RemovedFolder)}"
                    : d.KeptFolderReason != null ? $"; {d.KeptFolderReason}" : "";
                Console.WriteLine($"deleted run {d.Id}{extra}");
            }
            return CliHost.Ok;
        }));
        return cmd;
    }
}
