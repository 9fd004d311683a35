namespace LiquidityLab.Results.Tests;

public class StoreTimeTests
{
    [Fact]
    public void Text_IsFixedWidthUtcToTheMillisecond_AndRoundTrips()
    {
        var t = new DateTimeOffset(2025, 6, 1, 14, 30, 5, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        Assert.Equal("2025-06-01T12:30:05.123Z", StoreTime.ToText(t));
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 12, 30, 5, 123, TimeSpan.Zero), StoreTime.FromText(StoreTime.ToText(t)));
    }

    [Theory]
    [InlineData("2025-06-01", false, "2025-06-01T00:00:00.000Z")]
    [InlineData("2025-06-01", true, "2025-06-02T00:00:00.000Z")]
    [InlineData("2025-06-01T14:30:00Z", false, "2025-06-01T14:30:00.000Z")]
    [InlineData("2025-06-01T14:30:00", true, "2025-06-01T14:30:00.000Z")]
    [InlineData("2025-06-01T14:30:00+02:00", false, "2025-06-01T12:30:00.000Z")]
    public void ParseBound_ReadsDaysAndTimes_DaysAsUpperBoundIncludeTheDay(string text, bool upper, string expected) =>
        Assert.Equal(expected, StoreTime.ToText(StoreTime.ParseBound(text, upper)));

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-13-01")]
    [InlineData("06/01/2025")]
    [InlineData("")]
    public void ParseBound_RejectsAnythingElse_Clearly(string text)
    {
        var e = Assert.Throws<StoreInputException>(() => StoreTime.ParseBound(text, false));
        Assert.Contains("expected YYYY-MM-DD", e.Message);
    }
}
