using CsvHelper;

namespace LiquidityLab.Scenarios.Running;

/// <summary>How every CSV of a run folder is written: UTF-8 without BOM, '\n' line ends (byte-identical on every OS).</summary>
internal static class CsvFiles
{
    public static CsvWriter Open(string path)
    {
        var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        return CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n" }, false);
    }
}
