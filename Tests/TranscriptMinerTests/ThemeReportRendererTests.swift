import Foundation
import TestSupport
import Testing
@testable import TranscriptMiner

/// A fixed report with hostile text: markup, formula starters, control characters, pipes, wide
/// characters. Built by hand so the goldens do not move when the clustering improves.
enum ReportFixture {
    static let hostileLabel = "<script>alert(1)</script> | =HYPERLINK(\"http://x\") & 'quotes'"
    static let hostileQuote = "My card <img src=x onerror=alert(1)> was charged twice, \"again\"!\u{1B}[31m\nPlease *fix* it"

    static func report(top: Int? = nil) -> ThemeReport {
        let facts = [
            ConversationFacts(compound: -0.8, scoredTurns: 2, endsWorse: true, customerTurns: 2, channel: .chat),
            ConversationFacts(compound: -0.4, scoredTurns: 1, endsWorse: false, customerTurns: 1, channel: .email),
            ConversationFacts(compound: 0.3, scoredTurns: 1, endsWorse: false, customerTurns: 1, channel: .chat),
            ConversationFacts(compound: 0.0, scoredTurns: 1, endsWorse: false, customerTurns: 3, channel: .social),
            ConversationFacts(compound: -0.1, scoredTurns: 1, endsWorse: false, customerTurns: 1, channel: .chat),
        ]
        func theme(_ id: Int, _ rank: Int, _ label: String, _ members: [Int], _ phrases: [String], _ quotes: [String]) -> Theme {
            Theme(id: id, rank: rank, label: label, labelTerms: phrases.enumerated().map { WeightedTerm(term: $1, weight: 1 / Double($0 + 1)) },
                  terms: phrases.map { ($0, 0.5) },
                  statistics: ThemeStatistics(members: members, facts: facts, total: facts.count, pain: PainScore()),
                  exemplars: quotes.enumerated().map { ThemeExemplar(transcriptID: "t\(members[$0.offset % members.count])", turnIndex: 0, text: $0.element, similarity: 0.9 - Double($0.offset) / 10) })
        }
        let themes = [
            theme(1, 1, hostileLabel, [0, 1], ["charged twice", "-refund", "@support"], [hostileQuote, "Still waiting for my refund."]),
            theme(0, 2, "卡没有到 / card not arrived", [2, 3], ["卡没有到", "card not arrived"], ["我的卡还没到。", "Where is my card?"]),
        ]
        let result = ThemeResult(transcriptIDs: (0..<5).map { "t\($0)" }, assignments: [1, 1, 0, 0, nil], similarities: [0.8, 0.7, 0.6, 0.5, 0.1],
                                 conversations: facts, themes: themes,
                                 unclustered: ThemeStatistics(members: [4], facts: facts, total: facts.count, pain: PainScore()),
                                 unclusteredWithoutTerms: 0, unclusteredBelowSimilarity: 1, vocabularySize: 42, iterations: 3,
                                 objective: 3.25, merges: [], timings: [StageTiming("tfidf", seconds: 0.5)])
        var ingestion = IngestionSummary()
        ingestion.recordsRead = 7
        ingestion.recordsAnalyzed = 5
        ingestion.rejectedByCode = [.invalidJSON: 2]
        ingestion.filesRead = 1
        return ThemeReport(result: result, ingestion: ingestion, settings: [ReportSetting("k", "2"), ReportSetting("seed", "0")],
                           inputs: [InputFingerprint(path: "chats <1>.jsonl", bytes: 1234, sha256: String(repeating: "ab", count: 32))],
                           timings: [StageTiming("read", seconds: 0.25)] + result.timings, top: top)
    }
}

@Suite("Theme report renderers")
struct ThemeReportRendererTests {
    @Test("numbers are formatted the same way everywhere")
    func numbers() {
        #expect(ReportNumbers.fixed(0.125, decimals: 2) == "0.13")
        #expect(ReportNumbers.fixed(-0.125, decimals: 2) == "-0.13")
        #expect(ReportNumbers.fixed(-0.001, decimals: 2) == "0.00")
        #expect(ReportNumbers.fixed(12, decimals: 0) == "12")
        #expect(ReportNumbers.fixed(.nan, decimals: 2) == "0")
        #expect(ReportNumbers.percent(0.042) == "4.2%" && ReportNumbers.percent(0.37) == "37%")
        #expect(ReportNumbers.sentiment(0.41) == "+0.41" && ReportNumbers.sentiment(-0.36) == "-0.36" && ReportNumbers.sentiment(0) == "0.00")
        #expect(ReportNumbers.count(13083) == "13,083" && ReportNumbers.count(999) == "999" && ReportNumbers.count(-1000) == "-1,000")
    }

    @Test("terminal text is measured in columns and never overflows")
    func terminalText() {
        #expect(TerminalText.width("abc") == 3)
        #expect(TerminalText.width("卡没有到") == 8)
        #expect(TerminalText.width("e\u{301}") == 1)
        for columns in 1...12 {
            let fitted = TerminalText.fit("卡没有到 card not arrived", columns: columns)
            #expect(TerminalText.width(fitted) <= columns, "\(columns): \(fitted)")
        }
        #expect(TerminalText.fit("a\u{1B}[31mb\nc", columns: 20) == "a [31mb c")
    }

    @Test("the table fits every width, colours only when asked, and neutralises control characters", arguments: [40, 63, 64, 80, 120, 200])
    func tableWidths(width: Int) {
        let text = ThemeTableRenderer(width: width).render(ReportFixture.report())
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(TerminalText.width(line) <= width, "\(width): \(line)")
        }
        #expect(!text.contains("\u{1B}"))
        if width >= 64 { #expect(text.contains("<script>"), "the table is plain text: shown as written, not escaped") }
        let colored = ThemeTableRenderer(width: width, color: true).render(ReportFixture.report())
        #expect(colored.contains("\u{1B}[1m") && colored.contains("\u{1B}[31m"))
        #expect(!colored.contains("\u{1B}[31m\n"), "the quote's own escape sequence is gone")
    }

    @Test("CSV neutralises formula starters in text cells only and quotes per RFC 4180")
    func csv() {
        let text = ThemeCSVRenderer().render(ReportFixture.report())
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == ThemeCSVRenderer.header.joined(separator: ","))
        #expect(lines.last == "")
        #expect(ThemeCSVRenderer.text("=SUM(A1)") == "'=SUM(A1)")
        #expect(ThemeCSVRenderer.text("+1") == "'+1" && ThemeCSVRenderer.text("-1") == "'-1" && ThemeCSVRenderer.text("@x") == "'@x")
        #expect(ThemeCSVRenderer.text("\tx") == "' x" && ThemeCSVRenderer.text("fine") == "fine")
        #expect(lines[1].contains(",-0.6000,"), "numeric cells keep their sign: \(lines[1])")
        #expect(lines[1].contains("\"charged twice; '-refund; '@support\"") == false)
        #expect(lines[1].contains("charged twice; -refund; @support"), "a cell is neutralised by its first character only")
        #expect(lines[1].contains("\"My card <img src=x onerror=alert(1)> was charged twice, \"\"again\"\"! [31m Please *fix* it\""))
        #expect(!text.contains("\u{1B}"), "control characters become spaces")
    }

    @Test("Markdown escapes markup and keeps table cells on one line")
    func markdown() {
        let text = ThemeMarkdownRenderer().render(ReportFixture.report())
        #expect(!text.contains("<script>") && !text.contains("<img"))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| =HYPERLINK"))
        #expect(text.contains("Please \\*fix\\* it"))
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| ") }
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.hasSuffix(" |") })
    }

    @Test("JSON is valid, versioned, byte-stable, and leaves timings out unless asked")
    func json() throws {
        let report = ReportFixture.report()
        let text = ThemeJSONRenderer(includeAssignments: true).render(report)
        #expect(text == ThemeJSONRenderer(includeAssignments: true).render(report))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == ThemeReport.schema)
        #expect(object["timings"] == nil)
        let counts = try #require(object["counts"] as? [String: Any])
        #expect(counts["read"] as? Int == 7 && counts["analyzed"] as? Int == 5 && counts["rejected"] as? Int == 2)
        let themes = try #require(object["themes"] as? [[String: Any]])
        #expect(themes.first?["label"] as? String == ReportFixture.hostileLabel)
        #expect((object["assignments"] as? [Any])?.count == 5)
        let timed = try #require(try JSONSerialization.jsonObject(with: Data(ThemeJSONRenderer(includeTimings: true).render(report).utf8)) as? [String: Any])
        #expect((timed["timings"] as? [String: Any])?.keys.sorted() == ["read", "tfidf"])
    }

    @Test("--top shows the best-ranked themes and says how many are left out")
    func top() {
        let report = ReportFixture.report(top: 1)
        #expect(ThemeTableRenderer().render(report).contains("1 more themes not shown"))
        #expect(ThemeMarkdownRenderer().render(report).contains("_1 more themes not shown._"))
        #expect(ThemeCSVRenderer().render(report).components(separatedBy: "\r\n").count == 4)  // header, 1 theme, unclustered, ""
    }

    @Test("every format matches its golden file", arguments: ["table", "table-color", "csv", "markdown", "json"])
    func goldens(format: String) {
        let report = ReportFixture.report()
        let text: String = switch format {
        case "table": ThemeTableRenderer(width: 100).render(report)
        case "table-color": ThemeTableRenderer(width: 72, color: true).render(report)
        case "csv": ThemeCSVRenderer().render(report)
        case "markdown": ThemeMarkdownRenderer().render(report)
        default: ThemeJSONRenderer(includeAssignments: true).render(report)
        }
        if let problem = Golden.mismatch(text, named: "report-\(format).txt") { Issue.record(Comment(rawValue: problem)) }
    }
}
