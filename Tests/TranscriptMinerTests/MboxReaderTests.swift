import Foundation
import Testing
import TestSupport
@testable import TranscriptMiner

@Suite struct MboxReaderTests {
    let options = EmailReaderOptions(agentDomains: ["examplebank.example"])

    private func split(_ text: String) throws -> [MboxSplitter.Message] {
        var splitter = MboxSplitter(LineReader(MemoryStream(Array(text.utf8))), maximumMessageBytes: 1 << 20)
        var out: [MboxSplitter.Message] = []
        while let message = try splitter.next() { out.append(message) }
        return out
    }

    @Test func splitsOnFromLinesAfterBlankLines() throws {
        let mbox = """
            From a@example.net Mon Jan 15 10:32:00 2024
            Subject: one

            body one
            From b@example.net Mon Jan 15 10:33:00 2024 is not a separator: no blank line before
            >From the start, mboxrd escapes this
            >>From stays quoted once

            From what I see, no time here: not a separator

            From b@example.net Mon Jan 15 10:34:00 2024
            Subject: two

            body two
            """
        let messages = try split(mbox)
        #expect(messages.map(\.line) == [1, 11])
        #expect(messages.map(\.record) == [1, 2])
        let first = String(decoding: messages[0].bytes, as: UTF8.self)
        #expect(first.contains("\nFrom b@example.net Mon Jan 15 10:33:00 2024 is not"))
        #expect(first.contains("\nFrom the start, mboxrd escapes this\n>From stays quoted once\n"))
        #expect(first.contains("\nFrom what I see"))
        #expect(!first.hasPrefix("From "))
        #expect(String(decoding: messages[1].bytes, as: UTF8.self) == "Subject: two\n\nbody two\n")
    }

    @Test func textBeforeTheFirstSeparatorIsAMessage() throws {
        let messages = try split("\n\nSubject: bare\n\nbody\n\nFrom a@example.net Mon Jan 15 10:32:00 2024\nSubject: x\n\ny\n")
        #expect(messages.map(\.line) == [3, 7])
    }

    @Test func oversizedMessagesAreMarked() throws {
        var splitter = MboxSplitter(LineReader(MemoryStream(Array(("From a Mon Jan 15 10:32:00 2024\nSubject: x\n\n" + String(repeating: "y", count: 3000) + "\n").utf8))),
                                    maximumMessageBytes: 1024)
        let message = try #require(try splitter.next())
        #expect(message.overlong && message.bytes.isEmpty)
    }

    @Test func sampleCounts() throws {
        let log = ReaderLog.read(MboxReader(options: options), try corpusFileBytes("sample.mbox"), file: "sample.mbox")
        #expect(log.transcripts.map(\.id) == ["loan-1@example.org", "fee-1@example.net"])
        #expect(log.transcripts.map(\.turns.count) == [3, 3])
        #expect(log.turns == 6)
        #expect(log.rejected.isEmpty && log.repairs.isEmpty)
        #expect(log.read == 2)
        #expect(log.locations == [TranscriptMiner.SourceLocation(file: "sample.mbox", line: 1, record: 1),
                                  TranscriptMiner.SourceLocation(file: "sample.mbox", line: 21, record: 2)])
    }

    @Test func sampleContent() throws {
        let log = ReaderLog.read(MboxReader(options: options), try corpusFileBytes("sample.mbox"), file: "sample.mbox")
        let loan = try #require(log.transcript("loan-1@example.org"))
        #expect(loan.turns.map(\.role) == [.customer, .agent, .customer])
        #expect(loan.turns.map(\.text) == [
            "Good morning,\n\nI applied for a home loan for my flat in São Paulo two weeks ago and\nhave not heard anything since.\n\nFrom the confirmation email I got, the application is complete.",
            "Dear Ms Silva,\n\nyour application is with our underwriting team. We still need a copy of\nyour last payslip; you can upload it in the app.",
            "Thanks, I uploaded the payslip just now. From what I understand, I should hear back this week?",
        ])
        #expect(loan.metadata["subject"] == "Loan application status")
        let fee = try #require(log.transcript("fee-1@example.net"))
        #expect(fee.turns.map(\.role) == [.customer, .agent, .customer])
        #expect(fee.turns.map(\.text) == [
            "Hi,\n\nyou charged me an overdraft fee of 35 USD although my balance never went\nbelow zero. Please refund it.\n\nOmar",
            "Hello Omar,\n\nI can see the fee on 2 February. It was charged because a card payment\nwas booked before your salary arrived. As a courtesy I have refunded it.",
            "Thank you, I see the refund. But the fee shows up again\nFrom today's statement, so it was charged twice.",
        ])
    }

    @Test func malformedTwinCounts() throws {
        let log = ReaderLog.read(MboxReader(options: options), try corpusFileBytes("malformed/sample.mbox"), file: "bad.mbox")
        #expect(log.transcripts.map(\.id) == ["loan-1@example.org", "fee-3@example.net"])
        #expect(log.transcripts.map(\.turns.count) == [2, 1])
        #expect(log.turns == 3)
        #expect(log.rejectedByCode == [.malformedMessage: 4, .duplicateID: 1])
        #expect(log.repairedByCode == [.unknownCharset: 1])
        #expect(log.read == 7)
        #expect(log.rejected.map(\.location.line) == [1, 23, 26, 42, 53])
        #expect(log.rejected.map(\.location.record) == [1, 3, 4, 5, 6])
        #expect(log.transcript("loan-1@example.org")?.turns.last?.text == "I uploaded the payslip just now at the São Paulo branch.")
    }

    @Test func oneByteReadsGiveTheSameResult() throws {
        for name in ["sample.mbox", "malformed/sample.mbox"] {
            let bytes = try corpusFileBytes(name)
            let whole = ReaderLog.read(MboxReader(options: options), bytes, file: name)
            let trickle = ReaderLog.read(MboxReader(options: options), bytes, file: name, oneByteAtATime: true)
            #expect(whole.transcripts == trickle.transcripts)
            #expect(whole.problems == trickle.problems)
        }
    }

    @Test func withoutThreadingEachMessageIsATranscript() throws {
        let reader = MboxReader(options: EmailReaderOptions(agentDomains: ["examplebank.example"], threadsMessages: false))
        let log = ReaderLog.read(reader, try corpusFileBytes("sample.mbox"), file: "sample.mbox")
        #expect(log.transcripts.map(\.id) == ["loan-1@example.org", "fee-1@example.net", "loan-2.ken@examplebank.example",
                                              "fee-2.lena@support.examplebank.example", "loan-3@example.org", "fee-3@example.net"])
        #expect(log.locations.map(\.line) == [1, 21, 35, 61, 96, 119])
        #expect(log.turns == 6)
    }

    @Test func aMailboxAndEmlFilesThreadTogether() throws {
        // The card thread's first message in a mailbox, its replies as .eml files.
        var threader = EmailThreader(options: options)
        var log = ReaderLog()
        let first = try corpusFileBytes("email/card-1-customer.eml")
        try threader.addMailbox(from: MemoryStream(Array("From jana Mon Jan 15 10:32:00 2024\n".utf8) + first), file: "a.mbox") { log.record($0) }
        for name in ["card-2-agent.eml", "card-3-customer.eml"] {
            try threader.addMessage(from: MemoryStream(try corpusFileBytes("email/\(name)")), file: name) { log.record($0) }
        }
        try threader.finish { log.record($0) }
        #expect(log.transcripts.map(\.id) == ["card-1.jana@example.net"])
        #expect(log.turns == 3)
    }

    @Test func emptyMailboxesReportAnEmptyFile() {
        for text in ["", "\n\n  \n"] {
            let log = ReaderLog.read(MboxReader(), text, file: "empty.mbox")
            #expect(log.read == 0)
            #expect(log.repairedByCode == [.emptyFile: 1])
        }
    }
}
