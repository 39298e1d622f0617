import Foundation
import TestSupport
import Testing
@testable import TranscriptMiner

/// The parallel JSONL/lines path of ``Ingestor``: blocks decoded on workers, results in order.
@Suite("Ingestion: parallel blocks, same results with any number of workers")
struct ParallelIngestionTests {
    /// A JSONL input of `count` records spread over several blocks (4,096 lines each), with bad
    /// records at known lines, some of them right at block boundaries.
    static func corpus(count: Int = 20_000) -> (text: [UInt8], badLines: [Int: IngestionProblem.Code]) {
        var lines: [String] = []
        var bad: [Int: IngestionProblem.Code] = [:]
        let faults: [(String, IngestionProblem.Code?)] = [
            ("{not json", .invalidJSON),
            ("[1,2]", .invalidField),
            (#"{"id":"t5","text":"a duplicate of an earlier id"}"#, .duplicateID),
            (#"{"id":"x","turns":[{"role":"customer","text":"  "}]}"#, .emptyTranscript),
            (#"{"id":"y","turns":[{"role":"agent"}]}"#, .missingField),
            (#"{"id":"z","text":"\#(String(repeating: "long ", count: 120))"}"#, .lineTooLong),
            ("   ", nil),  // blank: skipped, not a record
        ]
        var fault = 0
        for n in 1...count {
            let number = lines.count + 1
            if number % 997 == 0 || number == 4096 || number == 4097 || number == 8192 {
                let (line, code) = faults[fault % faults.count]
                fault += 1
                lines.append(line)
                if let code { bad[number] = code }
            }
            let escapes = n % 3 == 0 ? #"\n\"quoted\" caf\u00e9"# : ""
            let channel = ["chat", "email", "social"][n % 3]
            lines.append(#"{"id":"t\#(n)","channel":"\#(channel)","created_at":"2024-05-\#(10 + n % 18)T09:31:07Z","label":"l\#(n % 7)","turns":[{"role":"customer","text":"card \#(n) has not arrived, call 555-123-\#(String(format: "%04d", n % 10_000))\#(escapes)"},{"role":"agent","text":"Sorry.","public":\#(n % 5 != 0)},{"role":"agent","text":"note","public":false}],"csat":\#(n % 5)}"#)
        }
        return (Array((lines.joined(separator: "\n") + "\n").utf8), bad)
    }

    /// Everything a read produces, to compare runs.
    struct Outcome: Equatable {
        var transcripts: [Transcript] = []
        var locations: [TranscriptMiner.SourceLocation] = []
        var summary = IngestionSummary()
    }

    static func read(_ paths: [String], workers: Int, strict: Bool = false, maximumLineLength: Int = 400) throws -> Outcome {
        var outcome = Outcome()
        let options = IngestionOptions(strict: strict, maximumLineLength: maximumLineLength, workers: workers)
        outcome.summary = try Ingestor(options: options).read(paths) { transcript, location in
            outcome.transcripts.append(transcript)
            outcome.locations.append(location)
        }
        return outcome
    }

    @Test func resultsAreTheSameWithOneTwoAndEightWorkers() throws {
        let folder = try TemporaryFolder()
        let (text, bad) = Self.corpus()
        let path = try folder.write("many.jsonl", text)
        let one = try Self.read([path], workers: 1)
        #expect(one.summary.recordsRead == one.summary.recordsAnalyzed + one.summary.recordsRejected)
        #expect(one.transcripts.count == 20_000)  // every fault line is rejected or blank
        for workers in [2, 8] {
            let many = try Self.read([path], workers: workers)
            #expect(many == one, "workers: \(workers)")
        }
        // Problems keep their lines, across block boundaries too.
        let rejected = Dictionary(uniqueKeysWithValues: one.summary.problems.filter(\.isRejection).map { ($0.location.line!, $0.code) })
        #expect(rejected == bad)
        #expect(rejected.count >= 15)
    }

    /// A stream that fails after `limit` bytes.
    final class FailingStream: ByteStream {
        let base: MemoryStream
        var left: Int
        init(_ bytes: [UInt8], failingAfter limit: Int) {
            base = MemoryStream(bytes)
            left = limit
        }
        func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            guard left > 0 else { throw ByteStreamError(reason: "disk on fire") }
            let n = try base.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(buffer.count, left)]))
            left -= n
            return n
        }
    }

    @Test func blocksKeepLineNumbersAcrossBoundariesAndRaiseStreamErrorsAfterTheirLines() throws {
        let text = Array("a\nbb\n\(String(repeating: "x", count: 50))\nccc\r\n\ndd\ne".utf8)
        var blocks = LineBlockReader(LineReader(MemoryStream(text), maximumLineLength: 10, chunkSize: 16), blockBytes: 1 << 20, blockLines: 3)
        var seen: [(Int, String, Int?)] = []
        var sizes: [Int] = []
        while let block = try blocks.next() {
            sizes.append(block.lines.count)
            for line in block.lines { seen.append((line.number, String(decoding: block.bytes(of: line), as: UTF8.self), line.overlongLength)) }
        }
        #expect(sizes == [3, 3, 1])
        #expect(seen.map(\.0) == [1, 2, 3, 4, 5, 6, 7])
        #expect(seen.map(\.1) == ["a", "bb", "", "ccc", "", "dd", "e"])
        #expect(seen.map(\.2) == [nil, nil, 50, nil, nil, nil, nil])
        // A failing stream: the lines read before the failure come first, then the error.
        var failing = LineBlockReader(LineReader(FailingStream(text, failingAfter: 9), chunkSize: 4), blockLines: 100)
        let first = try failing.next()
        #expect(first?.lines.map(\.number) == [1, 2])
        #expect(throws: ByteStreamError.self) { _ = try failing.next() }
        #expect(try failing.next() == nil)
    }

    @Test func orderIsPreservedAndLocationsAreTheRecordsLines() throws {
        let folder = try TemporaryFolder()
        let (text, _) = Self.corpus(count: 12_000)
        let path = try folder.write("order.jsonl", text)
        let outcome = try Self.read([path], workers: 8)
        let numbers = outcome.transcripts.compactMap { Int($0.id.dropFirst()) }
        #expect(numbers == Array(1...12_000))
        // The location of each transcript is the line its record is on.
        let lines = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (transcript, location) in zip(outcome.transcripts, outcome.locations).prefix(5_000) {
            #expect(lines[location.line! - 1].contains("\"id\":\"\(transcript.id)\""))
        }
    }

    @Test func strictModeStopsAtTheFirstProblemInInputOrder() throws {
        let folder = try TemporaryFolder()
        var lines = (1...20_000).map { #"{"id":"t\#($0)","text":"message \#($0)"}"# }
        lines[14_999] = "{broken later"
        lines[8_999] = "{broken first"
        let path = try folder.write("strict.jsonl", lines.joined(separator: "\n") + "\n")
        for workers in [1, 2, 8] {
            var consumed = 0
            #expect(throws: IngestionProblem.self) {
                _ = try Ingestor(options: IngestionOptions(strict: true, workers: workers)).read([path]) { _, _ in consumed += 1 }
            }
            do {
                _ = try Ingestor(options: IngestionOptions(strict: true, workers: workers)).read([path]) { _, _ in }
            } catch let problem as IngestionProblem {
                #expect(problem.code == .invalidJSON && problem.location.line == 9_000, "workers: \(workers)")
            }
            #expect(consumed == 8_999, "workers: \(workers)")
        }
    }

    @Test func aConsumerErrorStopsTheReadAtThatTranscript() throws {
        struct Enough: Error {}
        let folder = try TemporaryFolder()
        let (text, _) = Self.corpus(count: 10_000)
        let path = try folder.write("stop.jsonl", text)
        var consumed = 0
        #expect(throws: Enough.self) {
            _ = try Ingestor(options: IngestionOptions(maximumLineLength: 400, workers: 8)).read([path]) { _, _ in
                consumed += 1
                if consumed == 5_000 { throw Enough() }
            }
        }
        #expect(consumed == 5_000)
    }

    @Test func truncatedGzipCountsTheSameWithAnyWorkers() throws {
        let folder = try TemporaryFolder()
        let (text, _) = Self.corpus(count: 20_000)
        let gz = try folder.gzip(try folder.write("big.jsonl", text))
        let data = try Data(contentsOf: URL(fileURLWithPath: gz))
        let cut = try folder.write("cut.jsonl.gz", Array(data.prefix(data.count * 2 / 3)))
        let one = try Self.read([cut], workers: 1)
        #expect(one.summary.fileProblemsByCode == [.truncatedInput: 1])
        #expect(one.transcripts.count > 4_096)
        #expect(try Self.read([cut], workers: 8) == one)
        let whole = try Self.read([gz], workers: 8)
        #expect(whole == (try Self.read([gz], workers: 1)))
        #expect(whole.transcripts.count == 20_000)
    }

    @Test func linesFormatIsTheSameWithAnyWorkers() throws {
        let folder = try TemporaryFolder()
        var text: [UInt8] = []
        for n in 1...15_000 { text += Array((n % 1_000 == 0 ? "" : n % 777 == 0 ? "caf" : "document \(n) mail jo\(n)@example.com").utf8) + (n % 777 == 0 ? [0xC3] : []) + [10] }
        let path = try folder.write("docs.txt", text)
        var options = IngestionOptions(format: .lines, workers: 1)
        var one: [Transcript] = []
        let summaryOne = try Ingestor(options: options).read([path]) { transcript, _ in one.append(transcript) }
        options.workers = 8
        var eight: [Transcript] = []
        let summaryEight = try Ingestor(options: options).read([path]) { transcript, _ in eight.append(transcript) }
        #expect(one == eight && summaryOne == summaryEight)
        #expect(summaryOne.rejectedByCode == [.emptyTranscript: 15])
        #expect(summaryOne.repairedByCode == [.invalidUTF8: 19])
        #expect(one.first?.turns.first?.text == "document 1 mail [EMAIL]")
    }

    @Test func prepareRunsOnEveryKeptTranscriptAndKeepsOrder() throws {
        let folder = try TemporaryFolder()
        let (text, _) = Self.corpus(count: 9_000)
        let path = try folder.write("prep.jsonl", text)
        let plain = try Self.read([path], workers: 1)
        var hashes: [UInt64] = []
        let summary = try Ingestor(options: IngestionOptions(maximumLineLength: 400, workers: 8))
            .read([path], prepare: { $0.contentHash }) { hash, _ in hashes.append(hash) }
        #expect(hashes == plain.transcripts.map(\.contentHash))
        #expect(summary == plain.summary)
    }

    /// The tape fast path decodes exactly what the `JSONValue` path decodes, or declines.
    @Test func tapeAndTreeDecodeRecordsAlike() throws {
        let records = [
            #"{"id":"a","turns":[{"role":"customer","text":"hi"},{"speaker":"agent","body":"yo","author":"Jo","timestamp":"2024-01-01T00:00:00Z"}]}"#,
            #"{"id":"b","turns":[{"role":"customer","text":"first"}],"turns":[{"role":"agent","text":"last wins"}]}"#,
            #"{"id":"c","turns":[{"role":"customer","text":"x","text":"dup in turn"}]}"#,
            #"{"id":7,"text":"numeric id","csat":4,"CSAT":5,"label":"l","queue":3,"metadata":{"a":"b","n":2.5,"a":"c"},"scores":{"nps":9,"x":"y"}}"#,
            #"{"id":1e3,"text":"exp id"}"#, #"{"id":-0.5,"text":"neg"}"#, #"{"id":12345678901234567890,"text":"big"}"#,
            #"{"id":"","text":"empty id"}"#, #"{"id":null,"text":"null id"}"#, #"{"id":true,"text":"bool id"}"#,
            #"{"id":"d","turns":{"a":1}}"#, #"{"id":"e","turns":[1]}"#, #"{"id":"f","turns":[{"role":"agent"}]}"#,
            #"{"id":"g","turns":[{"role":1,"text":5}]}"#, #"{"id":"h","turns":[{"role":5,"speaker":"agent","text":"role not a string"}]}"#,
            #"{"id":"i","text":5,"body":"second key is the string"}"#, #"{"id":"j"}"#, #"{"id":"k","messages":[],"text":"t"}"#,
            #"{"id":"l","conversation":[{"text":"c"}],"turns":3}"#, #"{"id":"m","text":"esc \"q\" \u00e9 \ud83d\ude00 \ud800 x \/ \t"}"#,
            #"{"id":"n","text":"x","public":false,"channel":"Web Chat","created_at":1715938267,"date":"2024-01-01"}"#,
            #"{"id":"o","turns":[{"text":"p","public":0},{"text":"q","public":null,"author_id":42,"time":"  2024-05-17  "}]}"#,
            #"{"id":"p","text":"x","nested":{"a":[1,{"b":null}]},"list":[true,false],"n":null}"#,
            #"{"i\u0064":"escaped key","text":"x"}"#, #"  {"id":"q","text":"spaces"}  "#, #"{"id":"r","text":"x"} trailing"#,
            #"{"id":"s","text":"01"}"#, #"{"id":01,"text":"leading zero"}"#, #"{"id":"t","text":"ctl "#, "[1]", "\"s\"", "{}", "{",
            #"{"id":"u","metadata":"not an object","scores":[1],"text":"x","Rating":"7","rating":2}"#,
        ]
        let location = TranscriptMiner.SourceLocation(file: "f.jsonl", line: 3)
        var fastCount = 0
        for record in records {
            let bytes = Array(record.utf8)
            let tree: String
            do {
                let value = try JSONParser.parse(bytes)
                if case .object = value {
                    tree = Self.describe(JSONRecord.transcript(from: value, at: location, defaultID: "f.jsonl:3"))
                } else {
                    tree = "not an object"
                }
            } catch {
                tree = "invalid"
            }
            guard let fast = bytes.withUnsafeBufferPointer({ JSONRecord.fastEvent(for: $0, at: location, defaultID: "f.jsonl:3") }) else { continue }
            fastCount += 1
            #expect(Self.describe(fast) == tree, "\(record)")
        }
        #expect(fastCount >= 25)
    }

    static func describe(_ event: ReadEvent) -> String {
        switch event {
        case .transcript(let transcript, let location):
            let data = try! JSONEncoder.sorted.encode(transcript)
            return "\(location) " + String(decoding: data, as: UTF8.self)
        case .problem(let problem): return "\(problem) \(problem.isRejection)"
        }
    }
}

private extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}

@Suite("Redaction scan: 8-byte skipping")
struct PIIScanWordTests {
    /// The bytes where a detector may start, as `PIIScan`'s table lists them.
    static let starts = Set(Array("#./0123456789:?@Ww".utf8))

    @Test func wordTestAgreesWithTheByteTableForEveryByteInEveryPosition() {
        for position in 0..<8 {
            for filler: UInt8 in [0x61, 0x20, 0xC3, 0x00, 0x7F, 0xFF] where !Self.starts.contains(filler) {
                for byte in 0...255 {
                    var word: UInt64 = 0
                    for k in 0..<8 { word |= UInt64(k == position ? UInt8(byte) : filler) << (8 * UInt64(k)) }
                    #expect(PIIScan.mayStartSomething(word) == Self.starts.contains(UInt8(byte)), "byte \(byte) at \(position)")
                }
            }
        }
        var rng = SplitMix64(seed: 7)
        for _ in 0..<100_000 {
            let word = rng.next()
            let expected = (0..<8).contains { Self.starts.contains(UInt8(truncatingIfNeeded: word >> (8 * UInt64($0)))) }
            #expect(PIIScan.mayStartSomething(word) == expected)
        }
    }
}
