import Foundation
import Testing
import TestSupport
@testable import TranscriptMiner

/// The sample corpus `corpora/email/` (7 messages, 3 threads) and its malformed twin.
@Suite struct EmailSampleTests {
    let options = EmailReaderOptions(agentDomains: ["examplebank.example"])

    /// Reads the `.eml` files of `folder` in `order` through one threader.
    private func readFolder(_ folder: String, reversed: Bool = false) throws -> ReaderLog {
        var threader = EmailThreader(options: options)
        var log = ReaderLog()
        var names = try emlNames(folder)
        if reversed { names.reverse() }
        for name in names {
            let path = SharedData.corpus(folder).appendingPathComponent(name).path
            try threader.addMessage(from: try FileStream(path: path), file: "\(folder)/\(name)") { log.record($0) }
        }
        try threader.finish { log.record($0) }
        return log
    }

    @Test func sampleCounts() throws {
        let log = try readFolder("email")
        #expect(try emlNames("email").count == 7)
        #expect(log.transcripts.map(\.id) == ["fwd-1.priya@example.com", "card-1.jana@example.net", "transfer-1@example.org"])
        #expect(log.transcripts.map(\.turns.count) == [1, 3, 3])
        #expect(log.turns == 7)
        #expect(log.rejected.isEmpty)
        #expect(log.repairs.isEmpty)
        #expect(log.read == 3)
        #expect(log.transcripts.allSatisfy { $0.channel == .email })
    }

    @Test func charsetsAndEncodingsDecode() throws {
        let log = try readFolder("email")
        let card = try #require(log.transcript("card-1.jana@example.net"))
        #expect(card.metadata["subject"] == "Card blocked at the café")  // adjacent base64 encoded words
        #expect(card.turns[0].text == """
            Hello,

            my debit card was declined yesterday at the café in Zürich and now the
            app says it is blocked. I did not do anything unusual.

            Can you unblock it please?
            """)  // quoted-printable ISO-8859-1; the "-- " signature is gone
        #expect(card.turns[2].text == "It works again, thank you! I just paid 4,50 € for a coffee.")  // base64 UTF-8
        let transfer = try #require(log.transcript("transfer-1@example.org"))
        #expect(transfer.turns[2].text == "The transfer arrived this morning, but my landlord’s bank charged a 15 € fee.\nWhy does that happen?")  // windows-1252
        let forward = try #require(log.transcript("fwd-1.priya@example.com"))
        #expect(forward.metadata["subject"] == "Fwd: App keeps logging me out – again")
        #expect(card.createdAt == Timestamp.parse("2024-01-15T09:32:00Z"))
    }

    @Test func quotesAndSignaturesAreGone() throws {
        let log = try readFolder("email")
        let card = try #require(log.transcript("card-1.jana@example.net"))
        #expect(card.turns[1].text == """
            Hi Jana,

            we blocked the card after a payment attempt that looked like fraud. I have
            unblocked it now; please try again and tell us if it still fails.
            """)  // plain alternative chosen; "On … wrote:" + quote and "Kind regards" block cut
        let transfer = try #require(log.transcript("transfer-1@example.org"))
        #expect(transfer.turns[0].text == """
            Hello,

            I sent 250 EUR to my landlord on Friday (reference TRX-2024-00871) and the
            transfer is still pending. The money has left my account.
            """)
        #expect(transfer.turns[1].text == "Dear Mr Ortega,\ninternational transfers can take up to 5 business days. I have asked our payments team to trace it and will update you by Thursday.")  // HTML only
        let forward = try #require(log.transcript("fwd-1.priya@example.com"))
        #expect(forward.turns[0].text == "Hi,\n\nthe app logs me out every few minutes since the last update. See the message\nI sent to the app store support below.")
        let all = log.transcripts.flatMap(\.turns).map(\.text).joined(separator: "\n")
        for leftover in ["wrote:", "> ", "Original Message", "Forwarded message", "Sent from my", "From: Mia", "Kind regards",
                         "Best wishes", "Tom Becker", "Phone +1", "<p>", "&amp;", "nested quote", "screenshot", "JVBER"] {
            #expect(!all.contains(leftover), "left over: \(leftover)")
        }
    }

    @Test func rolesComeFromTheSenderDomain() throws {
        let log = try readFolder("email")
        #expect(log.transcript("card-1.jana@example.net")?.turns.map(\.role) == [.customer, .agent, .customer])  // agent on a subdomain
        #expect(log.transcript("transfer-1@example.org")?.turns.map(\.role) == [.customer, .agent, .customer])
        #expect(log.transcript("fwd-1.priya@example.com")?.turns.map(\.role) == [.customer])
    }

    @Test func inputOrderDoesNotChangeThreads() throws {
        let forward = try readFolder("email")
        let backward = try readFolder("email", reversed: true)
        #expect(backward.transcripts.map(\.id) == ["transfer-1@example.org", "card-1.jana@example.net", "fwd-1.priya@example.com"])
        #expect(Set(forward.transcripts) == Set(backward.transcripts))
    }

    @Test func eachFileAloneIsOneTranscriptOfOneTurn() throws {
        var total = ReaderLog()
        for name in try emlNames("email") {
            let log = ReaderLog.read(EmailReader(options: options), try corpusFileBytes("email/\(name)"), file: name)
            #expect(log.transcripts.count == 1 && log.turns == 1 && log.problems.isEmpty, "\(name)")
            total.transcripts += log.transcripts
        }
        #expect(total.transcripts.count == 7)
    }

    @Test func malformedTwinCounts() throws {
        let log = try readFolder("malformed/email")
        #expect(try emlNames("malformed/email") == (try emlNames("email")))
        // card-1 has no headers; card-2 and card-3 still thread (card-3 answers card-2), and the
        // missing root leaves card-2, the earliest, to name the thread.
        #expect(log.transcripts.map(\.id) == ["card-2.tom@support.examplebank.example", "transfer-1@example.org"])
        #expect(log.transcripts.map(\.turns.count) == [2, 1])
        #expect(log.turns == 3)
        #expect(log.rejectedByCode == [.malformedMessage: 4])
        #expect(log.repairedByCode == [.unknownCharset: 1, .invalidUTF8: 1])
        #expect(log.read == 6)
        let rejectedFiles = log.rejected.map { ($0.location.file as NSString).lastPathComponent }
        #expect(rejectedFiles == ["app-logout-forward.eml", "card-1-customer.eml", "transfer-2-agent.eml", "transfer-3-customer.eml"])
        #expect(log.rejected.allSatisfy { $0.location.line == 1 && $0.location.record == 1 })
    }

    @Test func malformedTwinRepairsKeepTheText() throws {
        let log = try readFolder("malformed/email")
        let card = try #require(log.transcript("card-2.tom@support.examplebank.example"))
        #expect(card.turns[1].text == "It works again, thank you! I just paid 4,50 € for a coffee.")  // unknown charset read as UTF-8
        let transfer = try #require(log.transcript("transfer-1@example.org"))
        #expect(transfer.turns[0].text.hasSuffix("The money has left my account. \u{FFFD}\u{FFFD}"))
        #expect(log.repairs.first { $0.code == .invalidUTF8 }?.reason == "2 invalid UTF-8 sequence(s) replaced with U+FFFD")
        #expect(log.repairs.first { $0.code == .unknownCharset }?.reason == "unknown character set 'x-examplebank-legacy': text decoded as UTF-8")
    }

    @Test func problemReasonsNeverQuoteMessageText() throws {
        var problems = try readFolder("malformed/email").problems
        problems += ReaderLog.read(MboxReader(options: options), try corpusFileBytes("malformed/sample.mbox")).problems
        #expect(!problems.isEmpty)
        for problem in problems {
            for secret in ["Jana", "Ortega", "landlord", "payslip", "Hello", "screenshot", "loan", "VGhl", "example.", "@"] {
                #expect(!problem.reason.contains(secret), "\(problem)")
            }
        }
    }
}
