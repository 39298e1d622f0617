import Foundation
import Testing
@testable import TranscriptMiner

@Suite struct EmailThreaderTests {
    /// A minimal message.
    private func message(_ id: String?, from: String, date: String? = nil, inReplyTo: String? = nil,
                         references: String? = nil, subject: String = "Card", body: String) -> [UInt8] {
        var text = "From: \(from)\nSubject: \(subject)\n"
        if let id { text += "Message-ID: <\(id)>\n" }
        if let date { text += "Date: \(date)\n" }
        if let inReplyTo { text += "In-Reply-To: <\(inReplyTo)>\n" }
        if let references { text += "References: \(references)\n" }
        return Array((text + "\n" + body + "\n").utf8)
    }

    private func run(_ messages: [[UInt8]], options: EmailReaderOptions = EmailReaderOptions(agentDomains: ["examplebank.example"])) throws -> ReaderLog {
        var threader = EmailThreader(options: options)
        var log = ReaderLog()
        for (index, bytes) in messages.enumerated() {
            try threader.addMessage(from: MemoryStream(bytes), file: "m\(index).eml") { log.record($0) }
        }
        try threader.finish { log.record($0) }
        return log
    }

    @Test func repliesJoinTheirThreadAndTurnsFollowTheDate() throws {
        let log = try run([
            message("r2@x", from: "tom@examplebank.example", date: "Mon, 15 Jan 2024 11:00:00 +0000", inReplyTo: "root@x", body: "Agent reply"),
            message("other@x", from: "eve@example.org", date: "Mon, 15 Jan 2024 09:00:00 +0000", body: "Unrelated"),
            message("root@x", from: "Jana <jana@example.net>", date: "Mon, 15 Jan 2024 10:00:00 +0000", body: "Question"),
            message("r3@x", from: "jana@example.net", date: "Mon, 15 Jan 2024 12:00:00 +0000", references: "<root@x> <r2@x>", body: "Thanks, it works"),
        ])
        #expect(log.transcripts.map(\.id) == ["root@x", "other@x"])  // in order of their first message in the input
        let thread = try #require(log.transcript("root@x"))
        #expect(thread.turns.map(\.text) == ["Question", "Agent reply", "Thanks, it works"])
        #expect(thread.turns.map(\.role) == [.customer, .agent, .customer])
        #expect(thread.turns.map(\.author) == ["jana@example.net", "tom@examplebank.example", "jana@example.net"])
        #expect(thread.channel == .email)
        #expect(thread.createdAt == Timestamp.parse("2024-01-15T10:00:00Z"))
        #expect(thread.metadata["subject"] == "Card")
        #expect(log.locations[0] == TranscriptMiner.SourceLocation(file: "m2.eml", line: 1, record: 1))
    }

    @Test func aMissingRootStillHoldsTheThreadTogether() throws {
        // Both answer <gone@x>, which is not in the input: the earliest message names the thread.
        let log = try run([
            message("b@x", from: "jana@example.net", date: "Tue, 16 Jan 2024 10:00:00 +0000", references: "<gone@x> <a@x>", body: "Second"),
            message("a@x", from: "tom@examplebank.example", date: "Mon, 15 Jan 2024 10:00:00 +0000", inReplyTo: "gone@x", body: "First"),
        ])
        #expect(log.transcripts.map(\.id) == ["a@x"])
        #expect(log.transcripts[0].turns.map(\.text) == ["First", "Second"])
    }

    @Test func sharedReferencesJoinSiblings() throws {
        let log = try run([
            message("s1@x", from: "a@example.net", inReplyTo: "gone@x", body: "one"),
            message("s2@x", from: "b@examplebank.example", inReplyTo: "gone@x", body: "two"),
        ])
        #expect(log.transcripts.count == 1)
    }

    @Test func undatedMessagesGoLastInInputOrderAndTiesKeepInputOrder() throws {
        let log = try run([
            message("u1@x", from: "a@example.net", inReplyTo: "root@x", body: "undated 1"),
            message("t1@x", from: "a@example.net", date: "Mon, 15 Jan 2024 10:00:00 +0000", inReplyTo: "root@x", body: "same time A"),
            message("u2@x", from: "a@example.net", inReplyTo: "root@x", body: "undated 2"),
            message("t2@x", from: "a@example.net", date: "Mon, 15 Jan 2024 11:00:00 +0100", inReplyTo: "root@x", body: "same time B"),
        ])
        #expect(log.transcripts[0].turns.map(\.text) == ["same time A", "same time B", "undated 1", "undated 2"])
    }

    @Test func duplicateMessageIDsAreRejectedOnce() throws {
        let copy = message("dup@x", from: "a@example.net", body: "Hello")
        let log = try run([copy, copy])
        #expect(log.transcripts.count == 1)
        #expect(log.transcripts[0].turns.count == 1)
        #expect(log.rejectedByCode == [.duplicateID: 1])
        #expect(log.rejected[0].location.file == "m1.eml")
    }

    @Test func messagesWithoutIDsAreTheirOwnThreads() throws {
        let log = try run([message(nil, from: "a@example.net", body: "one"), message(nil, from: "a@example.net", body: "two")])
        #expect(log.transcripts.map(\.id) == ["m0.eml:1", "m1.eml:1"])
    }

    @Test func withoutAgentDomainsTheRootSenderIsTheCustomer() throws {
        let log = try run([
            message("q@x", from: "jana@example.net", body: "Question"),
            message("a@x", from: "tom@anywhere.example", inReplyTo: "q@x", body: "Answer"),
            message("n@x", from: "no address", inReplyTo: "q@x", body: "Who?"),
        ], options: EmailReaderOptions())
        #expect(log.transcripts[0].turns.map(\.role) == [.customer, .agent, .unknown])
    }

    @Test func quoteOnlyMessagesGiveNoTurnButStayInTheThread() throws {
        let log = try run([
            message("q@x", from: "jana@example.net", body: "Question"),
            message("a@x", from: "tom@examplebank.example", inReplyTo: "q@x", body: "> Question"),
        ])
        #expect(log.transcripts.count == 1)
        #expect(log.transcripts[0].turns.map(\.text) == ["Question"])
    }

    @Test func withoutThreadingEveryMessageIsEmittedAtOnce() throws {
        var threader = EmailThreader(options: EmailReaderOptions(threadsMessages: false))
        var log = ReaderLog()
        try threader.addMessage(from: MemoryStream(message("q@x", from: "a@example.net", body: "Q")), file: "a.eml") { log.record($0) }
        #expect(log.transcripts.map(\.id) == ["q@x"])
        try threader.addMessage(from: MemoryStream(message("r@x", from: "b@example.net", inReplyTo: "q@x", body: "R")), file: "b.eml") { log.record($0) }
        #expect(log.transcripts.map(\.id) == ["q@x", "r@x"])
        #expect(threader.messageCount == 0)
        try threader.finish { log.record($0) }
        #expect(log.transcripts.count == 2)
    }

    @Test func finishResetsTheThreader() throws {
        var threader = EmailThreader()
        var log = ReaderLog()
        try threader.addMessage(from: MemoryStream(message("q@x", from: "a@example.net", body: "Q")), file: "a.eml") { log.record($0) }
        #expect(threader.messageCount == 1)
        try threader.finish { log.record($0) }
        #expect(threader.messageCount == 0)
        try threader.addMessage(from: MemoryStream(message("q@x", from: "a@example.net", body: "Q")), file: "a.eml") { log.record($0) }
        try threader.finish { log.record($0) }
        #expect(log.transcripts.count == 2 && log.rejected.isEmpty)  // not a duplicate of the earlier set
    }

    @Test func emptyAndOversizedMessages() throws {
        var log = ReaderLog()
        try EmailReader().read(MemoryStream(Array(" \r\n\n".utf8)), file: "blank.eml") { log.record($0) }
        #expect(log.repairedByCode == [.emptyFile: 1] && log.read == 0)
        let big = message("big@x", from: "a@example.net", body: String(repeating: "x", count: 5000))
        log = ReaderLog.read(EmailReader(options: EmailReaderOptions(maximumMessageBytes: 1024)), big, file: "big.eml")
        #expect(log.rejectedByCode == [.malformedMessage: 1])
    }

    @Test func anMboxSeparatorAtTheTopOfAnEmlIsSkipped() {
        let bytes = Array("From jana@example.net Mon Jan 15 10:32:00 2024\n".utf8) + message("q@x", from: "jana@example.net", body: "Q")
        let log = ReaderLog.read(EmailReader(), bytes, file: "q.eml")
        #expect(log.transcripts.map(\.id) == ["q@x"])
    }

    @Test func emitErrorsPropagate() {
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try EmailReader().read(MemoryStream(message("q@x", from: "a@example.net", body: "Q")), file: "q.eml") { _ in throw Stop() }
        }
        #expect(throws: Stop.self) {
            try MboxReader().read(MemoryStream(Array("not a message".utf8)), file: "m.mbox") { _ in throw Stop() }
        }
    }

    @Test func unionFindJoinsTransitively() {
        var sets = UnionFind()
        let nodes = (0..<5).map { _ in sets.makeSet() }
        sets.merge(nodes[0], nodes[1])
        sets.merge(nodes[3], nodes[4])
        sets.merge(nodes[1], nodes[4])
        #expect(sets.find(nodes[0]) == sets.find(nodes[3]))
        #expect(sets.find(nodes[2]) != sets.find(nodes[0]))
    }
}
