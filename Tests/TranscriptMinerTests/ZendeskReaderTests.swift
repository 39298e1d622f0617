import Foundation
import Testing
import TestSupport
@testable import TranscriptMiner

/// `corpora/sample-zendesk.json` (6 tickets) and its malformed twin, and the other layouts.
@Suite struct ZendeskReaderTests {
    @Test func sampleCounts() throws {
        let log = ReaderLog.read(ZendeskReader(), try corpusFileBytes("sample-zendesk.json"), file: "sample-zendesk.json")
        #expect(log.transcripts.map(\.id) == ["1001", "1002", "1003", "1004", "1005", "1006"])
        #expect(log.transcripts.map(\.turns.count) == [4, 3, 1, 1, 2, 2])
        #expect(log.turns == 13)
        #expect(log.rejected.isEmpty && log.repairs.isEmpty)
        #expect(log.read == 6)
        #expect(log.locations.map(\.record) == [1, 2, 3, 4, 5, 6])
        #expect(log.locations.first?.line == 3)
    }

    @Test func sampleMapping() throws {
        let log = ReaderLog.read(ZendeskReader(), try corpusFileBytes("sample-zendesk.json"))
        let card = try #require(log.transcript("1001"))
        #expect(card.channel == .email)
        #expect(card.turns.map(\.role) == [.customer, .agent, .agent, .customer])
        #expect(card.turns.map(\.isPublic) == [true, false, true, true])  // the private note is kept, marked
        #expect(card.text(of: [.agent]) == "Sorry for the wait. Your card was delayed at the printer and is on its way now.")
        #expect(card.turns.map(\.author) == ["501", "9001", "9001", "501"])
        #expect(card.scores == ["csat": 1])
        #expect(card.metadata == ["subject": "Replacement card not arriving", "tags": "cards,delivery", "via_channel": "email",
                                  "requester_id": "501", "status": "solved", "priority": "normal", "type": "problem",
                                  "group_id": "77", "assignee_id": "9001"])
        #expect(card.createdAt == Timestamp.parse("2024-03-01T08:12:00Z"))
        #expect(card.turns[3].timestamp == Timestamp.parse("2024-03-04T17:30:00Z"))

        let chat = try #require(log.transcript("1002"))
        #expect(chat.channel == .chat)
        #expect(chat.scores == ["csat": 0])
        #expect(chat.turns[1].text == "That is a pending card payment & it will clear tomorrow.\nIs there anything else?")  // html_body stripped
        #expect(chat.turns.map(\.role) == [.customer, .agent, .customer])

        let web = try #require(log.transcript("1003"))
        #expect(web.channel == .other)
        #expect(web.turns == [Turn(role: .customer, author: "503", text: "Please close my savings account and move the money to my current account.")])
        #expect(web.scores.isEmpty && web.metadata["tags"] == nil)

        #expect(log.transcript("1004")?.channel == .social)
        #expect(log.transcript("1004")?.turns.map(\.role) == [.customer])  // empty comments: the description
        let voice = try #require(log.transcript("1005"))
        #expect(voice.channel == .voiceTranscript)
        #expect(voice.scores.isEmpty)  // "offered" is not a rating
        #expect(voice.turns.map(\.text) == ["Caller disputes a 59.90 EUR payment to an online shop they do not know.",
                                             "Opened a dispute and sent the form by email."])  // plain_body
        let api = try #require(log.transcript("1006"))
        #expect(api.scores == ["csat": 4])
        #expect(api.turns.map(\.role) == [.customer, .agent])  // the attachment-only comment gives no turn
    }

    @Test func malformedTwinCounts() throws {
        let log = ReaderLog.read(ZendeskReader(), try corpusFileBytes("malformed/sample-zendesk.json"), file: "bad.json")
        #expect(log.transcripts.map(\.id) == ["1001", "1006"])
        #expect(log.turns == 6)
        #expect(log.rejectedByCode == [.missingField: 3, .invalidField: 1, .invalidJSON: 2])
        #expect(log.repairedByCode == [.invalidUTF8: 1])
        #expect(log.read == 8)
        #expect(log.rejected.map(\.location.record) == [2, 3, 4, 5, 6, 8])
        #expect(log.transcript("1006")?.turns[0].text == "Exporting my statement as PDF fails with an error. \u{FFFD}(\u{FFFD}")
        for problem in log.problems {
            for secret in ["Cut off", "Broken record", "export stops", "see attachments", "Exporting"] {
                #expect(!problem.reason.contains(secret), "\(problem)")
            }
        }
    }

    @Test func oneByteReadsGiveTheSameResult() throws {
        for name in ["sample-zendesk.json", "malformed/sample-zendesk.json"] {
            let bytes = try corpusFileBytes(name)
            let whole = ReaderLog.read(ZendeskReader(), bytes, file: name)
            let trickle = ReaderLog.read(ZendeskReader(), bytes, file: name, oneByteAtATime: true)
            #expect(whole.transcripts == trickle.transcripts)
            #expect(whole.problems == trickle.problems)
        }
    }

    /// The sample's tickets as compact JSON strings.
    private func sampleTickets() throws -> [String] {
        let document = try JSONSerialization.jsonObject(with: Data(try corpusFileBytes("sample-zendesk.json"))) as! [String: Any]
        return try (document["tickets"] as! [Any]).map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
    }

    @Test func everyLayoutReadsTheSameTickets() throws {
        let expected = ReaderLog.read(ZendeskReader(), try corpusFileBytes("sample-zendesk.json")).transcripts
        let tickets = try sampleTickets()
        let layouts: [(String, String)] = [
            ("array.json", "[\n" + tickets.joined(separator: ",\n") + "\n]"),
            ("tickets.jsonl", tickets.joined(separator: "\n") + "\n"),
            ("tickets.json", tickets.joined(separator: "\n")),  // JSONL detected from the first line
            ("pages.jsonl", "{\"tickets\":[" + tickets[0..<4].joined(separator: ",") + "],\"next_page\":\"https://x.example/2\",\"end_of_stream\":false}\n"
                + "{\"count\":2,\"tickets\":[" + tickets[4...].joined(separator: ",") + "],\"next_page\":null,\"end_of_stream\":true}\n"),
            ("sideloads.json", "{\"users\":[{\"id\":1,\"tickets\":[{\"id\":\"not a ticket\"}]}],\"tickets\":[" + tickets.joined(separator: ",") + "],\"count\":6}"),
        ]
        for (file, text) in layouts {
            let log = ReaderLog.read(ZendeskReader(), text, file: file)
            #expect(log.transcripts == expected, "\(file)")
            #expect(log.problems.isEmpty, "\(file): \(log.problems)")
        }
    }

    @Test func aBrokenJSONLLineCostsOneRecord() throws {
        let tickets = try sampleTickets()
        let text = tickets[0] + "\n{\"id\": 77, \"comments\": [\n" + tickets[1] + "\nnot json\n\n" + tickets[2] + "\n"
        let log = ReaderLog.read(ZendeskReader(), text, file: "t.jsonl")
        #expect(log.transcripts.map(\.id) == ["1001", "1002", "1003"])
        #expect(log.rejectedByCode == [.invalidJSON: 2])
        #expect(log.rejected.map(\.location.line) == [2, 4])
        #expect(log.locations.map(\.line) == [1, 3, 6])
    }

    @Test func aSingleTicketObjectIsOneRecord() {
        let log = ReaderLog.read(ZendeskReader(), "{\"id\": 5, \"requester_id\": 1, \"comments\": [{\"author_id\": 1, \"body\": \"Hi\"}]}")
        #expect(log.transcripts.map(\.id) == ["5"])
    }

    @Test func emptyAndOversizedInputs() {
        #expect(ReaderLog.read(ZendeskReader(), "").repairedByCode == [.emptyFile: 1])
        #expect(ReaderLog.read(ZendeskReader(), "{\"tickets\": []}").repairedByCode == [.emptyFile: 1])
        let big = "[{\"id\": 1, \"description\": \"" + String(repeating: "x", count: 5000) + "\"}, {\"id\": 2, \"description\": \"ok\"}]"
        let log = ReaderLog.read(ZendeskReader(maximumRecordBytes: 1000), big)
        #expect(log.rejectedByCode == [.lineTooLong: 1])
        #expect(log.transcripts.map(\.id) == ["2"])
    }

    @Test func nonObjectRecordsAreRejected() {
        let log = ReaderLog.read(ZendeskReader(), "[1, \"two\", null, true, {\"id\": 3, \"description\": \"ok\"}, nonsense]")
        #expect(log.transcripts.map(\.id) == ["3"])
        #expect(log.rejectedByCode == [.invalidField: 4, .invalidJSON: 1])
        #expect(log.read == 6)
    }

    @Test func emitErrorsPropagate() {
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try ZendeskReader().read(MemoryStream(Array("[{\"id\":1,\"description\":\"x\"}]".utf8)), file: "t.json") { _ in throw Stop() }
        }
    }
}
