import Foundation
import Testing
import TestSupport
@testable import TranscriptMiner

/// Seeded mutations of the samples: a reader never crashes, and every record still ends up as
/// exactly one transcript or one rejection.
enum SampleMutator {
    /// Multiplies the iteration counts: `TRANSCRIPTMINER_FUZZ_SCALE=50` for a long local sweep.
    static let scale = max(1, Int(ProcessInfo.processInfo.environment["TRANSCRIPTMINER_FUZZ_SCALE"] ?? "") ?? 1)

    static let tokens: [[UInt8]] = ["\n", "\r\n", "\n\n", "--", "-- \n", "=?", "?=", "=?utf-8?B?", "=?x?Q?=FF", "=", "=\n",
                                    "From ", "\nFrom a Mon Jan 15 10:32:00 2024\n", ">", "\"", "\\", "{", "}", "[", "]",
                                    ",", ":", "<", "<blockquote>", "Content-Type: multipart/mixed; boundary=b\n",
                                    "Content-Transfer-Encoding: base64\n", "\n--b\n", "\n--b--\n", "\u{FEFF}", "\"tickets\":["]
        .map { Array($0.utf8) }

    /// `bytes` with 1–4 random edits.
    static func mutate(_ bytes: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var out = bytes
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let position = out.isEmpty ? 0 : Int.random(in: 0..<out.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !out.isEmpty:
                out[position] = UInt8.random(in: 0...255, using: &rng)
            case 1 where !out.isEmpty:
                out.removeSubrange(position..<min(out.count, position + Int.random(in: 1...64, using: &rng)))
            case 2 where !out.isEmpty:
                let end = min(out.count, position + Int.random(in: 1...200, using: &rng))
                out.insert(contentsOf: out[position..<end], at: Int.random(in: 0...out.count, using: &rng))
            case 3:
                out.insert(contentsOf: tokens.randomElement(using: &rng)!, at: position)
            case 4:
                out.removeSubrange(position..<out.count)
            default:
                out.insert(contentsOf: (0..<Int.random(in: 1...8, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: position)
            }
        }
        return out
    }
}

@Suite struct EmailFuzzTests {
    static let seeds: [UInt64] = [1, 2, 3]
    let options = EmailReaderOptions(agentDomains: ["examplebank.example"])

    @Test(arguments: seeds) func mutatedMessagesKeepTheContract(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let originals = try emlNames("email").map { try corpusFileBytes("email/\($0)") } + (try emlNames("malformed/email").map { try corpusFileBytes("malformed/email/\($0)") })
        for iteration in 0..<(300 * SampleMutator.scale) {
            let bytes = SampleMutator.mutate(originals.randomElement(using: &rng)!, using: &rng)
            let log = ReaderLog.read(EmailReader(options: options), bytes, file: "fuzz.eml")
            let blank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            #expect(log.read == (blank ? 0 : 1), "seed \(seed) iteration \(iteration)")
            #expect(log.transcripts.allSatisfy { !$0.id.isEmpty && $0.turns.count <= 1 }, "seed \(seed) iteration \(iteration)")
        }
    }

    @Test(arguments: seeds) func mutatedMailboxesKeepTheContract(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let originals = [try corpusFileBytes("sample.mbox"), try corpusFileBytes("malformed/sample.mbox")]
        let unthreaded = EmailReaderOptions(agentDomains: ["examplebank.example"], threadsMessages: false)
        for iteration in 0..<(150 * SampleMutator.scale) {
            let bytes = SampleMutator.mutate(originals.randomElement(using: &rng)!, using: &rng)
            var splitter = MboxSplitter(LineReader(MemoryStream(bytes)), maximumMessageBytes: unthreaded.maximumMessageBytes)
            var messages = 0
            while try splitter.next() != nil { messages += 1 }
            let each = ReaderLog.read(MboxReader(options: unthreaded), bytes, file: "fuzz.mbox")
            #expect(each.read == messages, "seed \(seed) iteration \(iteration)")
            let threaded = ReaderLog.read(MboxReader(options: options), bytes, file: "fuzz.mbox")
            #expect(threaded.rejected == each.rejected, "seed \(seed) iteration \(iteration)")
            #expect(threaded.transcripts.count <= each.transcripts.count, "seed \(seed) iteration \(iteration)")
            #expect(threaded.turns == each.turns, "seed \(seed) iteration \(iteration)")  // threads regroup turns, never lose one
            #expect(Set(threaded.transcripts.map(\.id)).count == threaded.transcripts.count, "seed \(seed) iteration \(iteration)")
        }
    }

    @Test(arguments: seeds) func randomBytesNeverCrash(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        for _ in 0..<(100 * SampleMutator.scale) {
            let bytes = (0..<Int.random(in: 0...600, using: &rng)).map { _ in
                Bool.random(using: &rng) ? SampleMutator.tokens.randomElement(using: &rng)!.first! : UInt8.random(in: 0...255, using: &rng)
            }
            _ = ReaderLog.read(EmailReader(), bytes)
            _ = ReaderLog.read(MboxReader(), bytes)
        }
    }
}
