import Foundation
import TestSupport
import Testing
@testable import TranscriptMiner

/// Seeded sweeps: random bytes and random mutations of the sample corpora go through the CSV
/// and plain-text readers. They must never crash, give the same events whatever the read sizes,
/// and keep the contract: every record is exactly one transcript or one rejection, counted
/// independently of the reader.
@Suite("CSV and plain-text fuzzing")
struct CSVPlainTextFuzzTests {
    private static let corpora = ["sample-messages.csv", "sample-twitter.csv", "sample-transcripts.txt",
                                  "malformed/sample-messages.csv", "malformed/sample-twitter.csv", "malformed/sample-transcripts.txt"]
    private static let specials: [UInt8] = Array(",\"\n\r\t:#[]- 0123456789aZ".utf8) + [0xFF, 0xC3, 0xEF, 0xBB, 0xBF]

    /// Random bytes, mostly the ones the formats give meaning to.
    private static func randomInput(_ generator: inout SplitMix64) -> [UInt8] {
        (0..<Int.random(in: 0...600, using: &generator)).map { _ in
            Int.random(in: 0..<4, using: &generator) == 0 ? UInt8.random(in: 0...255, using: &generator)
                                                          : specials.randomElement(using: &generator)!
        }
    }

    /// A sample with 1 to 8 random edits: a byte changed, a special byte inserted, a range deleted
    /// or duplicated, the end cut off.
    private static func mutatedSample(_ generator: inout SplitMix64, samples: [[UInt8]]) -> [UInt8] {
        var bytes = samples.randomElement(using: &generator)!
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            guard !bytes.isEmpty else { break }
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: bytes[at] = UInt8.random(in: 0...255, using: &generator)
            case 1: bytes.insert(specials.randomElement(using: &generator)!, at: at)
            case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...200, using: &generator)))
            case 3: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int.random(in: 1...200, using: &generator))], at: at)
            default: bytes.removeSubrange(at...)
            }
        }
        return bytes
    }

    /// The CSV records in `bytes`, counted by the record parser alone.
    private static func recordCount(_ bytes: [UInt8], options: CSVReaderOptions) throws -> Int {
        var parser = CSVRecordParser(MemoryStream(bytes), delimiter: options.delimiter, maximumFieldLength: options.maximumFieldLength,
                                     maximumRecordLength: options.maximumRecordLength)
        var count = 0
        while try parser.next() != nil { count += 1 }
        return count
    }

    /// The blocks of a plain-text input, counted without the reader: runs of lines that are not
    /// blank and not `---`.
    private static func blockCount(_ bytes: [UInt8]) -> Int {
        var blocks = 0
        var inBlock = false
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            if index == lines.count - 1 && raw.isEmpty { break }  // after a final line break
            var line = raw
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if index == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            let text = String(decoding: line, as: UTF8.self).drop { $0 == " " || $0 == "\t" }
            let content = text.reversed().drop { $0.isWhitespace }
            let ends = text.allSatisfy(\.isWhitespace) || (content.count >= 3 && content.allSatisfy { $0 == "-" })
            if ends {
                inBlock = false
            } else if !inBlock {
                inBlock = true
                blocks += 1
            }
        }
        return blocks
    }

    /// Checks what every reader reports about any input.
    private static func checkEvents(_ log: CSVTestLog, file: String, seed: UInt64) {
        let allowed: Set<IngestionProblem.Code> = [.malformedRow, .missingColumn, .missingField, .invalidField, .lineTooLong,
                                                   .duplicateID, .emptyTranscript]
        for transcript in log.transcripts {
            #expect(!transcript.id.isEmpty && !transcript.turns.isEmpty, "seed \(seed)")
        }
        for problem in log.problems {
            #expect(problem.location.file == file, "seed \(seed)")
            #expect(problem.isRejection ? allowed.contains(problem.code) : [.invalidUTF8, .emptyFile].contains(problem.code),
                    "seed \(seed)")
        }
        // A file without records says so, once; a file with records does not.
        let empty = log.problems.filter { $0.code == .emptyFile }.count
        #expect(log.read == 0 ? empty == 1 : empty == 0, "seed \(seed)")
    }

    /// The records of a CSV input of `records` parsed records (header included): every data
    /// row; a header alone is a record only when it is rejected (malformed, or missing a column).
    private static func expectedRows(_ records: Int, _ log: CSVTestLog) -> Int {
        records >= 2 ? records - 1 : (records == 1 && !log.rejections.isEmpty ? 1 : 0)
    }

    /// The number of tweets a cycle rejection covers, from its reason.
    private static func cycleSize(_ problem: IngestionProblem) -> Int {
        guard problem.reason.contains("form a cycle") else { return 1 }
        return Int(problem.reason.split(separator: " ")[4])!
    }

    @Test func readersKeepTheirContractOnRandomAndMutatedInput() throws {
        let samples = try Self.corpora.map { Array(try Data(contentsOf: SharedData.corpus($0))) }
        for seed in UInt64(1)...240 {
            var generator = SplitMix64(seed: seed)
            let input = seed % 3 == 0 ? Self.randomInput(&generator) : Self.mutatedSample(&generator, samples: samples)
            let step = Int.random(in: 1...7, using: &generator)

            // CSV, messages: every row is a turn or a rejection (twitter detection on: threads too).
            var options = CSVReaderOptions()
            options.groupWindow = Int.random(in: 1...50, using: &generator)
            options.maximumFieldLength = Int.random(in: 16...4096, using: &generator)
            options.chunkSize = Int.random(in: 16...300, using: &generator)
            let records = try Self.recordCount(input, options: options)
            let messages = try csvTestRead(CSVReader(options: options), input)
            Self.checkEvents(messages, file: "test.csv", seed: seed)
            #expect(try csvTestRead(CSVReader(options: options), input, step: step) == messages, "seed \(seed)")
            let rows = messages.rejections.reduce(0) { $0 + Self.cycleSize($1) }
            #expect(messages.turnCount + rows == Self.expectedRows(records, messages), "seed \(seed)")
            if !messages.rejections.contains(where: { $0.code == .duplicateID }) {
                #expect(Set(messages.transcripts.map(\.id)).count == messages.transcripts.count, "seed \(seed)")
            }

            // CSV, documents: every row is a transcript or a rejection.
            options.mode = .documents
            options.detectsTwitterExport = false
            let documents = try csvTestRead(CSVReader(options: options), input)
            Self.checkEvents(documents, file: "test.csv", seed: seed)
            #expect(documents.read == Self.expectedRows(records, documents), "seed \(seed)")
            #expect(documents.turnCount == documents.transcripts.count, "seed \(seed)")

            // Plain text: every block is a transcript or a rejection.
            var textOptions = PlainTextReaderOptions()
            textOptions.chunkSize = Int.random(in: 16...300, using: &generator)
            let text = try csvTestRead(PlainTextReader(options: textOptions), input, file: "t.txt")
            Self.checkEvents(text, file: "t.txt", seed: seed)
            #expect(try csvTestRead(PlainTextReader(options: textOptions), input, file: "t.txt", step: step) == text, "seed \(seed)")
            #expect(text.read == Self.blockCount(input), "seed \(seed)")
            // Small limits: overlong lines and blocks are rejected, never crash.
            textOptions.maximumLineLength = Int.random(in: 1...64, using: &generator)
            textOptions.maximumBlockLength = Int.random(in: 1...256, using: &generator)
            Self.checkEvents(try csvTestRead(PlainTextReader(options: textOptions), input, file: "t.txt"), file: "t.txt", seed: seed)
        }
    }
}
