using System.Text.Json.Serialization;

namespace LiquidityLab.Analytics.Reports;

/// <summary>A report: sections of text, tables and charts. Knows nothing of any simulation.</summary>
public sealed record ReportDocument(string Title, string Subtitle, IReadOnlyList<ReportSection> Sections);

public sealed record ReportSection(string Title, IReadOnlyList<ReportBlock> Blocks, string? Text = null);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TableBlock), "table")]
[JsonDerivedType(typeof(NoteBlock), "note")]
[JsonDerivedType(typeof(LineChart), "line")]
[JsonDerivedType(typeof(HeatmapChart), "heatmap")]
[JsonDerivedType(typeof(BarChart), "bar")]
[JsonDerivedType(typeof(ScatterChart), "scatter")]
public abstract record ReportBlock;

/// <summary>A table of preformatted cells.</summary>
public sealed record TableBlock(string? Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>A paragraph of explanation or a warning the reader should see.</summary>
public sealed record NoteBlock(string Text, bool Warning = false) : ReportBlock;

/// <summary>One line of a line chart; <see cref="Step"/> draws it as a staircase (quotes, inventory).</summary>
public sealed record Series(string Name, IReadOnlyList<double?> Values, bool Step = false, bool Dashed = false);

/// <summary>A horizontal reference line, e.g. an inventory limit.</summary>
public sealed record ReferenceLine(string Name, double Value);

/// <summary>Series over a shared x axis; zoomable, with hover values and legend toggles.</summary>
public sealed record LineChart(string Title, string XLabel, string YLabel, IReadOnlyList<double> X, IReadOnlyList<Series> Series,
    IReadOnlyList<ReferenceLine>? ReferenceLines = null, IReadOnlyList<ChartMarker>? Markers = null) : ReportBlock;

/// <summary>A labelled point drawn over a line chart, e.g. a risk intervention on the equity curve.</summary>
public sealed record ChartMarker(string Label, double X, double Y);

/// <summary>Values over two categorical axes; Values[y][x], null for a missing cell.</summary>
public sealed record HeatmapChart(string Title, string XLabel, string YLabel, IReadOnlyList<string> XCategories,
    IReadOnlyList<string> YCategories, IReadOnlyList<IReadOnlyList<double?>> Values, string ValueLabel) : ReportBlock;

/// <summary>Bars per category for one or more series (histograms, metric comparisons).</summary>
public sealed record BarChart(string Title, string XLabel, string YLabel, IReadOnlyList<string> Categories, IReadOnlyList<Series> Series) : ReportBlock;

/// <summary>Points (x, y) for one or more named groups.</summary>
public sealed record ScatterChart(string Title, string XLabel, string YLabel, IReadOnlyList<ScatterSeries> Series) : ReportBlock;

public sealed record ScatterSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);
