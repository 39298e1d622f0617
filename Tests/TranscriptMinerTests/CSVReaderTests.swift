import Foundation
import TestSupport
import Testing
@testable import TranscriptMiner

private func date(_ text: String) -> Date { Timestamp.parse(text)! }

private func messages(_ configure: (inout CSVReaderOptions) -> Void = { _ in }) -> CSVReader {
    var options = CSVReaderOptions()
    configure(&options)
    return CSVReader(options: options)
}

@Suite("CSV reader: messages")
struct CSVReaderMessagesTests {
    @Test func rowsAreGroupedByConversationInOrderOfFirstRow() throws {
        let text = """
        Conversation_ID,Role,Text,created_at
        c2,customer,hello,2024-05-17T09:00:00Z
        c1,customer,"hi, there",2024-05-17T09:01:00Z
        c2,agent,"how can I help?",2024-05-17T09:02:00Z
        c1,agent,yes,2024-05-17T09:03:00Z
        """
        let log = try csvTestRead(messages(), text)
        #expect(log.transcripts.map(\.id) == ["c2", "c1"])
        #expect(log.transcripts[0].turns.map(\.text) == ["hello", "how can I help?"])
        #expect(log.transcripts[0].turns.map(\.role) == [.customer, .agent])
        #expect(log.transcripts[1].createdAt == date("2024-05-17T09:01:00Z"))
        #expect(log.locations == [CSVTestLocation(file: "test.csv", line: 2, record: 1), CSVTestLocation(file: "test.csv", line: 3, record: 2)])
        #expect(log.problems.isEmpty)
    }

    @Test func defaultColumnNamesAreTriedInOrder() throws {
        let log = try csvTestRead(messages(), "ticket_id,thread_id,body,comment\nt1,x,first,second\n")
        #expect(log.transcripts.map(\.id) == ["t1"])
        #expect(log.transcripts[0].turns[0].text == "first")
        #expect(log.transcripts[0].metadata == ["thread_id": "x", "comment": "second"])
    }

    @Test func turnsAreSortedByTimestampStably() throws {
        let text = """
        conversation_id,text,timestamp
        c,third,2024-05-17T09:03:00Z
        c,first,2024-05-17T09:01:00Z
        c,second-a,2024-05-17T09:02:00Z
        c,second-b,2024-05-17T09:02:00Z
        """
        #expect(try csvTestRead(messages(), text).transcripts[0].turns.map(\.text) == ["first", "second-a", "second-b", "third"])
    }

    @Test func turnsKeepFileOrderWhenATimestampIsMissing() throws {
        let text = "conversation_id,text,timestamp\nc,b,2024-05-17T09:03:00Z\nc,a,\n"
        let transcript = try csvTestRead(messages(), text).transcripts[0]
        #expect(transcript.turns.map(\.text) == ["b", "a"])
        #expect(transcript.createdAt == date("2024-05-17T09:03:00Z"))
    }

    @Test func aConversationUnseenForTheWindowIsEmittedAndItsLateRowsRejected() throws {
        let text = "conversation_id,text\na,1\nb,2\nc,3\nb,4\na,5\n"
        let narrow = try csvTestRead(messages { $0.groupWindow = 2 }, text)
        // a is last seen on row 1 and complete at row 3; a's row 5 is late.
        // c (last seen on row 3) is complete at row 5; b, seen on row 4, at the end of the file.
        #expect(narrow.transcripts.map(\.id) == ["a", "c", "b"])
        #expect(narrow.transcripts.map(\.turns.count) == [1, 1, 2])
        #expect(narrow.rejected == [.duplicateID: 1])
        #expect(narrow.rejections[0].location == CSVTestLocation(file: "test.csv", line: 6, column: 1, record: 5))
        // The order of events: a is emitted at row 3, before the rejection of row 5.
        #expect(narrow.events.firstIndex { if case .problem = $0 { true } else { false } }! == 1)
        let wide = try csvTestRead(messages(), text)
        #expect(wide.transcripts.map(\.turns.count) == [2, 2, 1])
        #expect(wide.rejections.isEmpty)
    }

    @Test func windowOneWorksForContiguousFiles() throws {
        let text = "conversation_id,text\na,1\na,2\nb,3\nb,4\nc,5\n"
        let log = try csvTestRead(messages { $0.groupWindow = 1 }, text)
        #expect(log.transcripts.map(\.turns.count) == [2, 2, 1])
        #expect(log.rejections.isEmpty)
    }

    @Test func roleRules() throws {
        let text = """
        conversation_id,role,inbound,author,text
        c,End-User,false,x,role column wins
        c,,true,x,inbound true
        c,,0,x,inbound false
        c,whatever,,Sam K,agent author
        c,,,Dana,other author
        c,,,,nothing
        """
        let log = try csvTestRead(messages { $0.agentAuthors = ["sam k"] }, text)
        #expect(log.transcripts[0].turns.map(\.role) == [.customer, .customer, .agent, .agent, .customer, .unknown])
        #expect(log.transcripts[0].turns.map(\.author) == ["x", "x", "x", "Sam K", "Dana", nil])
        let noAgents = try csvTestRead(messages { $0.defaultRole = .customer }, text)
        #expect(noAgents.transcripts[0].turns.map(\.role) == [.customer, .customer, .agent, .customer, .customer, .customer])
    }

    @Test func scoresChannelAndMetadata() throws {
        let text = """
        conversation_id,text,CSAT,nps,channel,queue
        c,a,,,,
        c,b,4,not given,Twitter,billing
        c,c,5,8,email,cards
        """
        let transcript = try csvTestRead(messages(), text).transcripts[0]
        #expect(transcript.scores == ["csat": 4])
        #expect(transcript.metadata == ["nps": "not given", "queue": "billing"])
        #expect(transcript.channel == .social)
        #expect(try csvTestRead(messages { $0.defaultChannel = .chat }, "conversation_id,text\nc,a\n").transcripts[0].channel == .chat)
    }

    @Test func aMissingRequiredColumnRejectsEveryRowNamingTheColumns() throws {
        let log = try csvTestRead(messages(), "conversation_id,msg\nc,a\nc,b\n\"broken\n")
        #expect(log.rejected == [.missingColumn: 3])
        let reason = log.rejections[0].reason
        #expect(reason.contains("\"text\"") && reason.contains("\"comment\"") && reason.contains("\"msg\""))
        #expect(log.rejections.map(\.location.line) == [2, 3, 4])
        let noConversation = try csvTestRead(messages { $0.fallsBackToDocuments = false }, "text\na\n")
        #expect(noConversation.rejected == [.missingColumn: 1])
        #expect(noConversation.rejections[0].reason.contains("\"conversation_id\""))
        // By default a file without a conversation column is one document per row.
        let documents = try csvTestRead(messages(), "text,category\nmy card is late,card_arrival\nrefund please,refund\n")
        #expect(documents.rejected.isEmpty)
        #expect(documents.transcripts.map { $0.turns.map(\.text) } == [["my card is late"], ["refund please"]])
        #expect(documents.transcripts.map { $0.turns[0].role } == [.customer, .customer])
        // Header only: the missing column is reported once, at the header.
        let headerOnly = try csvTestRead(messages(), "conversation_id,msg\n")
        #expect(headerOnly.rejected == [.missingColumn: 1])
        #expect(headerOnly.rejections[0].location == CSVTestLocation(file: "test.csv", line: 1))
    }

    @Test func emptyFilesAndHeaderOnlyFilesAreFileProblemsNotRecords() throws {
        for (text, reader) in [("", messages()), ("\u{FEFF}\n\n", messages()), ("conversation_id,text\r\n", messages()),
                               ("text\n", messages { $0.mode = .documents }), (String(CSVReader.twitterColumns.joined(separator: ",")), messages())] {
            let log = try csvTestRead(reader, text)
            #expect(log.read == 0)
            #expect(log.warnings.map(\.code) == [.emptyFile])
        }
    }

    @Test func aMalformedHeaderRejectsEveryRow() throws {
        let log = try csvTestRead(messages(), "conversation_id,\"text\"x\nc,a\nc,b\n")
        #expect(log.rejected == [.malformedRow: 2])
        #expect(log.rejections[0].reason.contains("header"))
        #expect(try csvTestRead(messages(), "\"conversation_id,text\nc,a\n").rejected == [.malformedRow: 1])
    }

    @Test func badRowsAreRejectedOnTheirOwn() throws {
        let text = """
        conversation_id,text,created_at
        c,ok,2024-05-17T09:00:00Z
        c,too,many,fields
        c,,
        ,no conversation,
        c,bad time,yesterday
        c,"quote"after,
        c,\(String(repeating: "x", count: 40)),
        c,"ok again",
        """
        let log = try csvTestRead(messages { $0.maximumFieldLength = 32 }, text)
        #expect(log.transcripts.count == 1)
        #expect(log.transcripts[0].turns.map(\.text) == ["ok", "ok again"])
        #expect(log.rejected == [.malformedRow: 2, .missingField: 2, .invalidField: 1, .lineTooLong: 1])
        #expect(log.read == 7)
        #expect(log.rejections.map(\.location.line) == [3, 4, 5, 6, 7, 8])
        #expect(log.rejections.map(\.location.record) == [2, 3, 4, 5, 6, 7])
    }

    @Test func problemsNeverQuoteTranscriptText() throws {
        let secret = "Jane-Secret-4417"
        let text = """
        conversation_id,text,created_at
        c,"\(secret)" \(secret),
        c,\(secret),\(secret)
        c,\(secret),,extra \(secret)
        ,\(secret),
        c,"\(secret)
        """
        let log = try csvTestRead(messages(), text)
        #expect(log.rejections.count == 5)
        for problem in log.problems { #expect(!problem.description.contains(secret)) }
        // A file without a header: its first row is data, which the missing-column reason must
        // not quote (only names that look like column names are quoted).
        let headerless = try csvTestRead(messages { $0.fallsBackToDocuments = false }, "c1,\(secret)!,2024-05-17\nc1,more,2024-05-17\n")
        #expect(headerless.rejected == [.missingColumn: 1])
        #expect(!headerless.rejections[0].description.contains(secret))
        #expect(headerless.rejections[0].reason.contains("\"c1\", column 2 (a name of 17 characters), \"2024-05-17\""))
    }

    @Test func invalidUTF8IsRepairedAndReported() throws {
        var bytes = Array("conversation_id,text\nc,caf".utf8) + [0xC3] + Array(" au lait\nc,ok\n".utf8)
        bytes.insert(0xFF, at: 0)  // a damaged header name is repaired silently
        let log = try csvTestRead(messages { $0.conversationColumns = ["\u{FFFD}conversation_id"] }, bytes)
        #expect(log.transcripts[0].turns.map(\.text) == ["caf\u{FFFD} au lait", "ok"])
        #expect(log.warnings.map(\.code) == [.invalidUTF8])
        #expect(log.warnings[0].location == CSVTestLocation(file: "test.csv", line: 2, column: 2, record: 1))
        #expect(log.rejections.isEmpty)
    }

    @Test func absurdTimestampsAreInvalidNotACrash() throws {
        let text = "conversation_id,text,created_at\nc,a,Oct 31 10:00:00 99999999999999\nc,b,+99999999999999999999 Oct 1 10:00\nc,c,\(String(repeating: "9", count: 400))\nc,d,1715938267\n"
        let log = try csvTestRead(messages(), text)
        #expect(log.rejected == [.invalidField: 3])
        #expect(log.transcripts[0].turns.map(\.text) == ["d"])
        #expect(Timestamp.parse("Tue Oct 31 22:10:47 +0000 2017") == Timestamp.parse("2017-10-31T22:10:47Z"))
        #expect(Timestamp.parse("2024-05-17T09:31:07.123456789Z") != nil)
    }

    @Test func tabSeparatedFiles() throws {
        let log = try csvTestRead(messages { $0.delimiter = UInt8(ascii: "\t") }, "chat_id\tmessage\nx\ta, b\n")
        #expect(log.transcripts[0].turns[0].text == "a, b")
    }

    @Test func emitErrorsAreRethrownAtOnce() throws {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try messages().read(MemoryStream(Array("conversation_id,text\nc,\nc,\nc,\n".utf8)), file: "f") { _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
    }

    @Test func aFailingStreamFlushesCompleteRowsThenThrows() throws {
        var ids: [String] = []
        #expect(throws: ByteStreamError.self) {
            try messages().read(CSVTestFailingStream(Array("conversation_id,text\na,1\nb,2\nb,3".utf8)), file: "f") { event in
                if case .transcript(let t, _) = event { ids.append(t.id) }
            }
        }
        // a and b's complete row 2 are emitted; the row being read ("b,3", no line break yet) is lost.
        #expect(ids == ["a", "b"])
    }

    @Test(arguments: [1, 2, 3, 17])
    func oneByteReadsGiveTheSameEvents(step: Int) throws {
        let text = "\u{FEFF}conversation_id,text,csat\r\na,\"x,\r\ny\",4\r\nb,\"q\"\"\",\r\na,z,\r\nb,\"open"
        #expect(try csvTestRead(messages(), text, step: step) == csvTestRead(messages(), text))
    }

    @Test func optionsValidation() {
        #expect(throws: Never.self) { try CSVReaderOptions().validate() }
        var options = CSVReaderOptions()
        options.delimiter = UInt8(ascii: "\"")
        #expect(throws: CSVReaderOptions.InvalidOption.self) { try options.validate() }
        options = CSVReaderOptions()
        options.groupWindow = 0
        #expect(throws: CSVReaderOptions.InvalidOption.self) { try options.validate() }
        options = CSVReaderOptions()
        options.textColumns = []
        #expect(throws: CSVReaderOptions.InvalidOption.self) { try options.validate() }
    }
}

@Suite("CSV reader: documents")
struct CSVReaderDocumentsTests {
    private let reader = messages { $0.mode = .documents }

    @Test func oneTranscriptPerRow() throws {
        let text = """
        id,comment,rating,created_at,source,product
        r-1,"Great app, fast.",5,2024-05-17,web,cards
        ,"Slow transfers",2,,,
        """
        let log = try csvTestRead(reader, text, file: "survey.csv")
        #expect(log.transcripts.map(\.id) == ["r-1", "survey.csv#2"])
        #expect(log.transcripts[0].turns == [Turn(role: .customer, timestamp: date("2024-05-17"), text: "Great app, fast.")])
        #expect(log.transcripts[0].scores == ["rating": 5])
        #expect(log.transcripts[0].metadata == ["product": "cards"])
        #expect(log.transcripts[0].channel == .chat)
        #expect(log.transcripts[0].createdAt == date("2024-05-17"))
        #expect(log.locations.map(\.line) == [2, 3])
    }

    @Test func withoutAnIdColumnTheRowNumberIsTheId() throws {
        let log = try csvTestRead(reader, "text,role\na,agent\n\nb,\n", file: "f.csv")
        #expect(log.transcripts.map(\.id) == ["f.csv#1", "f.csv#2"])
        #expect(log.transcripts.map { $0.turns[0].role } == [.agent, .customer])
    }

    @Test func rejectionsKeepCountsExact() throws {
        let log = try csvTestRead(reader, "id,text\n1,a\n2,\n3,b,c\n4,\"d\n")
        #expect(log.transcripts.map(\.id) == ["1"])
        #expect(log.rejected == [.missingField: 1, .malformedRow: 2])
        #expect(log.read == 4)
    }
}
