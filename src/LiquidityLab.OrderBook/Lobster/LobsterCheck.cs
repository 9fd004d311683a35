using System.Globalization;
using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Views;

namespace LiquidityLab.OrderBook.Lobster;

/// <summary>The outcome of comparing a reconstructed book with a LOBSTER orderbook file, row by row.</summary>
public sealed record LobsterCheckResult(
    int Rows,
    int Levels,
    int MatchingRows,
    int FirstMismatchRow,
    string? FirstMismatch,
    int MismatchesAtUnseenLevel,
    int MismatchesOther,
    int SyntheticOrders,
    long SyntheticHits,
    long Unresolved,
    long Oversized,
    long CrossingSubmissions,
    long DuplicateSubmissions,
    long TickSize,
    bool Reveal,
    long ResyncedLevels,
    long PrunedOrders,
    IReadOnlyList<string> FirstMismatches,
    int SyncedRows,
    int MatchingUnsyncedRows)
{
    public double MatchingFraction => Rows == 0 ? 1 : MatchingRows / (double)Rows;
}

/// <summary>Reconstructs the book from the messages and compares its top levels with every orderbook row.</summary>
public static class LobsterCheck
{
    /// <summary>How many mismatching rows are described in <see cref="LobsterCheckResult.FirstMismatches"/>.</summary>
    public const int MismatchesKept = 20;

    /// <param name="levels">levels per side to compare (at most the file's depth).</param>
    /// <param name="reveal">before comparing each row, take the price ranges that just entered the file's window from the row
    /// (the message file does not report changes outside its window; see <see cref="LobsterBookReconstructor.SyncEnteringLevels"/>).</param>
    public static LobsterCheckResult Run(IReadOnlyList<LobsterMessage> messages, IReadOnlyList<LobsterBookRow> rows, int levels, bool reveal = false)
    {
        if (messages.Count != rows.Count) throw new ArgumentException($"{messages.Count} messages but {rows.Count} orderbook rows: the files must have one row per message");
        if (messages.Count == 0) return new LobsterCheckResult(0, levels, 0, -1, null, 0, 0, 0, 0, 0, 0, 0, 0, 1, reveal, 0, 0, Array.Empty<string>(), 0, 0);
        if (levels < 1 || levels > rows[0].Levels) throw new ArgumentOutOfRangeException(nameof(levels), levels, $"must be 1..{rows[0].Levels} (the file's depth)");

        var options = LobsterBookReconstructor.OptionsFor(messages, rows[0]);
        var recon = new LobsterBookReconstructor(rows[0], messages[0], options);
        var book = recon.Book;
        var depth = new LevelView[levels];
        int matching = 0, firstBad = -1, unseen = 0, other = 0, synced = 0, matchingUnsynced = 0;
        string? firstText = null;
        var shown = new List<string>();
        for (var i = 0; i < messages.Count; i++)
        {
            recon.Apply(messages[i]);
            var row = rows[i];
            var rowSynced = reveal && recon.SyncEnteringLevels(i == 0 ? rows[0] : rows[i - 1], row);
            if (rowSynced) synced++;
            string? diff = null;
            var atUnseenLevel = false;
            foreach (var side in new[] { Side.Sell, Side.Buy })
            {
                var n = book.GetDepth(side, depth);
                for (var k = 0; k < levels && diff is null; k++)
                {
                    var fileHas = row.Has(side, k);
                    var ours = k < n;
                    if (!fileHas && !ours) continue;
                    if (fileHas && ours && row.Price(side, k) == depth[k].Price && row.Size(side, k) == depth[k].Quantity) continue;
                    var expected = fileHas ? $"{row.Size(side, k)}@{row.Price(side, k)}" : "empty";
                    var actual = ours ? $"{depth[k].Quantity}@{depth[k].Price}" : "empty";
                    diff = $"level {k + 1} {(side == Side.Buy ? "bid" : "ask")}: file {expected}, reconstructed {actual}";
                    // The file shows a price at which the reconstruction holds nothing: liquidity it never saw.
                    atUnseenLevel = fileHas && book.OrdersAt(side, row.Price(side, k)).Count == 0;
                }
            }
            if (diff is null)
            {
                matching++;
                if (!rowSynced) matchingUnsynced++;
                continue;
            }
            if (atUnseenLevel) unseen++; else other++;
            if (shown.Count < MismatchesKept)
            {
                var m = messages[i];
                shown.Add(string.Create(CultureInfo.InvariantCulture,
                    $"row {i + 1} (time {m.Time.TotalSeconds:F9}s, message type {(int)m.Type} {m.Type} id {m.OrderId} size {m.Size} price {m.Price} direction {m.Direction}): {diff}"));
            }
            if (firstBad < 0)
            {
                firstBad = i;
                firstText = shown[0];
            }
        }
        return new LobsterCheckResult(messages.Count, levels, matching, firstBad, firstText, unseen, other,
            recon.SyntheticOrders, recon.SyntheticHits, recon.Unresolved, recon.Oversized, recon.CrossingSubmissions, recon.DuplicateSubmissions, options.TickSize, reveal, recon.ResyncedLevels, recon.PrunedOrders, shown, synced, matchingUnsynced);
    }
}
