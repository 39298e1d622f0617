import Foundation
import Testing
import TestSupport
@testable import TranscriptMiner

/// Everything a reader reported, with the run summary's accounting: read = transcripts +
/// rejected. Shared by the email, mbox and Zendesk tests.
struct ReaderLog {
    var transcripts: [Transcript] = []
    var locations: [TranscriptMiner.SourceLocation] = []
    var problems: [IngestionProblem] = []

    var rejected: [IngestionProblem] { problems.filter(\.isRejection) }
    var repairs: [IngestionProblem] { problems.filter { !$0.isRejection } }
    var rejectedByCode: [IngestionProblem.Code: Int] { rejected.reduce(into: [:]) { $0[$1.code, default: 0] += 1 } }
    var repairedByCode: [IngestionProblem.Code: Int] { repairs.reduce(into: [:]) { $0[$1.code, default: 0] += 1 } }
    var read: Int { transcripts.count + rejected.count }
    var turns: Int { transcripts.reduce(0) { $0 + $1.turns.count } }

    mutating func record(_ event: ReadEvent) {
        switch event {
        case .transcript(let transcript, let location):
            transcripts.append(transcript)
            locations.append(location)
        case .problem(let problem):
            problems.append(problem)
        }
    }

    /// The transcript with `id`.
    func transcript(_ id: String) -> Transcript? { transcripts.first { $0.id == id } }

    /// Reads `bytes` with `reader` into a log (never throws: the readers only throw what emit throws).
    static func read(_ reader: some TranscriptReader, _ bytes: [UInt8], file: String = "input", oneByteAtATime: Bool = false) -> ReaderLog {
        var log = ReaderLog()
        let stream: ByteStream = oneByteAtATime ? ByteAtATimeStream(bytes) : MemoryStream(bytes)
        do {
            try reader.read(stream, file: file) { log.record($0) }
        } catch {
            Issue.record("reader threw \(error)")
        }
        return log
    }

    static func read(_ reader: some TranscriptReader, _ text: String, file: String = "input") -> ReaderLog {
        read(reader, Array(text.utf8), file: file)
    }
}

/// A stream that returns one byte per read: every chunk boundary a reader can meet.
final class ByteAtATimeStream: ByteStream {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard offset < bytes.count, buffer.count > 0 else { return 0 }
        buffer[0] = bytes[offset]
        offset += 1
        return 1
    }
}

/// The bytes of a corpus file.
func corpusFileBytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: SharedData.corpus(name)))
}

/// The sorted `.eml` file names of a corpus folder.
func emlNames(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: SharedData.corpus(folder).path).filter { $0.hasSuffix(".eml") }.sorted()
}

@Suite struct EmailReadLogTests {
    @Test func oneByteStreamDeliversEveryByte() throws {
        let stream = ByteAtATimeStream(Array("abc".utf8))
        var out: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 8, alignment: 1)
        defer { buffer.deallocate() }
        while try stream.read(into: buffer) == 1 { out.append(buffer[0]) }
        #expect(out == Array("abc".utf8))
    }

    @Test func logCountsRejectionsAndRepairsSeparately() {
        var log = ReaderLog()
        log.record(.problem(IngestionProblem(.malformedMessage, at: TranscriptMiner.SourceLocation(file: "f"), "x")))
        log.record(.problem(IngestionProblem(.invalidUTF8, at: TranscriptMiner.SourceLocation(file: "f"), "y", isRejection: false)))
        log.record(.transcript(Transcript(id: "t", turns: []), TranscriptMiner.SourceLocation(file: "f")))
        #expect(log.read == 2)
        #expect(log.rejectedByCode == [.malformedMessage: 1])
        #expect(log.repairedByCode == [.invalidUTF8: 1])
    }
}
