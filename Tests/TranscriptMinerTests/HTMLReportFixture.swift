@testable import TranscriptMiner

/// A fixed themes report for the HTML renderer's tests, built by hand (no clustering, so it is
/// the same on every machine): 12 conversations, 3 themes and 2 unclustered, with one theme whose
/// label, terms, quote, transcript id and the run's settings, inputs and problems carry markup
/// that would run script or break the page if it were not escaped.
///
/// The payloads change the page when they run (`document.title = 'PWNED'`, a `data-pwned`
/// attribute on `<body>`), so the browser test can tell whether one did.
enum HTMLReportFixture {
    static let scriptPayload = "<script>document.title='PWNED'</script>"
    static let imagePayload = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
    static let hostileLabel = "<script>alert(1)</script> & \"refund\" 'now'"
    static let hostileTerm = "<img src=x onerror=alert(1)>"
    static let hostileQuote = "I paid " + scriptPayload + " & got " + imagePayload + " nothing back"
    static let hostileID = "t\"><svg onload=alert(1)>"

    static let facts: [ConversationFacts] = [
        ConversationFacts(compound: -0.8, scoredTurns: 3, endsWorse: true, customerTurns: 3, channel: .chat),
        ConversationFacts(compound: -0.6, scoredTurns: 2, endsWorse: true, customerTurns: 2, channel: .email),
        ConversationFacts(compound: -0.2, scoredTurns: 2, endsWorse: false, customerTurns: 2, channel: .chat),
        ConversationFacts(compound: 0.1, scoredTurns: 1, endsWorse: false, customerTurns: 1, channel: .social),
        ConversationFacts(compound: -0.7, scoredTurns: 4, endsWorse: true, customerTurns: 4, channel: .voiceTranscript),
        ConversationFacts(compound: -0.3, scoredTurns: 1, endsWorse: false, customerTurns: 1, channel: .email),
        ConversationFacts(compound: 0.0, scoredTurns: 0, endsWorse: false, customerTurns: 1, channel: .email),
        ConversationFacts(compound: 0.6, scoredTurns: 2, endsWorse: false, customerTurns: 2, channel: .chat),
        ConversationFacts(compound: 0.3, scoredTurns: 1, endsWorse: false, customerTurns: 1, channel: .chat),
        ConversationFacts(compound: -0.1, scoredTurns: 2, endsWorse: true, customerTurns: 2, channel: .other),
        ConversationFacts(compound: 0.0, scoredTurns: 0, endsWorse: false, customerTurns: 0, channel: .chat),
        ConversationFacts(compound: -0.55, scoredTurns: 1, endsWorse: false, customerTurns: 1, channel: .social),
    ]

    /// Conversation indices per theme id, and the unclustered ones.
    static let members: [[Int]] = [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
    static let unclustered = [10, 11]

    static func statistics(_ members: [Int]) -> ThemeStatistics {
        ThemeStatistics(members: members, facts: facts, total: facts.count, pain: PainScore())
    }

    static let themes: [Theme] = {
        var themes = [
            Theme(
                id: 0, rank: 0, label: "card not arrived",
                labelTerms: [WeightedTerm(term: "card not arrived", weight: 0.912), WeightedTerm(term: "new card", weight: 0.4)],
                terms: [("card", 0.61), ("arriv", 0.42), ("week", 0.1234)], statistics: statistics(members[0]),
                exemplars: [
                    ThemeExemplar(
                        transcriptID: "t1", turnIndex: 0, text: "My card still hasn't arrived after two weeks.", similarity: 0.71),
                    ThemeExemplar(transcriptID: "t2", turnIndex: 2, text: "Where is my new card?", similarity: 0.655),
                ]),
            Theme(
                id: 1, rank: 0, label: hostileLabel,
                labelTerms: [WeightedTerm(term: hostileTerm, weight: 0.8), WeightedTerm(term: "fish & chips", weight: 0.25)],
                terms: [("\"quoted\"", 0.5), ("<b>bold</b>", 0.25)], statistics: statistics(members[1]),
                exemplars: [
                    ThemeExemplar(transcriptID: hostileID, turnIndex: 1, text: hostileQuote, similarity: 0.5),
                    ThemeExemplar(transcriptID: "t6", turnIndex: 0, text: "Line one\nline two\tand a tab.", similarity: 0.25),
                ]),
            Theme(id: 2, rank: 0, label: "", labelTerms: [], terms: [("thank", 0.3)], statistics: statistics(members[2]), exemplars: []),
        ]
        themes.sort { ($0.statistics.painScore, -$0.id) > ($1.statistics.painScore, -$1.id) }
        for index in themes.indices { themes[index].rank = index + 1 }
        return themes
    }()

    static let result: ThemeResult = {
        var assignments = [Int?](repeating: nil, count: facts.count)
        for (theme, list) in members.enumerated() { for index in list { assignments[index] = theme } }
        return ThemeResult(
            transcriptIDs: (1...facts.count).map { "t\($0)" }, assignments: assignments,
            similarities: (0..<facts.count).map { Double($0 % 5) / 10 }, conversations: facts, themes: themes,
            unclustered: statistics(unclustered), unclusteredWithoutTerms: 1, unclusteredBelowSimilarity: 1,
            vocabularySize: 321, iterations: 7, objective: 8.765432, merges: [],
            timings: [StageTiming("documents", seconds: 0.0123), StageTiming("clustering", seconds: 1.234567)])
    }()

    static let ingestion: IngestionSummary = {
        var summary = IngestionSummary()
        summary.filesRead = 2
        summary.recordsRead = 16
        summary.recordsAnalyzed = 13
        summary.rejectedByCode = [.invalidJSON: 2, .emptyTranscript: 1]
        summary.repairedByCode = [.invalidUTF8: 1]
        summary.problems = [
            IngestionProblem(.invalidJSON, at: SourceLocation(file: "bad\"<file>.jsonl", line: 3), "unexpected '<' at byte 3"),
            IngestionProblem(
                .invalidUTF8, at: SourceLocation(file: "chats.jsonl", line: 9), "invalid UTF-8 & replaced", isRejection: false),
        ]
        return summary
    }()

    /// The report: every theme shown unless `top` says otherwise; fixed version and no timings.
    static func report(top: Int? = nil) -> ThemeReport {
        ThemeReport(
            result: result, ingestion: ingestion,
            settings: [ReportSetting("k", "3"), ReportSetting("seed", "42"), ReportSetting("filter", "</style><script>alert(1)</script>")],
            inputs: [
                InputFingerprint(path: "/data/<b>chats</b>&more.jsonl", bytes: 123_456, sha256: String(repeating: "ab", count: 32)),
                InputFingerprint(path: "-", bytes: 42, sha256: nil),
            ],
            filteredOut: 1, timings: [StageTiming("read", seconds: 0.5)], top: top, version: "0.0.0-test")
    }
}
