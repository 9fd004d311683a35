using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using LiquidityLab.Strategies.Optimal;

namespace LiquidityLab.Simulation.MonteCarlo;

/// <summary>
/// The fill engine's tilt e^(−k·skew), skew = (δb − δa)/2, by step and inventory, for a study whose
/// maker quotes from (T − t, q) alone: σ the same in every path at every step, not estimated. The
/// inventory moves in whole orders, so at any step a lane's skew is one of a few values; the table
/// holds the 32 inventories q0 + j·size, j = −16 … 15, and a block whose lanes are all among them
/// reads its tilts with two permutes instead of one vector exponential. Entries come from the same
/// quote and exponential routines the engine runs on the lanes, so a value read equals the value
/// computed, bit for bit; a block with any lane outside the table computes its exponential as before.
/// </summary>
internal sealed class TiltTable
{
    public const int Inventories = 32;
    private const int Below = Inventories / 2;

    /// <summary>Beyond this many steps the table (256 bytes a step) is not built.</summary>
    public const int MaxSteps = 1 << 16;

    /// <summary>Vectors per step: the entries j = −16…−9, −8…−1, 0…7 and 8…15.</summary>
    public const int RowVectors = 4;

    private readonly AlignedScratch<Vector512<double>> _rows;

    private TiltTable(int steps, double q0, double size)
    {
        _rows = new AlignedScratch<Vector512<double>>(steps * RowVectors);
        Reader = new TiltReader(q0, size);
    }

    /// <summary>The rows, <see cref="RowVectors"/> per step.</summary>
    public Span<Vector512<double>> Rows => _rows.Span;

    public TiltReader Reader { get; }

    /// <summary>The table for this study, or null when its quotes depend on more than (T − t, q) or the CPU lacks AVX-512 permutes.</summary>
    public static TiltTable? TryBuild<TQuoting>(MonteCarloSetup setup, TQuoting quoting, double? constantSigma)
        where TQuoting : struct, IModelQuoting
    {
        if (!Avx512F.IsSupported || constantSigma is not { } sigma || setup.VolatilityEstimate is not null || setup.Steps > MaxSteps) return null;
        var size = setup.Fills.OrderSize;
        var table = new TiltTable(setup.Steps, setup.InitialInventory, size);
        var rows = table.Rows;
        var sigmaV = Vector512.Create(sigma);
        var negK = Vector512.Create(-setup.Fills.K);
        var dt = setup.Dt;
        Span<double> j = stackalloc double[Vector512<double>.Count];
        for (var t = 0; t < setup.Steps; t++)
        {
            var timeLeft = setup.Horizon - t * dt; // as the engine computes it
            for (var r = 0; r < RowVectors; r++)
            {
                for (var i = 0; i < j.Length; i++) j[i] = r * j.Length + i - Below;
                var inventory = table.Reader.Inventory(Vector512.Create<double>(j));
                quoting.Quote(timeLeft, inventory, sigmaV, out var bid, out var ask);
                rows[t * RowVectors + r] = Vector512.Exp(negK * ((bid - ask) * 0.5));
            }
        }
        return table;
    }
}

/// <summary>Reads a <see cref="TiltTable"/> row; a small value the engine keeps in registers.</summary>
internal readonly struct TiltReader(double q0, double size)
{
    private const int Below = TiltTable.Inventories / 2;
    private readonly Vector512<double> _q0 = Vector512.Create(q0), _size = Vector512.Create(size), _invSize = Vector512.Create(1 / size);

    /// <summary>The inventory of entry j (j from −16): q0 + j·size, computed the one way both the table and the check use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Inventory(Vector512<double> j) => _q0 + j * _size;

    /// <summary>The tilts in <paramref name="row"/> (a step's first vector) for inventories <paramref name="q"/>, when every lane's inventory is in the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(ref Vector512<double> row, Vector512<double> q, out Vector512<double> tilt)
    {
        var j = Vector512.Round((q - _q0) * _invSize);
        var inTable = Vector512.Equals(Inventory(j), q)
                      & Vector512.GreaterThanOrEqual(j, Vector512.Create<double>(-Below))
                      & Vector512.LessThan(j, Vector512.Create<double>(Below));
        if (!Vector512.EqualsAll(inTable.AsUInt64(), Vector512<ulong>.AllBitsSet))
        {
            tilt = default;
            return false;
        }
        // vpermt2pd picks from 16 entries by the index's low four bits; the sign of j picks the half.
        var index = Vector512.ConvertToInt64(j + Vector512.Create<double>(Below));
        var low = Avx512F.PermuteVar8x64x2(row, index, Unsafe.Add(ref row, 1));
        var high = Avx512F.PermuteVar8x64x2(Unsafe.Add(ref row, 2), index, Unsafe.Add(ref row, 3));
        tilt = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(j, Vector512<double>.Zero), high, low);
        return true;
    }
}
