/// Renders a ``ThemeReport`` as one self-contained HTML5 page: a headline summary, inline SVG
/// charts (themes ranked by pain, sentiment distribution per theme, channel mix) and, for each
/// theme, its numbers, phrases, terms and exemplar quotes.
///
/// ```swift
/// let report = ThemeReport(result: result, ingestion: summary, settings: [.init("k", "20")])
/// let html = ThemeHTMLRenderer(title: "Support themes, March").render(report)
/// try html.write(toFile: "themes.html", atomically: true, encoding: .utf8)
/// ```
///
/// **Self-contained and inert.** The page has inline CSS and inline SVG only: no script, no
/// font, image, style sheet or link fetched from anywhere, and a Content-Security-Policy
/// (`default-src 'none'; style-src 'unsafe-inline'; img-src data:`) that would stop a script
/// even if one got in. It opens from a file, an attachment or an archive, offline.
///
/// **Escaping.** Every piece of text from the report (labels, terms, quotes, transcript ids,
/// settings, input paths, problem messages, the title) is escaped for HTML (`&`, `<`, `>`, `"`,
/// `'`) in text and attribute contexts alike, SVG `<title>` tooltips included: a transcript
/// containing `<script>` or an `onerror=` attribute shows as that text. The guarantee is
/// structural: markup is written by an internal writer whose only unescaped input is string
/// literals (`StaticString`), so report text cannot reach the page without being escaped.
/// Report text never goes into attributes (charts are labelled by element ids), and chart
/// labels longer than `chartLabelLength` are cut (on characters, before escaping) with "…",
/// the whole label staying in the tooltip and in the theme's section.
///
/// **Deterministic.** The same report gives the same bytes: fixed orders (themes by rank,
/// channels in ``Channel/allCases`` order, rejection reasons by code), locale-independent
/// numbers with fixed decimals (pain 1, shares as percentages with 1, sentiment 2, weights 3),
/// and no date or wall-clock time unless `includeTimings` asks.
///
/// Shows ``ThemeReport/shownThemes`` (the first ``ThemeReport/top`` themes) and says how many
/// more were left out. A quote's caption names its transcript and turn, turns counted from 1 for
/// readers (``ThemeExemplar/turnIndex`` + 1; the JSON report keeps the 0-based index).
///
/// | parameter | type | default | effect |
/// |---|---|---|---|
/// | `title` | `String` | `"Customer-support themes"` | the page's `<title>` and heading (escaped) |
/// | `includeTimings` | `Bool` | `false` | `true` adds a table of the stages' wall-clock seconds; the page then differs from run to run |
/// | `chartLabelLength` | `Int` | `40` | characters of a theme label shown beside a chart bar (at least 8); longer labels are cut with "…" |
/// | `maximumProblems` | `Int` | `20` | ingestion problems listed (the first ones, in input order); `0` lists none, counts by reason are always shown |
///
/// - Complexity: O(t · (terms + quotes) + p + n) for t themes shown, p problems listed and n
///   conversations analysed (the overall sentiment and channel rows count them once).
public struct ThemeHTMLRenderer: ThemeReportRenderer {
    /// The page's title and main heading. Default `"Customer-support themes"`.
    public var title: String
    /// Whether to show the stages' wall-clock times. Default `false`, so that the same report
    /// renders to the same bytes.
    public var includeTimings: Bool
    /// Characters of a theme label shown beside a chart bar; longer labels are cut with "…".
    /// Default 40; values below 8 count as 8.
    public var chartLabelLength: Int
    /// How many ingestion problems to list. Default 20.
    public var maximumProblems: Int

    /// Creates a renderer; the defaults are documented in the table above.
    public init(
        title: String = "Customer-support themes", includeTimings: Bool = false, chartLabelLength: Int = 40,
        maximumProblems: Int = 20
    ) {
        self.title = title
        self.includeTimings = includeTimings
        self.chartLabelLength = chartLabelLength
        self.maximumProblems = maximumProblems
    }

    /// The page, ending with a newline.
    public func render(_ report: ThemeReport) -> String {
        var html = HTMLWriter()
        html.openPage(title: title, generator: "TranscriptMiner \(report.version)", styleSheet: Self.styleSheet,
                      meta: "TranscriptMiner \(report.version) · report schema \(ThemeReport.schema)")
        summary(report, into: &html)
        charts(report, into: &html)
        themes(report, into: &html)
        runDetails(report, into: &html)
        html.closePage()
        return html.output
    }

    // MARK: - Summary

    private func summary(_ report: ThemeReport, into html: inout HTMLWriter) {
        let result = report.result
        let ingestion = report.ingestion
        html.open("section", ["id": "summary", "aria-labelledby": "summary-heading"])
        html.element("h2", ["id": "summary-heading"], "Summary")
        html.newline()
        html.element("p", ["class": "lead"]) { html in
            var sentence =
                "\(Format.count(report.conversationCount)) conversations analysed, in \(Self.counted(result.themes.count, "theme", "themes"))"
            if result.unclustered.size > 0 {
                sentence += " (\(Format.count(result.unclustered.size)) unclustered)"
            }
            html.text(sentence + ".")
            if let top = result.themes.first {
                let pain = Format.fixed(top.statistics.painScore, decimals: 1), share = Format.percent(top.statistics.share)
                html.text(" The most painful theme is ")
                if report.shownThemes.isEmpty {
                    html.text("“\(Self.displayLabel(top))”")
                } else {
                    html.element("a", ["href": "#theme-\(top.id)"], "“\(Self.displayLabel(top))”")
                }
                html.text(": pain \(pain), \(share) of conversations.")
            }
        }
        html.newline()
        html.open("dl", ["class": "headline"])
        // A report made without ingestion counts (a library caller's own transcripts) shows none.
        if ingestion.recordsRead > 0 || ingestion.recordsRejected > 0 {
            headline(&html, "Conversations read", Format.count(ingestion.recordsRead))
            headline(&html, "Rejected", Format.count(ingestion.recordsRejected))
        }
        if report.filteredOut > 0 { headline(&html, "Filtered out", Format.count(report.filteredOut)) }
        headline(&html, "Analysed", Format.count(report.conversationCount))
        headline(&html, "Themes", Format.count(result.themes.count))
        headline(&html, "Unclustered", "\(Format.count(result.unclustered.size)) (\(Format.percent(result.unclustered.share)))")
        if let top = result.themes.first {
            headline(&html, "Top pain theme", Self.displayLabel(top), detail: "pain \(Format.fixed(top.statistics.painScore, decimals: 1))")
        }
        html.close("dl")
        html.newline()
        ingestionTables(report, into: &html)
        html.close("section")
        html.newline()
    }

    private func headline(_ html: inout HTMLWriter, _ name: String, _ value: String, detail: String? = nil) {
        html.element("div") { html in
            html.element("dt", name)
            html.element("dd") { html in
                html.text(value)
                if let detail { html.element("span", ["class": "detail"], detail) }
            }
        }
    }

    private func ingestionTables(_ report: ThemeReport, into html: inout HTMLWriter) {
        let ingestion = report.ingestion
        let groups: [(String, [IngestionProblem.Code: Int])] = [
            ("Rejected records by reason", ingestion.rejectedByCode),
            ("Repaired records by reason", ingestion.repairedByCode),
            ("Input problems by reason", ingestion.fileProblemsByCode),
        ]
        for (caption, counts) in groups where !counts.isEmpty {
            html.element("table", ["class": "reasons"]) { html in
                html.element("caption", caption)
                html.raw("<thead><tr><th scope=\"col\">Reason</th><th scope=\"col\" class=\"num\">Records</th></tr></thead><tbody>")
                for (code, count) in counts.sorted(by: { $0.key < $1.key }) {
                    html.open("tr")
                    html.element("td") { $0.element("code", code.rawValue) }
                    html.element("td", ["class": "num"], Format.count(count))
                    html.close("tr")
                }
                html.raw("</tbody>")
            }
            html.newline()
        }
        if ingestion.filesRead > 0 || ingestion.filesFailed > 0 {
            html.element(
                "p", ["class": "note"],
                "\(Self.counted(ingestion.filesRead, "input", "inputs")) read, \(Format.count(ingestion.filesFailed)) failed.")
            html.newline()
        }
        let problems = ingestion.problems.prefix(max(0, maximumProblems))
        guard !problems.isEmpty else { return }
        let repaired: Int = ingestion.repairedByCode.values.reduce(0, +)
        let fileProblems: Int = ingestion.fileProblemsByCode.values.reduce(0, +)
        let total = max(ingestion.recordsRejected + repaired + fileProblems, problems.count)
        html.element("p", ["class": "note"], "The first \(Self.counted(problems.count, "problem", "problems")) of \(Format.count(total)):")
        html.open("ul", ["class": "problems"])
        for problem in problems {
            html.element("li") { html in
                html.element("code", problem.location.description)
                html.text(" ")
                html.element("code", problem.code.rawValue)
                html.text(" \(problem.reason) (\(problem.isRejection ? "rejected" : "repaired"))")
            }
        }
        html.close("ul")
        html.newline()
    }

    // MARK: - Themes

    private func themes(_ report: ThemeReport, into html: inout HTMLWriter) {
        html.open("section", ["id": "themes", "aria-labelledby": "themes-heading"])
        html.element("h2", ["id": "themes-heading"], "Themes")
        html.newline()
        if report.result.themes.isEmpty { html.element("p", ["class": "note"], "No theme was found.") }
        if let history = report.history {
            html.element("p", ["class": "note"], TrendText.historyLine(history) + ".")
        }
        for theme in report.shownThemes {
            themeArticle(theme, history: report.history, into: &html)
        }
        moreThemes(report, into: &html)
        html.close("section")
        html.newline()
    }

    private func themeArticle(_ theme: Theme, history: ThemeReportHistory?, into html: inout HTMLWriter) {
        let s = theme.statistics
        let id = "theme-\(theme.id)"
        html.open("article", ["class": "theme", "id": id, "aria-labelledby": "\(id)-heading"])
        html.element("h3", ["id": "\(id)-heading"]) { html in
            html.element("span", ["class": "rank"], "#\(theme.rank)")
            html.text(" ")
            html.element("span", ["class": "label"], Self.displayLabel(theme))
        }
        html.newline()
        html.open("dl", ["class": "stats"])
        stat(&html, "Conversations", "\(Format.count(s.size)) (\(Format.percent(s.share)))")
        stat(&html, "Pain score", Format.fixed(s.painScore, decimals: 1))
        stat(&html, "Mean sentiment", Format.signed(s.meanSentiment))
        stat(&html, "Negative", Format.percent(s.negativeShare))
        stat(&html, "Ends worse", "\(Format.percent(s.endsWorseShare)) (\(Format.count(s.multiTurnCount)) multi-turn)")
        stat(&html, "Customer turns", "\(Format.fixed(s.meanCustomerTurns, decimals: 1)) on average")
        if let history {
            let trend = history.trend(of: theme)
            html.element("div", ["class": "trend"]) { html in
                html.element("dt", "Trend" + (history.stableID(of: theme).map { " (theme #\($0))" } ?? ""))
                html.element("dd") { html in
                    html.text((trend.map(TrendText.cell) ?? "—") + " ")
                    if let trend { SparklineSVG.write(trend.shares, title: SparklineSVG.title(trend.shares), into: &html) }
                }
            }
        }
        html.close("dl")
        html.newline()
        html.element("p", ["class": "bands"]) { html in
            html.element("span", ["class": "what"], "Sentiment: ")
            let bands: [String] = zip(Self.sentimentBands, s.sentimentBands).map { band, count in "\(band.name) \(Format.count(count))" }
            html.text(bands.joined(separator: " · "))
        }
        html.element("p", ["class": "bands"]) { html in
            html.element("span", ["class": "what"], "Channels: ")
            let channels: [String] = s.channels.map { "\($0.channel.rawValue) \(Format.count($0.count))" }
            html.text(channels.isEmpty ? "none" : channels.joined(separator: " · "))
        }
        html.newline()
        weightedList("Phrases", theme.labelTerms.map { ($0.term, $0.weight) }, into: &html)
        weightedList("Terms", theme.terms, into: &html)
        html.element("h4", "Quotes")
        if theme.exemplars.isEmpty { html.element("p", ["class": "note"], "No quote.") }
        for exemplar in theme.exemplars {
            html.element("figure", ["class": "quote"]) { html in
                html.element("blockquote") { $0.element("p", exemplar.text) }
                let similarity = Format.fixed(exemplar.similarity, decimals: 2)
                html.element("figcaption", "Transcript \(exemplar.transcriptID), turn \(exemplar.turnIndex + 1) · similarity \(similarity)")
            }
        }
        html.close("article")
        html.newline()
    }

    private func stat(_ html: inout HTMLWriter, _ name: String, _ value: String) {
        html.element("div") { html in
            html.element("dt", name)
            html.element("dd", value)
        }
    }

    private func weightedList(_ heading: String, _ terms: [(term: String, weight: Double)], into html: inout HTMLWriter) {
        html.element("h4", heading)
        if terms.isEmpty {
            html.element("p", ["class": "note"], "None.")
            return
        }
        html.element("ul", ["class": "terms"]) { html in
            for (term, weight) in terms {
                html.element("li") { html in
                    html.element("span", ["class": "term"], term)
                    html.element("span", ["class": "weight"], Format.fixed(weight, decimals: 3))
                }
            }
        }
        html.newline()
    }

    /// "N more themes not shown", when ``ThemeReport/top`` cuts.
    func moreThemes(_ report: ThemeReport, into html: inout HTMLWriter) {
        let hidden = report.result.themes.count - report.shownThemes.count
        guard hidden > 0 else { return }
        html.element(
            "p", ["class": "more"],
            "\(Self.counted(hidden, "more theme", "more themes")) not shown (the report shows the top \(report.shownThemes.count)).")
        html.newline()
    }

    // MARK: - Run details

    private func runDetails(_ report: ThemeReport, into html: inout HTMLWriter) {
        let result = report.result
        html.open("section", ["id": "run", "aria-labelledby": "run-heading"])
        html.element("h2", ["id": "run-heading"], "About this run")
        html.newline()
        html.element("h3", "Unclustered conversations")
        let u = result.unclustered
        html.element(
            "p",
            "\(Format.count(u.size)) conversations are in no theme: \(Format.count(result.unclusteredWithoutTerms)) without any term, "
                + "\(Format.count(result.unclusteredBelowSimilarity)) too far from every theme. "
                + "Pain \(Format.fixed(u.painScore, decimals: 1)), mean sentiment \(Format.signed(u.meanSentiment)).")
        html.newline()
        html.element("h3", "Model")
        let vocabulary = Self.counted(result.vocabularySize, "term", "terms"),
            iterations = Self.counted(result.iterations, "iteration", "iterations")
        html.element(
            "p", "Vocabulary of \(vocabulary); k-means ran \(iterations) (objective \(Format.fixed(result.objective, decimals: 3)))"
                + (result.fittedDocuments.map { " on a sample of \(Format.count($0)) conversations drawn by id; every conversation was then assigned to its nearest theme" } ?? "")
                + ".")
        html.newline()
        if !result.merges.isEmpty {
            let merges: [String] = result.merges.map { merge in
                let clusters: [String] = merge.clusters.map { String($0) }
                return "\(clusters.joined(separator: " + ")) (similarity \(Format.fixed(merge.similarity, decimals: 2)))"
            }
            html.element("p", "Near-duplicate clusters merged: \(merges.joined(separator: "; ")).")
            html.newline()
        }
        if !report.settings.isEmpty {
            html.element("h3", "Settings")
            html.element("table", ["class": "settings"]) { html in
                html.raw("<thead><tr><th scope=\"col\">Setting</th><th scope=\"col\">Value</th></tr></thead><tbody>")
                for setting in report.settings {
                    html.open("tr")
                    html.element("th", ["scope": "row"]) { $0.element("code", setting.name) }
                    html.element("td", setting.value)
                    html.close("tr")
                }
                html.raw("</tbody>")
            }
            html.newline()
        }
        if !report.inputs.isEmpty {
            html.element("h3", "Inputs")
            html.element("table", ["class": "inputs"]) { html in
                html.raw(
                    "<thead><tr><th scope=\"col\">Path</th><th scope=\"col\" class=\"num\">Bytes</th><th scope=\"col\">SHA-256</th></tr></thead><tbody>"
                )
                for input in report.inputs {
                    html.open("tr")
                    html.element("td") { $0.element("code", input.path) }
                    html.element("td", ["class": "num"], Format.count(input.bytes))
                    html.element("td") { $0.element("code", input.sha256 ?? "—") }
                    html.close("tr")
                }
                html.raw("</tbody>")
            }
            html.newline()
        }
        if includeTimings {
            let timings = report.timings.isEmpty ? result.timings : report.timings
            html.element("h3", "Timings")
            html.element("table", ["class": "timings"]) { html in
                html.raw("<thead><tr><th scope=\"col\">Stage</th><th scope=\"col\" class=\"num\">Seconds</th></tr></thead><tbody>")
                for timing in timings {
                    html.open("tr")
                    html.element("td", timing.stage)
                    html.element("td", ["class": "num"], Format.fixed(timing.seconds, decimals: 3))
                    html.close("tr")
                }
                html.raw("</tbody>")
            }
            html.newline()
        }
        html.close("section")
        html.newline()
    }

    // MARK: - Text helpers

    /// The theme's label, or a stand-in when the labeler gave none.
    static func displayLabel(_ theme: Theme) -> String {
        theme.label.isEmpty ? "(theme \(theme.id), no label)" : theme.label
    }

    /// `"1 theme"`, `"12 themes"`.
    static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(Format.count(count)) \(count == 1 ? singular : plural)"
    }

    /// `text` cut to `length` characters (at least 8), the last one an ellipsis when cut.
    static func shortened(_ text: String, to length: Int) -> String {
        let limit = max(8, length)
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    /// The page's number formats: ``ReportNumbers``, with shares always to one decimal.
    enum Format {
        static func fixed(_ value: Double, decimals: Int) -> String { ReportNumbers.fixed(value, decimals: decimals) }
        static func percent(_ share: Double) -> String { ReportNumbers.fixed(share * 100, decimals: 1) + "%" }
        static func signed(_ value: Double) -> String { ReportNumbers.sentiment(value) }
        static func count(_ value: Int) -> String { ReportNumbers.count(value) }
    }
}
