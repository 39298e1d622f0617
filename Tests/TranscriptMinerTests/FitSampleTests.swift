import Foundation
import Testing
@testable import TranscriptMiner

@Suite("Fitting on a sample of a large input")
struct FitSampleTests {
    @Test("inputs up to the limit are fitted whole")
    func smallInputsAreNotSampled() {
        let ids = (0..<500).map { "t\($0)" }
        #expect(FitSample(limit: 500).indices(of: ids) == nil)
        #expect(FitSample(limit: 499).indices(of: ids)?.count == 499)
    }

    @Test("the sample depends on the ids only: any input order draws the same transcripts")
    func sampleDependsOnIDsOnly() {
        let ids = (0..<5_000).map { String(format: "t%07d", $0) }
        let rule = FitSample(limit: 1_000)
        let drawn = try! #require(rule.indices(of: ids))
        #expect(drawn.count == 1_000)
        #expect(drawn == drawn.sorted() && Set(drawn).count == drawn.count)
        let shuffled = Array(ids.reversed().enumerated().sorted { ($0.offset * 7919) % 5_000 < ($1.offset * 7919) % 5_000 }.map(\.element))
        let drawnAgain = try! #require(rule.indices(of: shuffled))
        #expect(Set(drawn.map { ids[$0] }) == Set(drawnAgain.map { shuffled[$0] }))
        // Ids that differ only in their last characters spread evenly: every tenth of the
        // sequence gets about a tenth of the sample (binomial sd ≈ 9.5 around 100).
        var perTenth = [Int](repeating: 0, count: 10)
        for index in drawn { perTenth[index / 500] += 1 }
        #expect(perTenth.allSatisfy { (60...140).contains($0) }, "\(perTenth)")
    }

    @Test("beyond the limit every transcript is assigned, planted themes are still found, and workers do not matter")
    func sampledAnalysis() async throws {
        let transcripts = Array(SyntheticCorpus(seed: 11).transcripts(count: 1200))
        let truth = transcripts.map { $0.metadata["theme"] ?? "?" }
        var reports: [String] = []
        var scores: [Double] = []
        for workers in [1, 2, 8] {
            var options = ThemeOptions()
            options.clustering = KMeansOptions(k: PlantedTheme.banking.count, seed: 0, restarts: 3, workers: workers)
            options.fitSample = FitSample(limit: 400)
            let result = try await ThemeAnalysis(options: options).run(transcripts)
            #expect(result.fittedDocuments == 400)
            #expect(result.assignments.count == transcripts.count)
            #expect(result.themes.reduce(0) { $0 + $1.size } + result.unclustered.size == transcripts.count)
            // Documents outside the sample get themes too, in the same proportion.
            let sampled = Set(try #require(FitSample(limit: 400).indices(of: transcripts.map(\.id))))
            let outside = result.assignments.indices.filter { !sampled.contains($0) }
            #expect(outside.filter { result.assignments[$0] != nil }.count > outside.count * 95 / 100)
            scores.append(ThemeAnalysisTests.nmi(truth, result.assignments.map { $0.map(String.init) ?? "unclustered" }))
            reports.append(ThemeJSON.render(result, includeAssignments: true))
        }
        #expect(scores[0] > 0.75, "NMI \(scores[0]) against the planted themes")
        #expect(reports[0] == reports[1] && reports[1] == reports[2])
    }
}
