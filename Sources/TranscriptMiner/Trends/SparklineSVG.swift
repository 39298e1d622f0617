/// A small inline SVG line chart of a series (a theme's share run by run), for the HTML
/// renderings: no script, no external resource; the values are also given as text in its title.
enum SparklineSVG {
    /// The `<svg>` element for `values` (`nil` = no data for that run, drawn as a gap), with
    /// `title` as its accessible name. The last point is marked.
    /// - Complexity: O(values).
    static func write(_ values: [Double?], title: String, width: Double = 96, height: Double = 22, into html: inout HTMLWriter) {
        let top = values.compactMap { $0 }.max() ?? 0
        let step = values.count > 1 ? (width - 4) / Double(values.count - 1) : 0
        func point(_ index: Int, _ value: Double) -> String {
            let x = 2 + Double(index) * step
            let y = height - 2 - (top > 0 ? value / top : 0) * (height - 4)
            return ThemeHTMLRenderer.coordinate(x) + "," + ThemeHTMLRenderer.coordinate(y)
        }
        html.open("svg", ["class": "sparkline", "role": "img", "width": ThemeHTMLRenderer.coordinate(width),
                          "height": ThemeHTMLRenderer.coordinate(height), "viewBox": "0 0 \(ThemeHTMLRenderer.coordinate(width)) \(ThemeHTMLRenderer.coordinate(height))"])
        html.element("title", title)
        var segment: [String] = []
        func flush(_ html: inout HTMLWriter) {
            if segment.count > 1 { html.empty("polyline", ["points": segment.joined(separator: " "), "fill": "none", "stroke": "#08519c", "stroke-width": "1.5"]) }
            segment = []
        }
        for (index, value) in values.enumerated() {
            if let value { segment.append(point(index, value)) } else { flush(&html) }
        }
        flush(&html)
        if let last = values.indices.last, let value = values[last] {
            let xy = point(last, value).split(separator: ",").map(String.init)
            html.empty("circle", ["cx": xy[0], "cy": xy[1], "r": "2", "fill": "#08519c"])
        }
        html.close("svg")
    }

    /// The text of a sparkline's title: "Share by run: 2.0 %, 2.4 %, 6.1 %".
    static func title(_ values: [Double?]) -> String {
        "Share by run: " + values.map { $0.map(ReportNumbers.percent) ?? "no data" }.joined(separator: ", ")
    }
}
