import Foundation
import TestSupport
import Testing
@testable import TranscriptMiner

@Suite("Synthetic corpus and the JSONL writer")
struct SyntheticCorpusTests {
    @Test func sameSeedSameTranscriptsDifferentSeedDifferent() {
        let a = Array(SyntheticCorpus(seed: 7).transcripts(count: 200))
        let b = Array(SyntheticCorpus(seed: 7).transcripts(count: 200))
        let c = Array(SyntheticCorpus(seed: 8).transcripts(count: 200))
        #expect(a == b)
        #expect(a != c)
    }

    @Test func everyTranscriptHasAPlantedThemeAndCustomerText() {
        let transcripts = Array(SyntheticCorpus(seed: 1).transcripts(count: 3000))
        let labels = Set(PlantedTheme.banking.map(\.label))
        #expect(transcripts.allSatisfy { labels.contains($0.metadata["theme"] ?? "") })
        #expect(transcripts.allSatisfy { $0.turns.contains { $0.role == .customer } && $0.hasText })
        // Every theme occurs, roughly by weight.
        let counts = Dictionary(grouping: transcripts, by: { $0.metadata["theme"]! }).mapValues(\.count)
        #expect(counts.count == labels.count)
        #expect(counts["card_not_arrived"]! > counts["atm_kept_card"]! * 2)
        #expect(Set(transcripts.map(\.id)).count == transcripts.count)
    }

    @Test func jsonlRoundTripsThroughTheReader() throws {
        let transcripts = Array(SyntheticCorpus(seed: 3).transcripts(count: 50))
        let text = transcripts.map(TranscriptJSONL.line(for:)).joined(separator: "\n") + "\n"
        var read: [Transcript] = []
        try JSONLReader().read(MemoryStream(Array(text.utf8)), file: "synth") { event in
            if case .transcript(let transcript, _) = event { read.append(transcript) }
        }
        #expect(read == transcripts)
    }

    @Test func isoDatesWithoutAFormatter() {
        #expect(TranscriptJSONL.iso(Date(timeIntervalSince1970: 1_715_938_267)) == "2024-05-17T09:31:07Z")
        #expect(TranscriptJSONL.iso(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(TranscriptJSONL.iso(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(TranscriptJSONL.iso(Date(timeIntervalSince1970: -86_400)) == "1969-12-31T00:00:00Z")
    }
}
