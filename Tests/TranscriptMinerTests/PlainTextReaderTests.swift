import Foundation
import TestSupport
import Testing
@testable import TranscriptMiner

private func read(_ text: String, file: String = "chats.txt", step: Int? = nil,
                  _ configure: (inout PlainTextReaderOptions) -> Void = { _ in }) throws -> CSVTestLog {
    var options = PlainTextReaderOptions()
    configure(&options)
    return try csvTestRead(PlainTextReader(options: options), text, file: file, step: step)
}

private func date(_ text: String) -> Date { Timestamp.parse(text)! }

@Suite("Plain-text reader")
struct PlainTextReaderTests {
    @Test func blocksOfRoleLines() throws {
        let log = try read("""
        Customer: My card is late.
        Agent: Sorry! Let me check.

        User: Hi
        Support: Hello
        ---
        Bot: Anything else?
        System: Chat closed
        """)
        #expect(log.transcripts.map(\.id) == ["chats.txt#1", "chats.txt#2", "chats.txt#3"])
        #expect(log.transcripts.map { $0.turns.map(\.role) } == [[.customer, .agent], [.customer, .agent], [.bot, .system]])
        #expect(log.transcripts[0].turns.map(\.text) == ["My card is late.", "Sorry! Let me check."])
        #expect(log.locations == [CSVTestLocation(file: "chats.txt", line: 1, record: 1), CSVTestLocation(file: "chats.txt", line: 4, record: 2),
                                  CSVTestLocation(file: "chats.txt", line: 7, record: 3)])
        #expect(log.problems.isEmpty)
    }

    @Test func continuationLinesJoinThePreviousTurn() throws {
        let log = try read("Agent: Steps:\n  1. open the app   \n2. tap Cards\nCustomer: ok\n")
        #expect(log.transcripts[0].turns.map(\.text) == ["Steps:\n  1. open the app\n2. tap Cards", "ok"])
        let empty = try read("Agent:\nfirst line\nsecond\n")
        #expect(empty.transcripts[0].turns.map(\.text) == ["first line\nsecond"])
    }

    @Test func headers() throws {
        let log = try read("""
        # id: T-1
        # Channel: e-mail
        # created_at: 2024-05-17T09:00:00Z
        # CSAT: 4
        # nps: great
        # queue: cards
        # just a comment
        Customer: hi
        # not a header after a turn: it is text
        """)
        let transcript = log.transcripts[0]
        #expect(transcript.id == "T-1")
        #expect(transcript.channel == .email)
        #expect(transcript.createdAt == date("2024-05-17T09:00:00Z"))
        #expect(transcript.scores == ["csat": 4])
        #expect(transcript.metadata == ["nps": "great", "queue": "cards"])
        #expect(transcript.turns[0].text == "hi\n# not a header after a turn: it is text")
    }

    @Test func timestamps() throws {
        let log = try read("""
        # date: 2024-05-17
        [10:32] Customer: a
        [10:33:05] Agent: b
        [2024-05-18 08:00] Customer: c
        2024-05-18T08:01:00Z Agent: d
        2024-05-18 08:02 Customer: e
        10:40 - Agent: f
        [10:41 PM] Customer: g
        10:42pm | Agent: h
        """)
        #expect(log.transcripts[0].turns.map(\.timestamp) == [
            date("2024-05-17T10:32:00Z"), date("2024-05-17T10:33:05Z"), date("2024-05-18T08:00:00Z"),
            date("2024-05-18T08:01:00Z"), date("2024-05-18T08:02:00Z"), date("2024-05-17T10:40:00Z"),
            date("2024-05-17T22:41:00Z"), date("2024-05-17T22:42:00Z"),
        ])
        #expect(log.transcripts[0].createdAt == date("2024-05-17"))
        // Without a dated header a time of day stays nil; createdAt is the earliest full timestamp.
        let undated = try read("[10:32] Customer: a\n[2024-05-18 08:00] Agent: b\n")
        #expect(undated.transcripts[0].turns.map(\.timestamp) == [nil, date("2024-05-18T08:00:00Z")])
        #expect(undated.transcripts[0].createdAt == date("2024-05-18T08:00:00Z"))
    }

    @Test func absurdTimestampsAreNotACrash() throws {
        let log = try read("# created_at: Oct 31 10:00:00 99999999999999\nCustomer: a\n\n[Oct 31 10:00:00 99999999999999] Customer: b\n")
        #expect(log.rejected == [.invalidField: 1, .missingField: 1])
    }

    @Test func timePrefixes() {
        #expect(PlainTextTimePrefix.timeOfDay("9:05") == 9 * 3600 + 300)
        #expect(PlainTextTimePrefix.timeOfDay("12:00 AM") == 0)
        #expect(PlainTextTimePrefix.timeOfDay("12:30pm") == 12 * 3600 + 1800)
        #expect(PlainTextTimePrefix.timeOfDay("24:00") == nil)
        #expect(PlainTextTimePrefix.timeOfDay("10:61") == nil)
        #expect(PlainTextTimePrefix.timeOfDay("13:00 PM") == nil)
        #expect(PlainTextTimePrefix.parse("[1] Agent: footnote") == nil)
        #expect(PlainTextTimePrefix.parse("[Chat started] Agent: hi") == nil)
        #expect(PlainTextTimePrefix.parse("2024 was a year") == nil)
    }

    @Test func speakers() throws {
        let log = try read("""
        Agent Priya: a
        Support Bot: b
        Customer Service: c
        Representative (Lee): d
        Jane (customer): e
        Maya Lind: f
        sam: g
        End user: h
        """) { $0.agentNames = ["Sam"] }
        let turns = log.transcripts[0].turns
        #expect(turns.map(\.role) == [.agent, .bot, .agent, .agent, .customer, .unknown, .agent, .customer])
        #expect(turns.map(\.author) == ["Priya", nil, nil, "Lee", "Jane", "Maya Lind", "sam", nil])
        let customers = try read("Maya Lind: f\nSam: g\n") {
            $0.agentNames = ["sam"]
            $0.otherSpeakerRole = .customer
        }
        #expect(customers.transcripts[0].turns.map(\.role) == [.customer, .agent])
    }

    @Test func textThatIsNotASpeakerIsAContinuation() throws {
        let log = try read("""
        Customer: my order
        order number: 1234
          Note: indented, so text
        see https://example.com/help
        Reference:TRX-1
        """)
        #expect(log.transcripts[0].turns.count == 1)
        #expect(log.transcripts[0].turns[0].text.components(separatedBy: "\n").count == 5)
    }

    @Test func rejectedBlocks() throws {
        let log = try read("""
        Hello?
        Customer: hi

        # id: only-header

        # created_at: sometime
        Customer: hi

        Customer: \(String(repeating: "x", count: 100))
        Agent: ok

        Agent: fine
        """) { $0.maximumLineLength = 64 }
        #expect(log.rejected == [.missingField: 1, .emptyTranscript: 1, .invalidField: 1, .lineTooLong: 1])
        #expect(log.transcripts.map(\.id) == ["chats.txt#5"])
        #expect(log.rejections.map(\.location.line) == [1, 4, 6, 9])
        #expect(log.rejections.map(\.location.record) == [1, 2, 3, 4])
    }

    @Test func aBlockOverTheLimitIsRejected() throws {
        let log = try read("Customer: aaaa\nAgent: bbbb\nCustomer: cccc\n\nAgent: ok\n") { $0.maximumBlockLength = 30 }
        #expect(log.rejected == [.lineTooLong: 1])
        #expect(log.transcripts.count == 1)
    }

    @Test func emptyFilesAreFileProblemsNotRecords() throws {
        for text in ["", "\n\n  \n---\n", "\u{FEFF}"] {
            let log = try read(text)
            #expect(log.read == 0)
            #expect(log.warnings.map(\.code) == [.emptyFile])
        }
    }

    @Test func byteOrderMarkCRLFAndInvalidUTF8() throws {
        var bytes = Array("\u{FEFF}# id: x\r\nCustomer: caf".utf8) + [0xC3] + Array("\r\nAgent: ok\r\n".utf8)
        let log = try csvTestRead(PlainTextReader(), bytes, file: "f.txt")
        #expect(log.transcripts[0].id == "x")
        #expect(log.transcripts[0].turns.map(\.text) == ["caf\u{FFFD}", "ok"])
        #expect(log.warnings.map(\.code) == [.invalidUTF8])
        #expect(log.warnings[0].reason.contains("line 2"))
        bytes = Array("Customer: hi".utf8)
        #expect(try csvTestRead(PlainTextReader(), bytes).transcripts.count == 1)
    }

    @Test func problemsNeverQuoteTranscriptText() throws {
        let secret = "Jane-Secret-4417"
        let log = try read("\(secret)\nCustomer: \(secret)\n\n# created_at: \(secret)\nAgent: x\n\n# id: \(secret)\n")
        #expect(log.rejections.count == 3)
        for problem in log.problems { #expect(!problem.description.contains(secret)) }
    }

    @Test func emitErrorsAreRethrown() throws {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try PlainTextReader().read(MemoryStream(Array("Customer: a\n\nCustomer: b\n".utf8)), file: "f") { _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
    }

    @Test func aFailingStreamDropsTheBlockBeingRead() throws {
        var ids: [String] = []
        #expect(throws: ByteStreamError.self) {
            try PlainTextReader().read(CSVTestFailingStream(Array("Customer: a\n\nCustomer: b\n".utf8)), file: "f") { event in
                if case .transcript(let t, _) = event { ids.append(t.id) }
            }
        }
        #expect(ids == ["f#1"])
    }

    @Test(arguments: [1, 2, 5])
    func oneByteReadsGiveTheSameEvents(step: Int) throws {
        let bytes = Array(try Data(contentsOf: SharedData.corpus("malformed/sample-transcripts.txt")))
        var options = PlainTextReaderOptions()
        options.chunkSize = 16
        #expect(try csvTestRead(PlainTextReader(options: options), bytes, step: step) == csvTestRead(PlainTextReader(), bytes))
    }

    @Test func sniffing() {
        #expect(PlainTextReader.looksLikeTranscripts(["# id: 1", "Customer: hi", "[10:32] Agent: hello", "more text", "", "---", "Customer: bye"]))
        #expect(!PlainTextReader.looksLikeTranscripts(["My card is late.", "Refund please", "Customer: hi"]))
        #expect(!PlainTextReader.looksLikeTranscripts([]))
        #expect(!PlainTextReader.looksLikeTranscripts(["order number: 5", "see: this"]))
        #expect(PlainTextReader.looksLikeTranscripts(["2024-05-17T10:32:00Z Maya: hi", "2024-05-17T10:33:00Z Sam: hello"]))
    }

    @Test func optionsValidation() {
        #expect(throws: Never.self) { try PlainTextReaderOptions().validate() }
        var options = PlainTextReaderOptions()
        options.maximumLineLength = 0
        #expect(throws: PlainTextReaderOptions.InvalidOption.self) { try options.validate() }
    }
}
