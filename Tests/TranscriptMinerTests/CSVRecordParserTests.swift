import Foundation
import TestSupport
import Testing
@testable import TranscriptMiner

// MARK: - Helpers shared by the CSV and plain-text reader tests

/// The library's location type (Testing has a `SourceLocation` too).
typealias CSVTestLocation = TranscriptMiner.SourceLocation

/// A stream handing out at most `step` bytes per read: chunk boundaries fall everywhere.
final class CSVTestTrickleStream: ByteStream {
    private let bytes: [UInt8]
    private let step: Int
    private var offset = 0

    init(_ bytes: [UInt8], step: Int = 1) {
        self.bytes = bytes
        self.step = max(1, step)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(step, buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        for i in 0..<n { buffer[i] = bytes[offset + i] }
        offset += n
        return n
    }
}

/// A stream that fails after handing out `bytes`.
final class CSVTestFailingStream: ByteStream {
    private let inner: MemoryStream
    private var done = false
    init(_ bytes: [UInt8]) { inner = MemoryStream(bytes) }
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = try inner.read(into: buffer)
        if n == 0 { throw ByteStreamError(reason: "test failure") }
        return n
    }
}

/// What a reader emitted, comparable.
struct CSVTestLog: Equatable {
    enum Event: Hashable {
        case transcript(Transcript, CSVTestLocation)
        case problem(IngestionProblem)
    }

    var events: [Event] = []

    var transcripts: [Transcript] {
        events.compactMap { if case .transcript(let t, _) = $0 { t } else { nil } }
    }
    var locations: [CSVTestLocation] {
        events.compactMap { if case .transcript(_, let l) = $0 { l } else { nil } }
    }
    var problems: [IngestionProblem] {
        events.compactMap { if case .problem(let p) = $0 { p } else { nil } }
    }
    var rejections: [IngestionProblem] { problems.filter(\.isRejection) }
    var warnings: [IngestionProblem] { problems.filter { !$0.isRejection } }
    /// Rejections counted by code.
    var rejected: [IngestionProblem.Code: Int] { rejections.reduce(into: [:]) { $0[$1.code, default: 0] += 1 } }
    /// Every record: transcripts plus rejections.
    var read: Int { transcripts.count + rejections.count }
    var turnCount: Int { transcripts.reduce(0) { $0 + $1.turns.count } }

    func transcript(_ id: String) -> Transcript? { transcripts.first { $0.id == id } }
}

/// Reads `bytes` with `reader`, `step` bytes per read (nil: one read for everything).
func csvTestRead(_ reader: some TranscriptReader, _ bytes: [UInt8], file: String = "test.csv", step: Int? = nil) throws -> CSVTestLog {
    var log = CSVTestLog()
    let stream: ByteStream = step.map { CSVTestTrickleStream(bytes, step: $0) } ?? MemoryStream(bytes)
    try reader.read(stream, file: file) { event in
        switch event {
        case .transcript(let t, let l): log.events.append(.transcript(t, l))
        case .problem(let p): log.events.append(.problem(p))
        }
    }
    return log
}

func csvTestRead(_ reader: some TranscriptReader, _ text: String, file: String = "test.csv", step: Int? = nil) throws -> CSVTestLog {
    try csvTestRead(reader, Array(text.utf8), file: file, step: step)
}

// MARK: - The record parser

/// Every record of `bytes` as (line, fields or issue), `step` bytes per read.
private func records(_ bytes: [UInt8], step: Int? = nil, delimiter: Character = ",", maximumFieldLength: Int = 16 << 20,
                     maximumRecordLength: Int = 64 << 20) throws -> [CSVRecord] {
    let stream: ByteStream = step.map { CSVTestTrickleStream(bytes, step: $0) } ?? MemoryStream(bytes)
    var parser = CSVRecordParser(stream, delimiter: delimiter.asciiValue!, maximumFieldLength: maximumFieldLength,
                                 maximumRecordLength: maximumRecordLength, chunkSize: 16)
    var out: [CSVRecord] = []
    while let record = try parser.next() { out.append(record) }
    return out
}

private func fields(_ text: String, step: Int? = nil, delimiter: Character = ",") throws -> [[String]] {
    try records(Array(text.utf8), step: step, delimiter: delimiter).map { record in
        (0..<record.fieldCount).map { record.text($0).text }
    }
}

@Suite("CSV record parser")
struct CSVRecordParserTests {
    @Test func plainFields() throws {
        #expect(try fields("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let text = "id,text\n1,\"Hi, \"\"Sam\"\"\nsecond line\"\n2,\"\"\n"
        #expect(try fields(text) == [["id", "text"], ["1", "Hi, \"Sam\"\nsecond line"], ["2", ""]])
    }

    @Test func lineBreaksInsideQuotesBecomeLF() throws {
        #expect(try fields("\"a\r\nb\rc\nd\"\r\n") == [["a\nb\nc\nd"]])
    }

    @Test func recordEndingsLFCRLFAndCRAreAllAccepted() throws {
        let expected = [["a", "b"], ["c", "d"], ["e", "f"]]
        #expect(try fields("a,b\nc,d\ne,f\n") == expected)
        #expect(try fields("a,b\r\nc,d\r\ne,f\r\n") == expected)
        #expect(try fields("a,b\rc,d\re,f\r") == expected)
        #expect(try fields("a,b\r\nc,d\ne,f") == expected)
    }

    @Test func trailingLineBreakOrNotGivesTheSameRecords() throws {
        #expect(try fields("a,b\nc,d") == fields("a,b\nc,d\n"))
        #expect(try fields("a,\"b\"") == [["a", "b"]])
        #expect(try fields("a,") == [["a", ""]])
    }

    @Test func emptyFields() throws {
        #expect(try fields(",,\n,\"\",x\n") == [["", "", ""], ["", "", "x"]])
        #expect(try fields("\"\"\n") == [[""]])
    }

    @Test func blankLinesAreSkippedAndLinesCounted() throws {
        let parsed = try records(Array("h1,h2\n\n\r\na,\"b\nc\"\n\nd,e\n\n".utf8))
        #expect(parsed.map(\.line) == [1, 4, 7])
        #expect(parsed.map(\.number) == [1, 2, 3])
    }

    @Test func byteOrderMarkIsDroppedOnlyAtTheStart() throws {
        #expect(try fields("\u{FEFF}id,text\n1,x\n") == [["id", "text"], ["1", "x"]])
        #expect(try fields("id,text\n\u{FEFF}1,x\n")[1][0] == "\u{FEFF}1")
        // A BOM split over three reads, and a file that is only a BOM or shorter than one.
        #expect(try fields("\u{FEFF}a\n", step: 1) == [["a"]])
        #expect(try records([0xEF, 0xBB, 0xBF]).isEmpty)
        #expect(try fields("ab", step: 1) == [["ab"]])
        #expect(try records([]).isEmpty)
    }

    @Test func tabAndSemicolonDelimiters() throws {
        #expect(try fields("a\tb,c\t\"d\te\"\n", delimiter: "\t") == [["a", "b,c", "d\te"]])
        #expect(try fields("a;b,c\n", delimiter: ";") == [["a", "b,c"]])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsLiteral() throws {
        #expect(try fields("a 5\" screen,b\n") == [["a 5\" screen", "b"]])
    }

    @Test func unterminatedQuoteSwallowsTheRestAsOneMalformedRecord() throws {
        let parsed = try records(Array("h\nok\n\"never\nclosed,x\ny\n".utf8))
        #expect(parsed.count == 3)
        #expect(parsed[2].issue == .unterminatedQuote(field: 1, line: 3))
        #expect(parsed[2].line == 3)
        #expect(parsed[2][field: 0].isEmpty)  // not stored
    }

    @Test func textAfterClosingQuoteIsMalformedAndParsingResumes() throws {
        let parsed = try records(Array("a,\"b\"c,d\ne,f\n".utf8))
        #expect(parsed.count == 2)
        #expect(parsed[0].issue == .textAfterClosingQuote(field: 2))
        #expect(parsed[0].fieldCount == 3)
        #expect(parsed[1].issue == nil)
        #expect(parsed[1].text(1).text == "f")
    }

    @Test func overlongFieldsAndRecordsAreCountedNotStored() throws {
        let long = String(repeating: "x", count: 100)
        let parsed = try records(Array("a,\(long),b\n\"\(long)\"\nc,d\n".utf8), maximumFieldLength: 50)
        #expect(parsed[0].issue == .fieldTooLong(field: 2, length: 100, limit: 50))
        #expect(parsed[0].issue?.isSizeLimit == true)
        #expect(parsed[1].issue == .fieldTooLong(field: 1, length: 100, limit: 50))
        #expect(parsed[2].issue == nil)
        let row = try records(Array("aaaa,bbbb,cccc\nd\n".utf8), maximumRecordLength: 8)
        #expect(row[0].issue == .recordTooLong(length: 15, limit: 8))
        #expect(row[1].text(0).text == "d")
    }

    @Test func manyFieldsAreCapped() throws {
        let text = String(repeating: ",", count: CSVRecordParser.maximumFieldCount + 5) + "\nx\n"
        let parsed = try records(Array(text.utf8))
        #expect(parsed[0].issue == .tooManyFields(count: CSVRecordParser.maximumFieldCount + 6))
        #expect(parsed[1].text(0).text == "x")
    }

    @Test func issuesNeverQuoteTheRecord() {
        let issues: [CSVRecord.Issue] = [.unterminatedQuote(field: 2, line: 9), .textAfterClosingQuote(field: 1),
                                         .fieldTooLong(field: 3, length: 99, limit: 10), .recordTooLong(length: 5, limit: 4),
                                         .tooManyFields(count: 200_000)]
        for issue in issues { #expect(!issue.description.isEmpty) }
    }

    @Test(arguments: [1, 2, 3, 5, 7, 16, 1000])
    func chunkBoundariesDoNotChangeTheRecords(step: Int) throws {
        let text = "\u{FEFF}id,text\r\n1,\"a,\"\"b\"\"\r\nc\"\r\n\r\n2,\"\"\r\n3,x\"y\r4,\"z\"\n5,\"open"
        let whole = try records(Array(text.utf8))
        #expect(try records(Array(text.utf8), step: step) == whole)
        #expect(whole.count == 6)
    }

    /// Random records written as RFC 4180 and parsed back, with random read sizes.
    @Test func randomRecordsRoundTrip() throws {
        let alphabet: [String] = ["a", "b", "é", "😀", ",", "\"", "\n", "\r\n", " ", "\t", ";", "x"]
        for seed in UInt64(1)...200 {
            var generator = SplitMix64(seed: seed)
            var expected: [[String]] = []
            var text = ""
            let width = Int.random(in: 1...4, using: &generator)
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                var row: [String] = []
                for _ in 0..<width {
                    let field = (0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
                    row.append(field)
                }
                // A record of one empty field is a blank line, which is skipped: keep it quoted.
                let quoteAll = row == [""]
                text += row.map { field in
                    quoteAll || field.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) })
                        ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                }.joined(separator: ",") + (Bool.random(using: &generator) ? "\r\n" : "\n")
                expected.append(row.map { $0.replacingOccurrences(of: "\r\n", with: "\n") })
            }
            let step = Int.random(in: 1...9, using: &generator)
            #expect(try fields(text, step: step) == expected, "seed \(seed): \(text.debugDescription)")
        }
    }
}
