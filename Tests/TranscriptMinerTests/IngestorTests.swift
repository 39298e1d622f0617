import Foundation
import TestSupport
import Testing
@testable import TranscriptMiner

/// Reads `paths` and returns the transcripts and the summary.
func ingest(_ paths: [String], _ options: IngestionOptions = IngestionOptions()) throws -> ([Transcript], IngestionSummary) {
    var transcripts: [Transcript] = []
    let summary = try Ingestor(options: options).read(paths) { transcript, _ in transcripts.append(transcript) }
    #expect(summary.recordsRead == summary.recordsAnalyzed + summary.recordsRejected)
    return (transcripts, summary)
}

@Suite("Ingestion: JSONL, lines, gzip, accounting")
struct IngestorTests {
    let good = """
        {"id":"t1","channel":"chat","created_at":"2024-05-17T09:31:07Z","label":"card_arrival","turns":[{"role":"customer","text":"My card has not arrived"},{"role":"agent","text":"Sorry!"}]}
        {"id":"t2","channel":"email","text":"Charged twice","csat":2}

        {"id":3,"messages":[{"speaker":"User","body":"App crashes"}],"metadata":{"queue":"app"}}
        """

    @Test func readsTheProjectSchema() throws {
        let folder = try TemporaryFolder()
        let (transcripts, summary) = try ingest([try folder.write("a.jsonl", good)])
        #expect(transcripts.map(\.id) == ["t1", "t2", "3"])
        #expect(summary.recordsRead == 3 && summary.recordsAnalyzed == 3 && summary.recordsRejected == 0)
        #expect(transcripts[0].channel == .chat)
        #expect(transcripts[0].createdAt == Date(timeIntervalSince1970: 1_715_938_267))
        #expect(transcripts[0].turns.map(\.role) == [.customer, .agent])
        #expect(transcripts[0].metadata["label"] == "card_arrival")
        #expect(transcripts[1].turns == [Turn(role: .customer, text: "Charged twice")])
        #expect(transcripts[1].scores["csat"] == 2)
        #expect(transcripts[2].turns[0].role == .customer)
        #expect(transcripts[2].metadata["queue"] == "app")
    }

    @Test func malformedRecordsAreRejectedWithTheirLine() throws {
        let folder = try TemporaryFolder()
        let text = """
            {"id":"a","text":"fine"}
            {"id":"b","turns":"not an array"}
            {not json
            ["an","array"]
            {"id":"a","text":"duplicate id"}
            {"id":"c","turns":[{"role":"customer"}]}
            {"id":"d","turns":[{"role":"agent","text":"   "}]}
            {"id":"e","text":"\(String(repeating: "x", count: 300))"}
            {"id":"f","text":"also fine"}
            """
        let path = try folder.write("bad.jsonl", text)
        let (transcripts, summary) = try ingest([path], IngestionOptions(maximumLineLength: 200))
        #expect(transcripts.map(\.id) == ["a", "f"])
        #expect(summary.recordsRead == 9)
        #expect(summary.rejectedByCode == [.invalidField: 2, .invalidJSON: 1, .duplicateID: 1, .missingField: 1, .emptyTranscript: 1, .lineTooLong: 1])
        let lines = summary.problems.map { $0.location.line }
        #expect(lines == [2, 3, 4, 5, 6, 7, 8])
        // Problems never quote the record.
        #expect(!summary.problems.contains { $0.description.contains("duplicate id") || $0.description.contains("not json") })
    }

    @Test func strictModeStopsAtTheFirstProblem() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("bad.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n{oops\n{\"id\":\"b\",\"text\":\"y\"}\n")
        #expect {
            _ = try ingest([path], IngestionOptions(strict: true))
        } throws: { error in
            (error as? IngestionProblem)?.code == .invalidJSON && (error as? IngestionProblem)?.location.line == 2
        }
    }

    @Test func invalidUTF8IsRepairedAndCounted() throws {
        let folder = try TemporaryFolder()
        let bytes = Array("{\"id\":\"a\",\"text\":\"caf".utf8) + [0xC3] + Array("\"}\n".utf8)
        let (transcripts, summary) = try ingest([try folder.write("u.jsonl", bytes)])
        #expect(transcripts.first?.turns.first?.text == "caf\u{FFFD}")
        #expect(summary.repairedByCode == [.invalidUTF8: 1])
        #expect(summary.recordsRejected == 0)
    }

    @Test func linesFormatNumbersDocumentsFromOne() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("docs.txt", "first doc\nsecond doc\n\nfourth doc")
        let (transcripts, summary) = try ingest([path], IngestionOptions(format: .lines))
        #expect(transcripts.map(\.id) == ["1", "2", "4"])
        #expect(summary.rejectedByCode == [.emptyTranscript: 1])
        #expect(summary.recordsRead == 4)
    }

    @Test func gzipIsReadTransparentlyAndTruncationReported() throws {
        let folder = try TemporaryFolder()
        let lines = (1...2000).map { "{\"id\":\"t\($0)\",\"text\":\"message number \($0) about a card that has not arrived\"}" }
        let path = try folder.write("big.jsonl", lines.joined(separator: "\n") + "\n")
        let gz = try folder.gzip(path)
        let (transcripts, summary) = try ingest([gz])
        #expect(transcripts.count == 2000)
        #expect(summary.fileProblemsByCode.isEmpty)
        let data = try Data(contentsOf: URL(fileURLWithPath: gz))
        let truncated = try folder.write("cut.jsonl.gz", Array(data.prefix(data.count / 2)))
        let (partial, cut) = try ingest([truncated])
        #expect(partial.count < 2000)
        #expect(cut.fileProblemsByCode == [.truncatedInput: 1])
        #expect(cut.recordsRead == partial.count + cut.recordsRejected)
    }

    @Test func emptyFilesUnknownFormatsAndMissingFilesAreReported() throws {
        let folder = try TemporaryFolder()
        let empty = try folder.write("empty.jsonl", "")
        let binary = try folder.write("blob.bin", [0x00, 0x01, 0x02, 0xFF])
        let (_, summary) = try ingest([empty, binary, folder.url.path + "/missing.jsonl"])
        #expect(summary.fileProblemsByCode == [.emptyFile: 1, .unknownFormat: 1, .unreadableInput: 1])
        #expect(summary.recordsRead == 0)
    }

    @Test func directoriesAreReadRecursivelyInSortedOrder() throws {
        let folder = try TemporaryFolder()
        try folder.write("b/2.jsonl", "{\"id\":\"b2\",\"text\":\"x\"}\n")
        try folder.write("a/1.jsonl", "{\"id\":\"a1\",\"text\":\"x\"}\n")
        try folder.write(".hidden/3.jsonl", "{\"id\":\"h\",\"text\":\"x\"}\n")
        let (transcripts, _) = try ingest([folder.url.path])
        #expect(transcripts.map(\.id) == ["a1", "b2"])
    }

    @Test func privateTurnsAreDroppedUnlessKept() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("p.jsonl", "{\"id\":\"a\",\"turns\":[{\"role\":\"customer\",\"text\":\"hi\"},{\"role\":\"agent\",\"text\":\"note\",\"public\":false}]}\n")
        #expect(try ingest([path]).0.first?.turns.count == 1)
        #expect(try ingest([path], IngestionOptions(keepsPrivateTurns: true)).0.first?.turns.count == 2)
    }

    @Test func textOfOtherRolesIsDroppedBeforeRedactionWhenAsked() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("r.jsonl", """
            {"id":"a","turns":[{"role":"customer","text":"mail me at ann@example.com"},{"role":"agent","text":"call 555-0100"},{"role":"unknown","text":"bot said hi"}]}
            {"id":"b","turns":[{"role":"agent","text":"are you still there?"}]}

            """)
        var options = IngestionOptions()
        options.keepsTextOf = [.customer]
        let (transcripts, summary) = try ingest([path], options)
        // Only the agent spoke in "b": it has text when read, so it is analysed, not rejected as empty.
        #expect(summary.recordsAnalyzed == 2 && summary.recordsRejected == 0)
        #expect(transcripts[0].turns.map(\.role) == [.customer, .agent, .unknown])
        #expect(transcripts[0].turns.map(\.text) == ["mail me at [EMAIL]", "", "bot said hi"])
        #expect(transcripts[1].turns.map(\.text) == [""])
        let (everything, _) = try ingest([path])
        #expect(everything[0].turns[1].text != "")
    }

    @Test(.enabled(if: SharedData.has("../tools/make_corpus.py"), "needs ../shared/tools/make_corpus.py"))
    func readsTheSyntheticCorpusShape() throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("c.jsonl").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", SharedData.root.deletingLastPathComponent().appendingPathComponent("tools/make_corpus.py").path, "--n", "300", "--out", out]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let (transcripts, summary) = try ingest([out])
        #expect(transcripts.count == 300 && summary.recordsRejected == 0)
        #expect(transcripts.allSatisfy { $0.metadata["label"] != nil && $0.turns.first?.role == .customer || $0.turns.contains { $0.role == .customer } })
    }
}

@Suite("Line reader")
struct LineReaderTests {
    /// A stream that returns one byte per read: every chunk boundary is exercised.
    final class TrickleStream: ByteStream {
        let bytes: [UInt8]
        var offset = 0
        init(_ text: String) { bytes = Array(text.utf8) }
        func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            guard offset < bytes.count, buffer.count > 0 else { return 0 }
            buffer[0] = bytes[offset]
            offset += 1
            return 1
        }
    }

    @Test func linesAcrossChunkBoundariesAndCRLF() throws {
        var reader = LineReader(TrickleStream("a\r\nbb\n\nccc"), chunkSize: 16)
        var lines: [String] = []
        while let line = try reader.next() { lines.append(String(decoding: line.bytes, as: UTF8.self)) }
        #expect(lines == ["a", "bb", "", "ccc"])
    }

    @Test func overlongLinesAreSkippedWithBoundedMemory() throws {
        let long = String(repeating: "x", count: 100_000)
        var reader = LineReader(MemoryStream(Array("short\n\(long)\nafter\n\(long)".utf8)), maximumLineLength: 1000, chunkSize: 4096)
        var out: [(Int, Int?, String)] = []
        while let line = try reader.next() { out.append((line.number, line.overlongLength, String(decoding: line.bytes, as: UTF8.self))) }
        #expect(out.map(\.0) == [1, 2, 3, 4])
        #expect(out.map(\.1) == [nil, 100_000, nil, 100_000])
        #expect(out.map(\.2) == ["short", "", "after", ""])
    }
}

@Suite("Timestamps and format detection")
struct TimestampAndFormatTests {
    @Test func timestamps() {
        let expected = Date(timeIntervalSince1970: 1_715_938_267)
        #expect(Timestamp.parse("2024-05-17T09:31:07Z") == expected)
        #expect(Timestamp.parse("2024-05-17 09:31:07") == expected)
        #expect(Timestamp.parse("2024-05-17T11:31:07+02:00") == expected)
        #expect(Timestamp.parse("2024-05-17T11:31:07.000+0200") == expected)
        #expect(Timestamp.parse("1715938267") == expected)
        #expect(Timestamp.parse("1715938267000") == expected)
        #expect(Timestamp.parse("Fri May 17 09:31:07 +0000 2024") == expected)
        #expect(Timestamp.parse("Fri, 17 May 2024 10:31:07 +0100") == expected)
        #expect(Timestamp.parse("2024-05-17") == Date(timeIntervalSince1970: 1_715_904_000))
        #expect(Timestamp.parse("yesterday") == nil)
        #expect(Timestamp.parse("2024-13-45T99:00:00Z") == nil)
    }

    @Test func formatDetection() {
        #expect(FormatDetector.detect(name: "a.jsonl.gz", head: Array("{}".utf8)) == .jsonl)
        #expect(FormatDetector.detect(name: "a.json", head: Array("[{\"id\":1}]".utf8)) == .json)
        #expect(FormatDetector.detect(name: "tickets.json", head: Array("{\"tickets\":[{\"requester_id\":1,\"comments\":[]}]}".utf8)) == .zendesk)
        #expect(FormatDetector.detect(name: "x.csv", head: Array("a,b\n".utf8)) == .csv)
        #expect(FormatDetector.detect(name: "chat.txt", head: Array("Customer: hi\nAgent: hello\nCustomer: card\n".utf8)) == .text)
        #expect(FormatDetector.detect(name: "docs.txt", head: Array("my card is late\nwhy was I charged\n".utf8)) == .lines)
        #expect(FormatDetector.detect(name: "noext", head: Array("From alice@example.com Mon Jan 1\n".utf8)) == .mbox)
        #expect(FormatDetector.detect(name: "noext", head: Array("Message-ID: <1@x>\nFrom: a@b.c\n".utf8)) == .eml)
        #expect(FormatDetector.detect(name: "x.bin", head: [0, 1, 2]) == nil)
    }
}

@Suite("Timestamps on hostile input")
struct TimestampHostileInputTests {
    @Test func hugeNumbersAndLongTextsGiveNilNotATrap() {
        #expect(Timestamp.parse("1 Jan 99999999999999 10:00") == nil)
        #expect(Timestamp.parse("Oct 31 10:00:00 99999999999999") == nil)
        #expect(Timestamp.parse(String(repeating: "9", count: 5000)) == nil)
        #expect(Timestamp.parse("Mon, 15 Jan 2024 10:32:00 +9999") == nil)
        #expect(Timestamp.parse("99999-01-01T00:00:00Z") == nil)
        #expect(Timestamp.parse(String(repeating: "Jan 1 ", count: 100) + "10:00") == nil)
    }
}
