import Foundation
import Testing
import ThemeCluster
@testable import TranscriptMiner

/// A partitioned run (vocabulary partials → merge → fit → assignment partials → merged report)
/// gives the same bytes for every split of the input and every order of the partials.
@Suite("Partitioned runs merge exactly")
struct PartitionedRunTests {
    /// A JSONL corpus of synthetic conversations with a broken line at `brokenLine` and the id of
    /// the first transcript repeated at the end (a duplicate that lands in another part).
    static func corpus(count: Int = 900, brokenLine: Int = 400) throws -> (path: String, size: Int) {
        let transcripts = Array(SyntheticCorpus(seed: 5).transcripts(count: count))
        var lines = transcripts.map { TranscriptJSONL.line(for: $0) }
        lines.insert("{\"id\": \"broken\", \"turns\": [", at: brokenLine - 1)
        lines.append(TranscriptJSONL.line(for: transcripts[0]))
        let text = lines.joined(separator: "\n") + "\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("partitioned-\(UUID().uuidString).jsonl").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (path, text.utf8.count)
    }

    /// Parts of `size` bytes cut at `cuts` (fractions of the file).
    static func parts(_ path: String, size: Int, cuts: [Double]) -> [InputPart] {
        let points = [0] + cuts.map { Int(Double(size) * $0) } + [size]
        return (0..<(points.count - 1)).map { InputPart(index: $0, source: path, offset: points[$0], length: points[$0 + 1] - points[$0]) }
    }

    static func roundTrip<T: Codable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(PartialJSON.encode(value)))
    }

    /// The merged vocabulary of `parts`, each sending at most `quota` sample candidates, with the
    /// parts the first merge lists counted again (as the Spark driver does); and that list.
    static func vocabulary(_ parts: [InputPart], options: ThemeJobOptions, quota: Int? = nil) async throws -> MergedVocabulary {
        try await vocabularyAndReruns(parts, options: options, quota: quota).vocabulary
    }

    static func vocabularyAndReruns(_ parts: [InputPart], options: ThemeJobOptions, quota: Int? = nil) async throws
        -> (vocabulary: MergedVocabulary, reruns: [Int]) {
        var partials: [VocabularyPartial] = []
        for part in parts {
            partials.append(try roundTrip(try await VocabularyPartial.compute(part, options: options, sampleQuota: quota, workers: 2)))
        }
        let first = try MergedVocabulary(merging: partials.reversed())
        // Parts holding ids that earlier parts have, or cut short by their quota, are counted again.
        for index in first.rerunParts { partials[index] = try await VocabularyPartial.compute(parts[index], options: options, after: first) }
        let final = try MergedVocabulary(merging: partials)
        #expect(final.rerunParts.isEmpty)
        return (final, first.rerunParts)
    }

    static func report(_ parts: [InputPart], model: ThemeModel, vocabulary: MergedVocabulary, shuffle: Bool) async throws -> String {
        var partials: [AssignmentPartial] = []
        for part in parts {
            let (partial, _, _) = try await AssignmentPartial.compute(part, model: model, earlierIDs: vocabulary.earlierIDs(forPart: part.index), workers: 3)
            partials.append(try roundTrip(partial))
        }
        if shuffle { partials = partials.enumerated().sorted { ($0.offset * 5 + 3) % partials.count < ($1.offset * 5 + 3) % partials.count }.map(\.element) }
        let report = try await ThemeReport(model: model, merging: partials, top: nil)
        return ThemeJSONRenderer().render(report) + ThemeMarkdownRenderer().render(report) + ThemeHTMLRenderer().render(report)
    }

    @Test("1, 2 and 5 parts, partials in shuffled order: the same vocabulary, model and report bytes; counts, lines and duplicates as in one run")
    func identicalForEverySplit() async throws {
        let (path, size) = try Self.corpus()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = ThemeJobOptions()
        options.fitSample = 500   // smaller than the input: the sample is drawn from the parts' candidates
        let splits: [[Double]] = [[], [0.5], [0.13, 0.4, 0.41, 0.77]]
        var vocabularies: [MergedVocabulary] = []
        // The split parts read the file through a symbolic link (its size is the target's).
        let link = path + ".link.jsonl"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        defer { try? FileManager.default.removeItem(atPath: link) }
        // Quotas: none for one part; 300 for two (each expects 250 of the 500); 60 for five, too few
        // for some of them, which the merge finds and has counted again.
        var reruns: [[Int]] = []
        for (cuts, quota) in zip(splits, [nil, 300, 60]) {
            let (vocabulary, rerun) = try await Self.vocabularyAndReruns(Self.parts(cuts.isEmpty ? path : link, size: size, cuts: cuts),
                                                                         options: options, quota: quota)
            vocabularies.append(vocabulary)
            reruns.append(rerun)
        }
        #expect(reruns[1] == [1], "only the part with the repeated id")
        #expect(reruns[2].count > 1, "quotas of 60 are too small for some of the five parts: \(reruns[2])")
        for vocabulary in vocabularies.dropFirst() {
            #expect(vocabulary.terms == vocabularies[0].terms)
            #expect(vocabulary.documentFrequencies == vocabularies[0].documentFrequencies)
            #expect(vocabulary.sample == vocabularies[0].sample)
            #expect(vocabulary.documentCount == vocabularies[0].documentCount)
        }
        #expect(vocabularies[0].sample.count == 500)
        #expect(vocabularies[0].duplicates.isEmpty)          // one part: its own reader rejects the copy
        #expect(vocabularies[1].duplicates.count == 1)       // the copy is in the second half
        #expect(vocabularies[1].rerunParts.isEmpty)

        let model = try Self.roundTrip(try await ThemeModel.fit(vocabularies[0], clustering: KMeansOptions(k: 6, seed: 0, restarts: 1, workers: 2),
                                                                settings: [ReportSetting("k", "6")]))
        let again = try await ThemeModel.fit(vocabularies[2], clustering: KMeansOptions(k: 6, seed: 0, restarts: 1, workers: 1),
                                             settings: [ReportSetting("k", "6")])
        #expect(again.contentHash == model.contentHash, "the fit depends on the merged vocabulary only")

        var reports: [String] = []
        for (split, cuts) in splits.enumerated() {
            reports.append(try await Self.report(Self.parts(path, size: size, cuts: cuts), model: model, vocabulary: vocabularies[split], shuffle: split > 0))
        }
        #expect(reports[1] == reports[0])
        #expect(reports[2] == reports[0])

        // The whole-file report against what one run over the file counts.
        let (whole, _, _) = try await AssignmentPartial.compute(InputPart(index: 0, source: path), model: model)
        let report = try await ThemeReport(model: model, merging: [whole])
        #expect(report.ingestion.recordsRead == 902)
        #expect(report.ingestion.recordsAnalyzed == 900)
        #expect(report.ingestion.rejectedByCode == [.invalidJSON: 1, .duplicateID: 1])
        #expect(report.ingestion.problems.map { $0.location.line } == [400, 902])
        #expect(report.conversationCount == 900)
        #expect(report.result.themes.reduce(0) { $0 + $1.size } + report.result.unclustered.size == 900)
        #expect(report.inputs.first?.sha256 == PartialJSON.fingerprint(path: path)?.sha256)
        #expect(report.result.themes.allSatisfy { !$0.label.isEmpty && !$0.exemplars.isEmpty })
    }

    @Test("partials that do not belong together are refused with the file and the reason")
    func refusals() async throws {
        let (path, size) = try Self.corpus(count: 200, brokenLine: 50)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let parts = Self.parts(path, size: size, cuts: [0.5])
        let vocabulary = try await Self.vocabulary(parts, options: ThemeJobOptions())
        let model = try await ThemeModel.fit(vocabulary, clustering: KMeansOptions(k: 3, seed: 0, restarts: 1))
        let second = try await AssignmentPartial.compute(parts[1], model: model).partial
        // A missing part.
        await #expect { _ = try await ThemeReport(model: model, merging: [second], names: ["p1.json"]) } throws: { error in
            "\(error)".contains("p1.json is part 1, but part 0 is missing")
        }
        // Another model.
        var other = model
        other.themes.removeLast()
        other.contentHash = other.computedHash
        let first = try await AssignmentPartial.compute(parts[0], model: model).partial
        await #expect { _ = try await ThemeReport(model: other, merging: [first, second], names: ["p0.json", "p1.json"]) } throws: { error in
            "\(error)".contains("p0.json was computed with another model")
        }
        // Different options in the first pass.
        var options = ThemeJobOptions()
        options.channels = ["chat"]
        let filtered = try await VocabularyPartial.compute(parts[1], options: options)
        let plain = try await VocabularyPartial.compute(parts[0], options: ThemeJobOptions())
        #expect { _ = try MergedVocabulary(merging: [plain, filtered], names: ["v0.json", "v1.json"]) } throws: { error in
            "\(error)".contains("v1.json was made with other options")
        }
        // An altered model file.
        let modelPath = path + ".model.json"
        var altered = model
        altered.minimumSimilarity = 0.5
        try Data(altered.encoded()).write(to: URL(fileURLWithPath: modelPath))
        defer { try? FileManager.default.removeItem(atPath: modelPath) }
        #expect { _ = try ThemeModel.read(path: modelPath) } throws: { error in "\(error)".contains("does not match its content hash") }
        // Parts that leave a gap.
        let gap = [InputPart(index: 0, source: path, offset: 0, length: 100), InputPart(index: 1, source: path, offset: 200, length: size - 200)]
        var gapped: [AssignmentPartial] = []
        for part in gap { gapped.append(try await AssignmentPartial.compute(part, model: model).partial) }
        await #expect { _ = try await ThemeReport(model: model, merging: gapped) } throws: { error in
            "\(error)".contains("is not covered by its parts: part 1 starts at byte 200, the part before it ends at 100")
        }
    }

    @Test("only whole files of other formats, and never a slice of a gzip file")
    func splittableFormats() throws {
        let lines = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString).txt").path
        try Data("my card is blocked\nrefund please\n".utf8).write(to: URL(fileURLWithPath: lines))
        defer { try? FileManager.default.removeItem(atPath: lines) }
        #expect { _ = try PartInput.read(InputPart(index: 1, source: lines, offset: 5, length: 10), options: ThemeJobOptions(), strict: false) } throws: { error in
            "\(error)".contains("only JSONL files can be split into byte ranges (this one reads as lines)")
        }
        let whole = try PartInput.read(InputPart(index: 0, source: lines), options: ThemeJobOptions(), strict: false)
        #expect(whole.transcripts.count == 2)
        let gzip = try #require(Self.sampleGzip())
        #expect { _ = try PartInput.read(InputPart(index: 0, source: gzip, offset: 0, length: 100), options: ThemeJobOptions(), strict: false) } throws: { error in
            "\(error)".contains("a gzip file cannot be split")
        }
    }

    static func sampleGzip() -> String? {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../corpora/support-sample.jsonl.gz").standardized.path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    @Test("a chosen k and a user lexicon travel with the model: the report shows the k search and scores with the lexicon")
    func modelCarriesKSelectionAndLexicon() async throws {
        let (path, _) = try Self.corpus(count: 400, brokenLine: 10)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let part = InputPart(index: 0, source: path)
        var plain = ThemeJobOptions()
        plain.fitSample = 0
        var scored = plain
        scored.userLexicon = .init(name: "mine.tsv", text: "card\t-3.5\nrefund\t-3.0\n")
        #expect(plain.hash != scored.hash)
        var reports: [ThemeReport] = []
        for options in [plain, scored] {
            let vocabulary = try MergedVocabulary(merging: [try await VocabularyPartial.compute(part, options: options)])
            let model = try Self.roundTrip(try await ThemeModel.fit(vocabulary, clustering: KMeansOptions(seed: 1, restarts: 1),
                                                                    themeCount: .automatic(3...6, criterion: .modularity)))
            let selection = try #require(model.kSelection)
            #expect((3...6).contains(selection.k) && selection.k == model.k && !selection.scores.isEmpty)
            let (partial, _, _) = try await AssignmentPartial.compute(part, model: model)
            reports.append(try await ThemeReport(model: model, merging: [partial]))
        }
        let json = ThemeJSONRenderer().render(reports[0])
        #expect(json.contains(#""k":{"mode":"auto","chosen":"#))
        let mean = { (report: ThemeReport) in report.result.themes.reduce(0.0) { $0 + $1.statistics.meanSentiment * Double($1.size) } }
        #expect(mean(reports[1]) < mean(reports[0]) - 10, "'card' and 'refund' made negative lower the customers' sentiment")
        #expect(scored.settings.contains(ReportSetting("lexicon", "mine.tsv")))
    }

    @Test("tallies add up to the same statistics in any order")
    func talliesAreExact() {
        let facts = (0..<500).map { i in
            ConversationFacts(compound: sin(Double(i) * 0.37), scoredTurns: i % 4, endsWorse: i % 7 == 0, customerTurns: i % 9, channel: i % 3 == 0 ? .email : .chat)
        }
        var whole = ThemeTally()
        for fact in facts { whole.add(fact, pain: PainScore()) }
        var thirds = [ThemeTally](repeating: ThemeTally(), count: 3)
        for (i, fact) in facts.enumerated() { thirds[i % 3].add(fact, pain: PainScore()) }
        var merged = thirds[2]
        merged.add(thirds[0])
        merged.add(thirds[1])
        #expect(merged == whole)
        let statistics = ThemeStatistics(tally: whole, total: 1000)
        let direct = ThemeStatistics(members: facts.indices, facts: facts, total: 1000, pain: PainScore())
        #expect(statistics.size == direct.size && statistics.sentimentBands == direct.sentimentBands && statistics.channels == direct.channels)
        #expect(abs(statistics.meanSentiment - direct.meanSentiment) < 1e-11)
        #expect(abs(statistics.painScore - direct.painScore) < 1e-9)
    }
}
