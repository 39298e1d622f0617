import Foundation
import Testing
@testable import TranscriptMiner

@Suite("Theme analysis end to end")
struct ThemeAnalysisTests {
    /// Normalised mutual information (arithmetic mean normalisation, as scikit-learn's default).
    static func nmi(_ a: [String], _ b: [String]) -> Double {
        let n = Double(a.count)
        var joint: [String: [String: Double]] = [:], countA: [String: Double] = [:], countB: [String: Double] = [:]
        for (x, y) in zip(a, b) {
            joint[x, default: [:]][y, default: 0] += 1
            countA[x, default: 0] += 1
            countB[y, default: 0] += 1
        }
        var mutual = 0.0
        for (x, row) in joint { for (y, c) in row { mutual += c / n * log(c * n / (countA[x]! * countB[y]!)) } }
        func entropy(_ counts: [String: Double]) -> Double { -counts.values.reduce(0) { $0 + $1 / n * log($1 / n) } }
        let mean = (entropy(countA) + entropy(countB)) / 2
        return mean > 0 ? mutual / mean : 1
    }

    @Test("the planted themes of the synthetic corpus are recovered")
    func recoversPlantedThemes() async throws {
        let transcripts = Array(SyntheticCorpus(seed: 11).transcripts(count: 1200))
        var options = ThemeOptions()
        options.clustering = KMeansOptions(k: PlantedTheme.banking.count, seed: 0, restarts: 3)
        let result = try await ThemeAnalysis(options: options).run(transcripts)
        let truth = transcripts.map { $0.metadata["theme"] ?? "?" }
        let found = result.assignments.map { $0.map(String.init) ?? "unclustered" }
        let score = Self.nmi(truth, found)
        #expect(score > 0.75, "NMI \(score) against the planted themes")
        #expect(result.themes.count == PlantedTheme.banking.count)
        #expect(result.themes.map(\.rank) == Array(1...result.themes.count))
        #expect(result.themes.map(\.statistics.painScore) == result.themes.map(\.statistics.painScore).sorted(by: >))
        #expect(Set(result.themes.map(\.id)) == Set(0..<result.themes.count))
        // Baseline the method must beat: the same pipeline without neighbour smoothing.
        options.neighborSmoothing = nil
        let plain = try await ThemeAnalysis(options: options).run(transcripts)
        let plainScore = Self.nmi(truth, plain.assignments.map { $0.map(String.init) ?? "unclustered" })
        #expect(score >= plainScore - 0.02, "with smoothing \(score), without \(plainScore)")
    }

    @Test("same input, options and seed give identical themes for 1 and 3 workers")
    func deterministic() async throws {
        let transcripts = Array(SyntheticCorpus(seed: 5).transcripts(count: 600))
        var results: [String] = []
        for workers in [1, 3] {
            var options = ThemeOptions()
            options.clustering = KMeansOptions(k: 8, seed: 7, restarts: 2, workers: workers)
            results.append(ThemeJSON.render(try await ThemeAnalysis(options: options).run(transcripts), includeAssignments: true))
        }
        #expect(results[0] == results[1])
    }

    @Test("documents without any term are unclustered, never a theme of their own")
    func emptyDocuments() async throws {
        var transcripts = Array(SyntheticCorpus(seed: 2).transcripts(count: 200))
        transcripts.append(Transcript(id: "empty", turns: [Turn(role: .customer, text: "hi thanks")]))
        var options = ThemeOptions()
        options.clustering.k = 5
        let result = try await ThemeAnalysis(options: options).run(transcripts)
        #expect(result.assignments.last! == nil)
        #expect(result.unclusteredWithoutTerms == 1)
        #expect(result.unclustered.size == result.unclusteredWithoutTerms + result.unclusteredBelowSimilarity)
        #expect(result.themes.reduce(0) { $0 + $1.size } + result.unclustered.size == transcripts.count)
    }

    @Test("automatic k: chosen in the range, reported in the result and the JSON, the same for 1 and 3 workers")
    func automaticThemeCount() async throws {
        let transcripts = Array(SyntheticCorpus(seed: 5).transcripts(count: 600))
        var reports: [String] = []
        for workers in [1, 3] {
            var options = ThemeOptions()
            options.clustering = KMeansOptions(seed: 7, workers: workers)
            options.themeCount = .automatic(4...30)
            let result = try await ThemeAnalysis(options: options).run(transcripts)
            let selection = try #require(result.kSelection)
            #expect((4...30).contains(selection.k))
            #expect(result.k == selection.k)
            #expect(result.themes.count <= selection.k)
            #expect(selection.scores.contains { $0.k == selection.k })
            reports.append(ThemeJSON.render(result, includeAssignments: true))
        }
        #expect(reports[0] == reports[1])
        #expect(reports[0].contains("\"k\":{\"mode\":\"auto\",\"chosen\":"))
        // The fixed path reports the k it was given and no selection.
        var options = ThemeOptions()
        options.clustering.k = 5
        let fixed = try await ThemeAnalysis(options: options).run(Array(transcripts.prefix(200)))
        #expect(fixed.kSelection == nil)
        #expect(ThemeJSON.render(fixed, includeAssignments: false).contains("\"k\":{\"mode\":\"fixed\",\"chosen\":5}"))
    }
}
