using System.Globalization;

namespace LiquidityLab.Results;

/// <summary>
/// Wall-clock instants as the store keeps them: UTC text of fixed width to the millisecond
/// (<c>2025-06-01T14:30:00.000Z</c>), so text order is time order and filters compare strings.
/// </summary>
public static class StoreTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string ToText(DateTimeOffset t) => t.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Truncates to what the store keeps (whole milliseconds, UTC).</summary>
    public static DateTimeOffset Stored(DateTimeOffset t) => FromText(ToText(t));

    /// <summary>
    /// Reads a filter bound given on the command line: a day <c>YYYY-MM-DD</c> (UTC) or an ISO 8601
    /// time (<c>2025-06-01T14:30:00Z</c>; no offset means UTC). A day as the upper bound
    /// (<paramref name="upper"/>) includes the whole day.
    /// </summary>
    /// <exception cref="StoreInputException">Not a date or time in either form.</exception>
    public static DateTimeOffset ParseBound(string text, bool upper)
    {
        var s = text.Trim();
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return upper ? start.AddDays(1) : start;
        }
        if (s.Contains('T', StringComparison.Ordinal) &&
            DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            return t;
        throw new StoreInputException($"bad date '{text}': expected YYYY-MM-DD or an ISO 8601 time such as 2025-06-01T14:30:00Z (UTC unless an offset is given)");
    }
}
