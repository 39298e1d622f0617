import Foundation
import TestSupport
import Testing

@testable import TranscriptMiner

@Suite("HTML themes report")
struct ThemeHTMLRendererTests {
    static let html = ThemeHTMLRenderer().render(HTMLReportFixture.report())

    /// Elements the page may contain; anything else (script, img, iframe, link, object…) means
    /// report text got through unescaped or the renderer grew something it should not have.
    static let allowedTags: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "main", "section", "article", "h1", "h2", "h3", "h4",
        "p", "a", "span", "code", "dl", "dt", "dd", "div", "ul", "li", "table", "caption", "thead", "tbody", "tr", "th", "td",
        "figure", "figcaption", "blockquote", "svg", "g", "rect", "text", "desc",
    ]
    static let allowedAttributes: Set<String> = [
        "lang", "charset", "http-equiv", "content", "name", "id", "class", "href", "scope", "role", "aria-labelledby", "aria-hidden",
        "viewbox", "width", "height", "x", "y", "fill", "stroke", "stroke-width", "text-anchor",
    ]

    /// Every start tag's name and attribute names, read the way an HTML tokenizer would
    /// (attribute values double-quoted).
    static func tags(in html: String) -> [(name: String, attributes: [String])] {
        let tag = /<([!A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s=\/>]+(?:="[^"]*")?)*)\s*\/?>/
        let attribute = /\s+([^\s=\/>]+)(?:="[^"]*")?/
        let body = html.hasPrefix("<!DOCTYPE html>\n") ? html.dropFirst("<!DOCTYPE html>\n".count) : Substring(html)
        return body.matches(of: tag).map { match in
            (String(match.1).lowercased(), String(match.2).matches(of: attribute).map { String($0.1).lowercased() })
        }
    }

    @Test("the whole page matches its golden file (RECORD_SNAPSHOTS=1 re-records)")
    func golden() {
        if let mismatch = Golden.mismatch(Self.html, named: "themes-report.html") { Issue.record(Comment(rawValue: mismatch)) }
    }

    @Test("only allowed elements and attributes: no script, no event handler, no image, no frame")
    func onlyAllowedMarkup() {
        for (name, attributes) in Self.tags(in: Self.html) {
            #expect(Self.allowedTags.contains(name), "unexpected element <\(name)>")
            for attribute in attributes {
                #expect(Self.allowedAttributes.contains(attribute), "unexpected attribute \(attribute) on <\(name)>")
            }
        }
        // Every "<" starts one of those tags or a closing tag: none is left over from report text.
        let lessThan = Self.html.count { $0 == "<" } - 1  // <!DOCTYPE html>
        let closing = Self.html.matches(of: /<\/[a-z0-9]+>/).count
        #expect(lessThan == Self.tags(in: Self.html).count + closing)
        #expect(Self.html.matches(of: /<style>/).count == 1)
        #expect(!Self.html.localizedCaseInsensitiveContains("<script"))
    }

    @Test("nothing is fetched: no URL, import or external reference; a strict CSP")
    func selfContained() {
        let lowered = Self.html.lowercased()
        for needle in ["http:", "https:", "//", "url(", "@import", "@font-face", "<link", "javascript:", "data:text"] {
            #expect(!lowered.replacingOccurrences(of: "img-src data:", with: "").contains(needle), "found \(needle)")
        }
        for match in Self.html.matches(of: /href="([^"]*)"/) { #expect(match.1.hasPrefix("#theme-")) }
        #expect(
            Self.html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>"))
    }

    @Test("transcript text, ids, settings, paths and problems are escaped, never raw")
    func escaping() {
        let html = Self.html
        let raw = [
            HTMLReportFixture.hostileLabel, HTMLReportFixture.hostileTerm, HTMLReportFixture.hostileQuote, HTMLReportFixture.hostileID,
            HTMLReportFixture.scriptPayload, HTMLReportFixture.imagePayload, "<b>bold</b>", "</style><script>", "<b>chats</b>",
            "bad\"<file>", "\"refund\"", "'now'", "fish & chips",
        ]
        for text in raw { #expect(!html.contains(text), "raw: \(text)") }
        let escaped = [
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;refund&quot; &#39;now&#39;",
            "&lt;img src=x onerror=alert(1)&gt;",
            "I paid &lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt; &amp; got &lt;img src=x onerror=&quot;document.body.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&quot;&gt; nothing back",
            "Transcript t&quot;&gt;&lt;svg onload=alert(1)&gt;, turn 2",
            "&quot;quoted&quot;", "&lt;b&gt;bold&lt;/b&gt;", "fish &amp; chips",
            "&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "/data/&lt;b&gt;chats&lt;/b&gt;&amp;more.jsonl",
            "bad&quot;&lt;file&gt;.jsonl:3", "unexpected &#39;&lt;&#39; at byte 3", "invalid UTF-8 &amp; replaced",
        ]
        for text in escaped { #expect(html.contains(text), "missing: \(text)") }
        // The label is escaped in the theme's heading, the chart labels and the tooltips alike.
        let label = HTMLEscaping.escaped(HTMLReportFixture.hostileLabel)
        #expect(html.components(separatedBy: "<span class=\"label\">" + label + "</span>").count == 2)
        let rank = HTMLReportFixture.result.themes.first { $0.id == 1 }!.rank
        #expect(html.contains("<title>#\(rank) " + label + ": pain"))
        let cut = ThemeHTMLRenderer.shortened("\(rank). " + HTMLReportFixture.hostileLabel, to: 40)
        #expect(cut.count == 40 && cut.hasSuffix("…"))
        #expect(html.components(separatedBy: ">" + HTMLEscaping.escaped(cut) + "</text>").count == 4)
        // A custom title is escaped too, in <title> and <h1>.
        let titled = ThemeHTMLRenderer(title: "</title><script>x</script>").render(HTMLReportFixture.report())
        #expect(titled.contains("<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>"))
        #expect(titled.contains("<h1>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</h1>"))
        #expect(!titled.contains("<script"))
    }

    @Test("the escaper handles each special character, controls and noncharacters")
    func escaper() {
        #expect(HTMLEscaping.escaped("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        #expect(HTMLEscaping.escaped("&amp;") == "&amp;amp;")
        #expect(HTMLEscaping.escaped("tab\there\nline\r") == "tab\there\nline\r")
        #expect(
            HTMLEscaping.escaped("nul\u{0}bell\u{7}del\u{7F}c1\u{85}non\u{FFFE}")
                == "nul\u{FFFD}bell\u{FFFD}del\u{FFFD}c1\u{FFFD}non\u{FFFD}")
        #expect(HTMLEscaping.escaped("café ✓ 👩🏽‍💻 −") == "café ✓ 👩🏽‍💻 −")
        #expect(HTMLEscaping.escaped("") == "")
    }

    @Test("numbers have fixed decimals, no negative zero and grouped thousands")
    func numbers() {
        #expect(ThemeHTMLRenderer.Format.fixed(21.449, decimals: 1) == "21.4")
        #expect(ThemeHTMLRenderer.Format.fixed(0.25, decimals: 1) == "0.3")
        #expect(ThemeHTMLRenderer.Format.fixed(-0.04, decimals: 1) == "0.0")
        #expect(ThemeHTMLRenderer.Format.fixed(-1.005, decimals: 0) == "-1")
        #expect(ThemeHTMLRenderer.Format.fixed(3, decimals: 3) == "3.000")
        #expect(ThemeHTMLRenderer.Format.fixed(.nan, decimals: 2) == "0")
        #expect(ThemeHTMLRenderer.Format.percent(0.125) == "12.5%")
        #expect(ThemeHTMLRenderer.Format.percent(1) == "100.0%")
        #expect(ThemeHTMLRenderer.Format.signed(0.12) == "+0.12")
        #expect(ThemeHTMLRenderer.Format.signed(-0.31) == "-0.31")
        #expect(ThemeHTMLRenderer.Format.signed(0.001) == "0.00")
        #expect(ThemeHTMLRenderer.Format.signed(-0.001) == "0.00")
        #expect(ThemeHTMLRenderer.Format.count(0) == "0")
        #expect(ThemeHTMLRenderer.Format.count(999) == "999")
        #expect(ThemeHTMLRenderer.Format.count(1000) == "1,000")
        #expect(ThemeHTMLRenderer.Format.count(1_234_567) == "1,234,567")
        #expect(ThemeHTMLRenderer.Format.count(-12345) == "-12,345")
    }

    @Test("the headline, the three charts and every theme are there, ranked")
    func content() {
        let html = Self.html
        let result = HTMLReportFixture.result
        for id in ["summary", "charts", "themes", "run", "pain-chart", "sentiment-chart", "channel-chart"] {
            #expect(html.contains("id=\"\(id)\""), "no #\(id)")
        }
        #expect(html.matches(of: /<svg id="[a-z]+-chart" class="chart" role="img"/).count == 3)
        // One bar per theme in the pain chart, in rank order; the sentiment and channel charts add
        // an overall row and an unclustered row.
        func rows(_ chart: String) -> Int {
            let start = html.range(of: "<svg id=\"\(chart)\"")!
            let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex)!
            return html[start.upperBound..<end.lowerBound].components(separatedBy: "<g class=\"bar\">").count - 1
        }
        #expect(rows("pain-chart") == 3)
        #expect(rows("sentiment-chart") == 5)
        #expect(rows("channel-chart") == 5)
        var position = html.startIndex
        for theme in result.themes {
            let heading = html.range(of: "<article class=\"theme\" id=\"theme-\(theme.id)\"", range: position..<html.endIndex)
            #expect(heading != nil, "theme \(theme.id) missing or out of rank order")
            if let heading { position = heading.upperBound }
        }
        #expect(html.contains("<dt>Conversations read</dt><dd>16</dd>"))
        #expect(html.contains("<dt>Rejected</dt><dd>3</dd>"))
        #expect(html.contains("<dt>Filtered out</dt><dd>1</dd>"))
        #expect(html.contains("<dt>Analysed</dt><dd>12</dd>"))
        #expect(html.contains("<dt>Themes</dt><dd>3</dd>"))
        #expect(html.contains("<dt>Unclustered</dt><dd>2 (16.7%)</dd>"))
        #expect(
            html.contains(
                "<td><code>empty-transcript</code></td><td class=\"num\">1</td></tr><tr><td><code>invalid-json</code></td><td class=\"num\">2</td>"
            ))
        #expect(html.contains("<blockquote><p>My card still hasn&#39;t arrived after two weeks.</p></blockquote>"))
        #expect(html.contains("(theme 2, no label)"))
        #expect(!html.contains("more theme"))
    }

    @Test("top cuts the themes and says how many more there are")
    func top() {
        let html = ThemeHTMLRenderer().render(HTMLReportFixture.report(top: 2))
        let shown = HTMLReportFixture.result.themes.prefix(2).map(\.id)
        for theme in HTMLReportFixture.result.themes {
            #expect(html.contains("id=\"theme-\(theme.id)\"") == shown.contains(theme.id))
        }
        #expect(html.components(separatedBy: "<p class=\"more\">1 more theme not shown (the report shows the top 2).</p>").count == 3)
        let none = ThemeHTMLRenderer().render(HTMLReportFixture.report(top: 0))
        #expect(none.contains("3 more themes not shown"))
        #expect(!none.contains("<article"))
        #expect(!none.contains("href="), "a link to a theme that is not shown")
    }

    @Test("the same report gives the same bytes; timings only when asked")
    func deterministic() {
        #expect(ThemeHTMLRenderer().render(HTMLReportFixture.report()) == Self.html)
        var report = HTMLReportFixture.report()
        report.ingestion.rejectedByCode = [.emptyTranscript: 1, .invalidJSON: 2]
        report.timings = [StageTiming("read", seconds: 9.87654)]
        #expect(ThemeHTMLRenderer().render(report) == Self.html)
        #expect(!Self.html.contains("Timings"))
        let timed = ThemeHTMLRenderer(includeTimings: true).render(report)
        #expect(timed.contains("<td>read</td><td class=\"num\">9.877</td>"))
        #expect(Self.html.hasSuffix("</html>\n"))
    }

    @Test("a real analysis (synthetic corpus plus a hostile transcript) renders every theme, escaped")
    func realAnalysis() async throws {
        var transcripts = Array(SyntheticCorpus(seed: 3).transcripts(count: 300))
        transcripts.append(
            Transcript(
                id: HTMLReportFixture.hostileID,
                turns: [
                    Turn(
                        role: .customer,
                        text: "My card was charged twice " + HTMLReportFixture.scriptPayload + " and the refund "
                            + HTMLReportFixture.imagePayload
                            + " never came & I'm \"angry\"")
                ]))
        var options = ThemeOptions()
        options.clustering = KMeansOptions(k: 6, seed: 1, restarts: 1, workers: 2)
        let result = try await ThemeAnalysis(options: options).run(transcripts)
        let report = ThemeReport(result: result, top: 4, version: "0.0.0-test")
        let html = ThemeHTMLRenderer().render(report)
        #expect(ThemeHTMLRenderer().render(report) == html)
        for (name, attributes) in Self.tags(in: html) {
            #expect(Self.allowedTags.contains(name), "unexpected element <\(name)>")
            for attribute in attributes { #expect(Self.allowedAttributes.contains(attribute), "unexpected attribute \(attribute)") }
        }
        #expect(!html.contains(HTMLReportFixture.scriptPayload) && !html.contains("<img"))
        for theme in result.themes.prefix(4) {
            #expect(html.contains("<span class=\"label\">" + HTMLEscaping.escaped(ThemeHTMLRenderer.displayLabel(theme)) + "</span>"))
        }
        let hidden = result.themes.count - 4
        #expect(html.contains("\(hidden) more theme" + (hidden == 1 ? "" : "s") + " not shown"))
    }

    @Test("an empty result renders a valid page")
    func empty() {
        let result = ThemeResult(
            transcriptIDs: [], assignments: [], similarities: [], conversations: [], themes: [],
            unclustered: HTMLReportFixture.statistics([]), unclusteredWithoutTerms: 0, unclusteredBelowSimilarity: 0,
            vocabularySize: 0, iterations: 0, objective: 0, merges: [], timings: [])
        let html = ThemeHTMLRenderer().render(ThemeReport(result: result, version: "0.0.0-test"))
        #expect(html.contains("No theme was found."))
        #expect(!html.contains("Conversations read"), "no ingestion counts were given")
        #expect(html.matches(of: /<svg id="[a-z]+-chart"/).count == 3)
        #expect(html.firstMatch(of: /\b(nan|inf|NaN)\b/) == nil)
    }
}
