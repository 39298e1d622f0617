/// The look of ``ThemeHTMLRenderer``: its style sheet and chart colours.
///
/// A light theme with the system's fonts (nothing to fetch), readable line length, tabular
/// figures, a layout that reflows on narrow screens (where charts keep a legible size and scroll
/// sideways instead of shrinking), and print rules (no page break inside a
/// theme or chart, colours kept). Colours are colour-blind safe: sentiment uses ColorBrewer's
/// diverging RdBu scheme with a grey middle, channels the Okabe–Ito palette; every bar also
/// carries its figures as text and tooltip, so colour is never the only carrier. Text colours meet
/// WCAG AA contrast on their backgrounds.
extension ThemeHTMLRenderer {
    /// A sentiment band's name, compound range and colour, in ``ThemeStatistics/sentimentBands``
    /// order (most negative first).
    static let sentimentBands: [(name: String, range: String, colour: String)] = [
        ("very negative", "c ≤ −0.5", "#ca0020"),
        ("negative", "−0.5 < c ≤ −0.05", "#f4a582"),
        ("neutral", "−0.05 < c < 0.05", "#bababa"),
        ("positive", "0.05 ≤ c < 0.5", "#92c5de"),
        ("very positive", "c ≥ 0.5", "#0571b0"),
    ]

    /// The pain bars' colour.
    static let painColour = "#a63603"

    /// A channel's colour (Okabe–Ito).
    static func colour(of channel: Channel) -> String {
        switch channel {
        case .chat: "#0072b2"
        case .email: "#e69f00"
        case .social: "#009e73"
        case .voiceTranscript: "#cc79a7"
        case .other: "#6e6e6e"
        }
    }

    /// The page's style sheet (inline: the page fetches nothing).
    static let styleSheet: StaticString = """
        :root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --panel: #f5f5f5; --accent: #a63603; }
        * { box-sizing: border-box; }
        html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.5; color: var(--ink); background: #fff; }
        body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1rem 3rem; }
        h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--rule); }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
        h4 { font-size: .85rem; margin: 1rem 0 .35rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        a { color: #08519c; }
        .meta, .note, figcaption, caption { color: var(--muted); font-size: .9rem; }
        caption { text-align: left; padding-bottom: .25rem; }
        .lead { font-size: 1.1rem; }
        .headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; margin: 1rem 0; }
        .headline div, .stats div { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: .5rem .75rem; }
        .headline dt, .stats dt { font-size: .85rem; color: var(--muted); }
        .headline dd { margin: 0; font-size: 1.35rem; font-weight: 600; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
        .headline .detail { display: block; font-size: .85rem; font-weight: 400; color: var(--muted); }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
        th, td { text-align: left; padding: .25rem .9rem .25rem 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
        .num { text-align: right; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
        .problems { font-size: .9rem; }
        figure { margin: 1rem 0; }
        svg.chart { display: block; width: 100%; height: auto; }
        svg.chart text { fill: #1a1a1a; font-size: 13px; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        svg.chart text.value { fill: var(--muted); font-variant-numeric: tabular-nums; }
        .legend { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; padding: 0; margin: .5rem 0; font-size: .9rem; }
        .swatch { display: inline-block; vertical-align: -1px; margin-right: .35rem; }
        .theme { border: 1px solid var(--rule); border-radius: 8px; padding: 1rem 1.25rem; margin: 1.25rem 0; }
        .theme h3 { margin-top: 0; overflow-wrap: anywhere; }
        .rank { color: var(--accent); margin-right: .2rem; }
        .stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .5rem; margin: .5rem 0; }
        .stats dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
        .bands { margin: .25rem 0; font-size: .9rem; }
        .what { color: var(--muted); }
        .terms { list-style: none; display: flex; flex-wrap: wrap; gap: .35rem; padding: 0; margin: 0; }
        .terms li { background: var(--panel); border: 1px solid var(--rule); border-radius: 999px; padding: .05rem .65rem; font-size: .9rem; overflow-wrap: anywhere; }
        .weight { color: var(--muted); font-size: .8rem; margin-left: .35rem; font-variant-numeric: tabular-nums; }
        figure.quote { margin: .6rem 0; }
        blockquote { margin: 0; padding: .4rem .9rem; border-left: 4px solid var(--accent); background: var(--panel); }
        blockquote p { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
        figure.quote figcaption { margin-top: .2rem; font-size: .8rem; }
        .more { font-style: italic; }
        @media (max-width: 40rem) {
          body { padding: 1rem .6rem 2rem; }
          .headline dd { font-size: 1.1rem; }
          .theme { padding: .75rem; }
          figure.chart { overflow-x: auto; }
          svg.chart { min-width: 36rem; }
        }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          h2, h3 { break-after: avoid; }
          .theme, figure, table { break-inside: avoid; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
