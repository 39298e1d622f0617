import Foundation
import TestSupport
import Testing
@testable import TranscriptMiner

@Suite("Trend report renderers")
struct TrendRendererTests {
    /// Three runs, one theme of each interesting kind; labels that try to inject markup and formulas.
    static let report: TrendReport = {
        let runs = [TrendRun(id: 1, label: "2026-11-21", recordedAt: "2026-11-22T02:30:00Z", conversations: 2000, newConversations: 2000),
                    TrendRun(id: 2, label: "2026-11-22", recordedAt: "2026-11-23T02:30:00Z", conversations: 2100, newConversations: 1900),
                    TrendRun(id: 3, label: "2026-11-23", recordedAt: "2026-11-24T02:30:00Z", conversations: 2000, newConversations: 2000)]
        func trend(_ id: Int, _ label: String, _ status: TrendStatus, _ shares: [Double?], baseline: Double?, noise: Double,
                   sentiment: (Double, Double)? = nil, shifted: Bool = false) -> ThemeTrend {
            let latest = shares.last!!
            return ThemeTrend(id: id, label: label, status: status, shares: shares, pains: shares.map { $0.map { $0 * 230 } },
                              latestShare: latest, baselineShare: baseline, shareChange: baseline.map { latest - $0 } ?? 0, shareNoise: noise,
                              latestPain: latest * 230, baselinePain: baseline.map { $0 * 230 }, latestSentiment: sentiment?.0,
                              baselineSentiment: sentiment?.1, sentimentShifted: shifted, latestSize: Int(latest * 2000))
        }
        return TrendReport(
            database: "themes.sqlite", runs: runs,
            themes: [trend(20, "new app version / <script>alert(1)</script>", .new, [0, 0, 0.078], baseline: 0, noise: 0.004),
                     trend(12, "foreign exchange fee / card payments abroad", .rising, [0.045, 0.049, 0.127], baseline: 0.047, noise: 0.007,
                           sentiment: (-0.31, -0.17), shifted: true),
                     trend(4, "=HYPERLINK(\"http://x\") / pin", .fading, [0.081, 0.079, 0.041], baseline: 0.080, noise: 0.008),
                     trend(21, "another bank | close", .split, [0, 0, 0.026], baseline: 0, noise: 0.003),
                     trend(8, "card got stuck / cash machine", .merged, [0.03, 0.028, 0], baseline: 0.029, noise: 0.005),
                     trend(1, "bank transfer still / pending", .steady, [0.095, 0.094, 0.065], baseline: 0.0945, noise: 0.02,
                           sentiment: (0.03, 0.02))],
            newWords: [NewWord(term: "startup", documents: 41, latestShare: 0.0205, baselineShare: 0),
                       NewWord(term: "abroad", documents: 93, latestShare: 0.0465, baselineShare: 0.009)],
            events: [ThemeEvent(kind: .new, theme: 20, related: nil, similarity: nil),
                     ThemeEvent(kind: .split, theme: 21, related: 7, similarity: 0.31),
                     ThemeEvent(kind: .merge, theme: 10, related: 8, similarity: 0.61)],
            options: TrendOptions(lastRuns: 7))
    }()

    @Test(arguments: [("table", TrendTableRenderer() as any TrendReportRenderer), ("json", TrendJSONRenderer()), ("csv", TrendCSVRenderer()),
                      ("markdown", TrendMarkdownRenderer()), ("html", TrendHTMLRenderer())])
    func goldens(_ name: String, _ renderer: any TrendReportRenderer) {
        let text = renderer.render(Self.report)
        let mismatch = Golden.mismatch(text, named: "trends-\(name).txt")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func textCannotInjectMarkupOrFormulas() throws {
        let html = TrendHTMLRenderer().render(Self.report)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<svg class=\"sparkline\""))
        let csv = TrendCSVRenderer().render(Self.report)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\") / pin\""))
        let markdown = TrendMarkdownRenderer().render(Self.report)
        #expect(markdown.contains("another bank \\| close"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(TrendJSONRenderer().render(Self.report).utf8)) as? [String: Any])
        #expect((json["themes"] as? [[String: Any]])?.map { $0["status"] as? String } == ["new", "rising", "fading", "split", "merged", "steady"])
    }

    @Test func sparklinesScaleToTheLargestShare() {
        #expect(TrendText.sparkline([0, 0.5, 1]) == "▁▅█")
        #expect(TrendText.sparkline([nil, 0.2, 0.2]) == " ██")
        #expect(TrendText.sparkline([0, 0]) == "▁▁")
    }
}

@Suite("Codes for new words")
struct CodeTermCounterTests {
    static func codes(_ text: String) -> [String] {
        var found: [String] = []
        CodeTermCounter.forEachCode(in: text) { found.append($0) }
        return found
    }

    @Test func errorCodesAndVersionsAreCodesPlainNumbersAndWordsAreNot() {
        #expect(Self.codes("Since version 7.4 I get error E4012 (ERR_502) on v7.4.1.") == ["7.4", "e4012", "err_502", "v7.4.1"])
        #expect(Self.codes("I paid 42 EUR in 2024, order #1234, thanks.") == [])
        #expect(Self.codes("It cost $213.50 more.") == ["213.50"])
        #expect(Self.codes("café2go x9") == ["x9"], "a token glued to non-ASCII letters is a word")
    }

    @Test func documentFrequenciesCountEachDocumentOnceAndDropRareCodes() async {
        let texts = ["E4012 again E4012", "error e4012", "ORD-2024-76830 lost", "version 7.4", "7.4 crashes", "fine"]
        let counts = await CodeTermCounter().documentFrequencies(texts, workers: 2)
        #expect(counts == ["e4012": 2, "7.4": 2])
    }
}
