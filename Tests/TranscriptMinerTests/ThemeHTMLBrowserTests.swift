import Foundation
import TestSupport
import Testing
@testable import TranscriptMiner

/// The HTML report in a real browser: Debian's chromium, headless, renders the page to a PNG and
/// to its DOM after load. Skipped with a message where chromium is absent.
@Suite("HTML themes report in headless chromium", .enabled(if: HeadlessChromium.executable != nil, Comment(rawValue: HeadlessChromium.absentMessage)))
struct ThemeHTMLBrowserTests {
    /// Text as chromium serialises a text node: `&`, `<`, `>` and no-break spaces escaped, quotes not.
    static func domText(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\u{A0}", with: "&nbsp;")
    }

    static func load(_ html: String) throws -> (HeadlessChromium.Output, TemporaryFolder) {
        let folder = try TemporaryFolder()
        let path = try folder.write("report.html", html)
        return (try HeadlessChromium.render(path, in: folder.url), folder)
    }

    @Test("the page renders with its three charts and every theme, and no script runs")
    func rendersWithoutScript() throws {
        let report = HTMLReportFixture.report()
        let (output, _) = try Self.load(ThemeHTMLRenderer().render(report))
        let dom = output.dom
        #expect(output.status == 0, "chromium exited with \(output.status): \(output.stderr.suffix(2000))")
        try #require(dom.contains("</html>"), "no DOM dumped; stderr: \(output.stderr.suffix(2000))")

        // The screenshot: a real PNG of the window's size, with far more in it than a blank page
        // (about 11 kB at this size).
        let size = HeadlessChromium.pngSize(output.screenshot)
        #expect(size?.width == 1200 && size?.height == 2000, "screenshot: \(output.screenshot.count) bytes, size \(String(describing: size))")
        #expect(output.screenshot.count > 40_000, "screenshot only \(output.screenshot.count) bytes")

        // The charts, with one bar per theme in the pain chart.
        for chart in ["pain-chart", "sentiment-chart", "channel-chart"] {
            #expect(dom.contains("<svg id=\"\(chart)\" class=\"chart\" role=\"img\""), "no \(chart)")
        }
        #expect(dom.matches(of: /<svg id="[a-z]+-chart"/).count == 3)
        let start = try #require(dom.range(of: "<svg id=\"pain-chart\""))
        let end = try #require(dom.range(of: "</svg>", range: start.upperBound..<dom.endIndex))
        let painChart = dom[start.lowerBound..<end.upperBound]
        #expect(painChart.matches(of: /<g class="bar">/).count == report.result.themes.count)
        #expect(painChart.components(separatedBy: "<rect ").count - 1 == report.result.themes.count)

        // Every theme, by its whole label, in its own section.
        for theme in report.result.themes {
            let label = Self.domText(ThemeHTMLRenderer.displayLabel(theme))
            #expect(dom.contains("<span class=\"label\">\(label)</span>"), "theme \(theme.id) label missing")
            #expect(dom.contains("<article class=\"theme\" id=\"theme-\(theme.id)\""))
        }

        // No script ran: the payloads would have renamed the page and marked <body>; and none of
        // them became an element — they are visible text.
        #expect(dom.contains("<title>Customer-support themes</title>"))
        #expect(!dom.contains("PWNED</title>"))
        #expect(!dom.contains("data-pwned="))
        #expect(!dom.localizedCaseInsensitiveContains("<script"))
        #expect(!dom.localizedCaseInsensitiveContains("<img"))
        #expect(dom.firstMatch(of: /<[a-zA-Z][^>]*\son[a-z]+\s*=/) == nil, "an event-handler attribute reached the DOM")
        #expect(dom.contains(Self.domText(HTMLReportFixture.hostileQuote)))
        #expect(dom.contains(Self.domText(HTMLReportFixture.hostileTerm)))
        #expect(dom.contains(Self.domText("Transcript " + HTMLReportFixture.hostileID)))
    }

    @Test("control: the same checks catch a script that does run (unescaped payload, no CSP)")
    func controlDetectsScripts() throws {
        var html = ThemeHTMLRenderer().render(HTMLReportFixture.report())
        let policy = try #require(html.firstMatch(of: /<meta http-equiv="Content-Security-Policy"[^>]*>\n/))
        html.removeSubrange(policy.range)
        html = html.replacingOccurrences(of: "</body>", with: HTMLReportFixture.scriptPayload + HTMLReportFixture.imagePayload + "</body>")
        let (output, _) = try Self.load(html)
        try #require(output.dom.contains("</html>"), "no DOM dumped; stderr: \(output.stderr.suffix(2000))")
        #expect(output.dom.contains("<title>PWNED</title>"))
        #expect(output.dom.contains("data-pwned=\"1\""))
    }
}
