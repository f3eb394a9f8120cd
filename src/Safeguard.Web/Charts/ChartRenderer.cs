using System.Globalization;
using System.Xml.Linq;
using Safeguard.Core.Measures.Framework;
using ScottPlot;

namespace Safeguard.Web.Charts;

/// <summary>One line of a trend chart: a unit (a BCU, a local authority, or the whole force) and its figure per month;
/// months with nothing counted have no point.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>One point: the month, the figure drawn and the exact figure in words ("92.3% (12 of 13)").</summary>
public sealed record ChartPoint(MonthKey Month, double Value, string Label);

/// <summary>A trend chart drawn on the server as SVG (ScottPlot 5 on SkiaSharp), so that it works without JavaScript and
/// inside the strict content security policy (the page shows it with an <c>img</c> from a route of its own), and so that
/// the same image can go into a printed report (issue 12 point 2).</summary>
/// <remarks>Readable without colour: every line has its own marker shape and line pattern, a legend names them, the
/// last point of each line is labelled with its unit, and the target is a dashed black line labelled "Target". Exact
/// values are written beside the points when there are few enough to read (and are always in the table under the
/// chart). Each point and the target also carry an SVG <c>title</c> (a tooltip where the SVG is opened on its own),
/// and the chart has a <c>title</c> and <c>desc</c> as its text alternative.</remarks>
public static class ChartRenderer
{
    public const int Width = 800, Height = 400;

    /// <summary>The most points labelled with their value on the chart; beyond this the table under the chart holds them.</summary>
    public const int MaxLabelledPoints = 40;

    // The Okabe–Ito palette: told apart by people with the common colour vision deficiencies.
    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"), Color.FromHex("#F0E442"),
    ];

    private static readonly MarkerShape[] Markers =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond,
    ];

    // Dashed is kept for the target.
    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dotted, LinePattern.DenselyDashed];

    /// <summary>The SVG of a trend chart over <paramref name="months"/>: one line per series, the target (if any) as a
    /// dashed line. <paramref name="axis"/> names the figure ("Per cent", "Days", "Number").</summary>
    public static string Trend(string title, string description, IReadOnlyList<MonthKey> months, IReadOnlyList<ChartSeries> series,
        double? target, string axis, bool percent)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(axis);
        var index = months.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => (double)x.i);
        var labelled = series.Sum(s => s.Points.Count) <= MaxLabelledPoints;
        var max = series.SelectMany(s => s.Points).Select(p => p.Value).DefaultIfEmpty(0).Max();
        max = Math.Max(max, target ?? 0);
        for (var n = 0; n < series.Count; n++)
        {
            var s = series[n];
            var points = s.Points.Where(p => index.ContainsKey(p.Month)).OrderBy(p => p.Month).ToList();
            if (points.Count == 0) continue;
            var xs = points.Select(p => index[p.Month]).ToArray();
            var ys = points.Select(p => p.Value).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = s.Name;
            line.Color = Palette[n % Palette.Length];
            line.MarkerShape = Markers[n % Markers.Length];
            line.MarkerSize = 9;
            line.LineWidth = 2;
            line.LinePattern = Patterns[n % Patterns.Length];
            if (labelled)
                foreach (var p in points)
                {
                    var text = plot.Add.Text(Short(p.Value, percent), index[p.Month], p.Value);
                    text.LabelFontSize = 11;
                    text.LabelFontColor = Colors.Black;
                    text.LabelAlignment = Alignment.LowerCenter;
                    text.OffsetY = -6;
                }
            var last = points[^1];
            var name = plot.Add.Text(s.Name, index[last.Month], last.Value);
            name.LabelFontSize = 11;
            name.LabelFontColor = Palette[n % Palette.Length] == Palette[7] ? Colors.Black : Palette[n % Palette.Length];
            name.LabelAlignment = Alignment.MiddleLeft;
            name.OffsetX = 10;
        }
        if (target is { } t)
        {
            var line = plot.Add.HorizontalLine(t);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Black;
            line.LineWidth = 2;
            line.LegendText = "Target " + Short(t, percent);
        }
        var step = Math.Max(1, (int)Math.Ceiling(months.Count / 12.0));
        var ticks = months.Select((m, i) => (m, i)).Where(x => x.i % step == 0).ToList();
        plot.Axes.Bottom.SetTicks(ticks.Select(x => (double)x.i).ToArray(), ticks.Select(x => x.m.Short).ToArray());
        // Room on the right for the direct labels; the figure's axis starts at 0 so that differences are not exaggerated.
        plot.Axes.SetLimitsX(-0.5, Math.Max(1, months.Count - 1) + 1.5);
        plot.Axes.SetLimitsY(0, percent ? Math.Max(105, max * 1.1) : Math.Max(1, max * 1.2));
        plot.ShowLegend(Edge.Bottom);
        return Accessible(plot.GetSvgXml(Width, Height), title, description, series, target, percent);
    }

    /// <summary>The figure as written on a chart: "92.3%", "4.5".</summary>
    public static string Short(double value, bool percent) =>
        value.ToString("0.#", CultureInfo.GetCultureInfo("en-GB")) + (percent ? "%" : "");

    /// <summary>Adds the text alternative (<c>role="img"</c>, <c>title</c>, <c>desc</c>) and, as a last group, an
    /// invisible <c>title</c> per point and for the target, so the exact figures travel with the image.</summary>
    private static string Accessible(string svg, string title, string description, IReadOnlyList<ChartSeries> series, double? target, bool percent)
    {
        var doc = XDocument.Parse(svg);
        var root = doc.Root!;
        XNamespace ns = root.Name.Namespace;
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-labelledby", "chart-title chart-desc");
        var figures = new XElement(ns + "g", new XAttribute("class", "figures"));
        foreach (var s in series)
            foreach (var p in s.Points)
                figures.Add(new XElement(ns + "title", $"{s.Name}, {p.Month.Long}: {p.Label}"));
        if (target is { } t) figures.Add(new XElement(ns + "title", "Target: " + Short(t, percent)));
        root.AddFirst(new XElement(ns + "title", new XAttribute("id", "chart-title"), title),
            new XElement(ns + "desc", new XAttribute("id", "chart-desc"), description), figures);
        return doc.ToString(SaveOptions.DisableFormatting);
    }
}
