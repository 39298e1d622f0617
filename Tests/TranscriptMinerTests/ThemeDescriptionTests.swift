import Foundation
import Testing
@testable import TranscriptMiner

@Suite("Theme statistics, pain and exemplar quotes")
struct ThemeDescriptionTests {
    @Test("pain of one conversation follows the documented formula")
    func painFormula() {
        let pain = PainScore()
        #expect(pain.conversationPain(compound: 0.4, endsWorse: false, customerTurns: 1) == 1)
        #expect(pain.conversationPain(compound: -0.5, endsWorse: false, customerTurns: 1) == 2)
        // (1 + 2·1 + 1) · (1 + 0.25·log2 4) = 4 · 1.5
        #expect(pain.conversationPain(compound: -1, endsWorse: true, customerTurns: 4) == 6)
        // effort is capped at 2, and zero turns count as one
        #expect(pain.conversationPain(compound: 0, endsWorse: false, customerTurns: 1 << 20) == 2)
        #expect(pain.conversationPain(compound: 0, endsWorse: false, customerTurns: 0) == 1)
    }

    @Test("statistics count bands, shares, channels and pain over the members only")
    func statistics() {
        let facts = [
            ConversationFacts(compound: -0.8, scoredTurns: 2, endsWorse: true, customerTurns: 2, channel: .chat),
            ConversationFacts(compound: -0.05, scoredTurns: 1, endsWorse: false, customerTurns: 1, channel: .email),
            ConversationFacts(compound: 0.0, scoredTurns: 0, endsWorse: false, customerTurns: 1, channel: .chat),
            ConversationFacts(compound: 0.05, scoredTurns: 1, endsWorse: false, customerTurns: 1, channel: .chat),
            ConversationFacts(compound: 0.9, scoredTurns: 3, endsWorse: false, customerTurns: 3, channel: .social),
        ]
        let s = ThemeStatistics(members: [0, 1, 2, 3], facts: facts, total: 10, pain: PainScore())
        #expect(s.size == 4)
        #expect(s.share == 0.4)
        #expect(s.sentimentBands == [1, 1, 1, 1, 0])
        #expect(s.negativeShare == 0.5)
        #expect(s.endsWorseShare == 0.25)
        #expect(s.multiTurnCount == 1)
        #expect(s.channels == [ChannelCount(channel: .chat, count: 3), ChannelCount(channel: .email, count: 1)])
        #expect(abs(s.meanSentiment - (-0.8 - 0.05 + 0.05) / 4) < 1e-12)
        // pains: (1 + 1.6 + 1)·1.25 = 4.5, 1.1, 1, 1 → 7.6 per 10 conversations
        #expect(abs(s.painScore - 76) < 1e-9)
        let empty = ThemeStatistics(members: [], facts: facts, total: 10, pain: PainScore())
        #expect(empty.size == 0 && empty.painScore == 0 && empty.meanSentiment == 0 && empty.channels.isEmpty)
    }

    /// Two themes of equal size: one angry, one content.
    static func twoThemes() -> [Transcript] {
        (0..<40).map { i in
            i % 2 == 0
                ? Transcript(id: "late\(i)", channel: .chat, turns: [
                    Turn(role: .customer, text: "My new card still has not arrived after \(i + 3) days, this is terrible. Email me at jane.doe\(i)@example.com please."),
                    Turn(role: .agent, text: "Sorry to hear that, let me check."),
                    Turn(role: .customer, text: "Still waiting for the card, awful service, the delivery is so slow!"),
                ])
                : Transcript(id: "pin\(i)", channel: .email, turns: [
                    Turn(role: .customer, text: "How do I change the PIN of my debit card \(i) in the app? Thanks, great app."),
                ])
        }
    }

    @Test("themes are ranked by pain, and the statistics describe their members")
    func rankedByPain() async throws {
        var options = ThemeOptions()
        options.clustering = KMeansOptions(k: 2, seed: 0, restarts: 1)
        let result = try await ThemeAnalysis(options: options).run(Self.twoThemes())
        try #require(result.themes.count == 2)
        let angry = result.themes[0], content = result.themes[1]
        #expect(angry.rank == 1 && content.rank == 2)
        #expect(angry.size == 20 && content.size == 20)
        #expect(angry.statistics.meanSentiment < -0.05 && content.statistics.meanSentiment > 0.05)
        #expect(angry.statistics.negativeShare == 1 && content.statistics.negativeShare == 0)
        #expect(angry.statistics.channels == [ChannelCount(channel: .chat, count: 20)])
        #expect(content.statistics.channels == [ChannelCount(channel: .email, count: 20)])
        #expect(angry.statistics.meanCustomerTurns == 2 && content.statistics.meanCustomerTurns == 1)
        #expect(angry.statistics.painScore > content.statistics.painScore)
        #expect(result.conversations.count == 40)
    }

    @Test("exemplars are members' customer turns, redacted, trimmed, distinct")
    func exemplars() async throws {
        var options = ThemeOptions()
        options.clustering = KMeansOptions(k: 2, seed: 0, restarts: 1)
        let transcripts = Self.twoThemes()
        let result = try await ThemeAnalysis(options: options).run(transcripts)
        let byID = Dictionary(uniqueKeysWithValues: transcripts.map { ($0.id, $0) })
        for theme in result.themes {
            #expect(theme.exemplars.count == 3, "theme \(theme.label)")
            #expect(Set(theme.exemplars.map(\.transcriptID)).count == theme.exemplars.count)
            for exemplar in theme.exemplars {
                let index = try #require(result.transcriptIDs.firstIndex(of: exemplar.transcriptID))
                #expect(result.assignments[index] == theme.id)
                #expect(byID[exemplar.transcriptID]!.turns[exemplar.turnIndex].role == .customer)
                #expect(!exemplar.text.contains("@example.com"), "\(exemplar.text)")
                #expect(exemplar.text.count <= options.exemplars.maximumLength)
                #expect(exemplar.similarity > 0)
            }
        }
        // Identical turns give one quote, never the same words twice.
        var copies = transcripts
        for index in copies.indices where copies[index].id.hasPrefix("pin") {
            copies[index].turns[0].text = "How do I change the PIN of my debit card in the app? Thanks, great app."
        }
        let repeated = try await ThemeAnalysis(options: options).run(copies)
        #expect(repeated.themes.map(\.exemplars.count).sorted() == [1, 3])
        let quotes = result.themes.flatMap(\.exemplars).map(\.text)
        #expect(quotes.contains { $0.contains("[EMAIL]") }, "\(quotes)")
    }

    @Test("a long turn is trimmed to its best sentence and one more, a long sentence cut at a word")
    func trimming() {
        let selector = ExemplarSelector(maximumLength: 60)
        let splitter = SentenceSplitter()
        let text = "Hello there.  I was charged twice for one order.\nPlease refund it. Thanks a lot for everything you do."
        let quote = selector.trimmed(text, splitter: splitter) { $0.contains("charged") ? 1 : 0 }
        #expect(quote == "I was charged twice for one order. Please refund it.")
        let long = String(repeating: "refund ", count: 30)
        let cut = selector.trimmed(long, splitter: splitter) { _ in 1 }
        #expect(cut.count <= 60 && cut.hasSuffix("…") && !cut.hasSuffix(" …"))
        #expect(cut.dropLast().split(separator: " ").allSatisfy { $0 == "refund" })
        #expect(selector.trimmed("   \n ", splitter: splitter) { _ in 1 } == "")
    }
}

@Suite("The themes job")
struct ThemeReportJobTests {
    @Test("transcripts streamed in give the same themes as the same transcripts analysed directly, filters counted")
    func streamed() async throws {
        let transcripts = ThemeDescriptionTests.twoThemes()
        var job = ThemeReportJob()
        job.analysis.clustering = KMeansOptions(k: 2, seed: 0, restarts: 1)
        job.filter = TranscriptFilter(channels: [.chat])
        let stream = AsyncStream<Transcript> { continuation in
            for transcript in transcripts { continuation.yield(transcript) }
            continuation.finish()
        }
        let report = try await job.run(transcripts: stream)
        #expect(report.filteredOut == 20 && report.conversationCount == 20)
        #expect(report.ingestion.recordsRead == 40 && report.ingestion.recordsAnalyzed == 40)
        #expect(report.timings.first?.stage == "read" && report.timings.count == 8)
        let direct = try await ThemeAnalysis(options: job.analysis).run(transcripts.filter { $0.channel == .chat })
        #expect(ThemeJSON.render(report.result, includeAssignments: true) == ThemeJSON.render(direct, includeAssignments: true))
    }

    @Test("without content hashes the job reads only the analysed roles' text and reports the same themes")
    func withoutContentHashes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("job-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = SyntheticCorpus(seed: 9).transcripts(count: 300).map { TranscriptJSONL.line(for: $0) }.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: folder)
        var job = ThemeReportJob()
        job.analysis.clustering = KMeansOptions(k: 4, seed: 0, restarts: 1)
        let hashed = try await job.run(paths: [folder.path])
        job.hashesContent = false
        let unhashed = try await job.run(paths: [folder.path])
        #expect(ThemeJSON.render(unhashed.result, includeAssignments: true) == ThemeJSON.render(hashed.result, includeAssignments: true))
        #expect(hashed.result.conversations.allSatisfy { $0.contentHash != 0 })
        #expect(unhashed.result.conversations.allSatisfy { $0.contentHash == 0 })
    }

    @Test("a job over files that cannot be read throws the problem, naming the file")
    func unreadable() async {
        do {
            _ = try await ThemeReportJob().run(paths: ["/nonexistent/chats.jsonl"])
            Issue.record("expected a problem")
        } catch let problem as IngestionProblem {
            #expect(problem.code == .unreadableInput)
            #expect(problem.description.contains("/nonexistent/chats.jsonl"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
