import Foundation
import Testing
import TestSupport
@testable import TranscriptMiner

@Suite struct ZendeskFuzzTests {
    @Test(arguments: [UInt64(1), 2, 3]) func mutatedExportsKeepTheContract(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let document = try corpusFileBytes("sample-zendesk.json")
        let tickets = (try JSONSerialization.jsonObject(with: Data(document)) as! [String: Any])["tickets"] as! [Any]
        let jsonl = Array(try tickets.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }.joined(separator: "\n").utf8)
        let originals = [document, try corpusFileBytes("malformed/sample-zendesk.json"), jsonl]
        for iteration in 0..<(200 * SampleMutator.scale) {
            let pick = Int.random(in: 0..<originals.count, using: &rng)
            let bytes = SampleMutator.mutate(originals[pick], using: &rng)
            let file = pick == 2 ? "fuzz.jsonl" : "fuzz.json"
            var splitter = JSONRecordSplitter(recordsKey: "tickets", lineDelimited: pick == 2 ? true : nil)
            splitter.feed(bytes) { _ in }
            splitter.finish { _ in }
            let log = ReaderLog.read(ZendeskReader(), bytes, file: file)
            #expect(log.read == splitter.recordCount, "seed \(seed) iteration \(iteration)")
            let numbers = zip(log.transcripts.indices, log.locations).map { $1.record ?? 0 } + log.rejected.compactMap(\.location.record)
            #expect(numbers.sorted() == Array(1...max(1, splitter.recordCount)).prefix(splitter.recordCount).map { $0 }, "seed \(seed) iteration \(iteration)")
            if iteration % 20 == 0 {
                let trickle = ReaderLog.read(ZendeskReader(), bytes, file: file, oneByteAtATime: true)
                #expect(trickle.transcripts == log.transcripts && trickle.problems == log.problems, "seed \(seed) iteration \(iteration)")
            }
        }
    }

    @Test(arguments: [UInt64(7), 8]) func randomBytesNeverCrash(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let alphabet = Array("{}[]\",:\\ \n0123456789truefalsenull\"tickets\"".utf8)
        for _ in 0..<(150 * SampleMutator.scale) {
            let bytes = (0..<Int.random(in: 0...400, using: &rng)).map { _ in
                Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            let log = ReaderLog.read(ZendeskReader(), bytes)
            #expect(log.transcripts.allSatisfy { !$0.id.isEmpty })
        }
    }
}
