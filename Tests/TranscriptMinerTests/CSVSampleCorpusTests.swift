import Foundation
import TestSupport
import Testing
@testable import TranscriptMiner

/// Reads a corpus file from disk, the way the pipeline does.
func csvTestReadCorpus(_ reader: some TranscriptReader, _ name: String) throws -> CSVTestLog {
    var log = CSVTestLog()
    try reader.read(try FileStream(path: SharedData.corpus(name).path), file: name) { event in
        switch event {
        case .transcript(let t, let l): log.events.append(.transcript(t, l))
        case .problem(let p): log.events.append(.problem(p))
        }
    }
    return log
}

/// The options the malformed twins are read with: a 4 KiB field limit, so the twin's 5 KB field
/// is over it.
private func corpusReader(window: Int = 10_000) -> CSVReader {
    var options = CSVReaderOptions()
    options.maximumFieldLength = 4096
    options.groupWindow = window
    return CSVReader(options: options)
}

@Suite("CSV sample corpora")
struct CSVSampleCorpusTests {
    @Test func sampleMessages() throws {
        let log = try csvTestReadCorpus(corpusReader(), "sample-messages.csv")
        #expect(log.transcripts.count == 10)
        #expect(log.rejections.isEmpty)
        #expect(log.warnings.isEmpty)
        #expect(log.read == 10)
        #expect(log.turnCount == 40)  // every row is a turn
        #expect(log.transcripts.map(\.id) == (1001...1010).map { "C-\($0)" })
        #expect(log.transcripts.map(\.turns.count) == [5, 3, 4, 4, 5, 3, 4, 4, 4, 4])
        #expect(log.locations.map(\.line) == [2, 6, 17, 18, 25, 33, 36, 40, 44, 48])
        // csat on the last row of each conversation; "n/a" is metadata, not a score.
        #expect(log.transcripts.map { $0.scores["csat"] } == [2, 5, 4, 3, 5, 2, 1, nil, 4, 5])
        #expect(log.transcript("C-1008")?.metadata["csat"] == "n/a")
        #expect(log.transcripts.map(\.channel) == [.chat, .email, .chat, .chat, .chat, .social, .chat, .email, .chat, .chat])
        // The late row of C-1001 (the file's last) joins its conversation.
        #expect(log.transcript("C-1001")?.turns.last?.text == "Great, thank you.")
        // Quoted multi-line text with commas and quotes, LF inside a CRLF file.
        #expect(log.transcript("C-1002")?.turns[0].text == "Hello,\nI was charged twice for the same purchase (order #A-2231), $49.99 each time.\nPlease refund one of them.\nThanks, Tomás")
        #expect(log.transcript("C-1003")?.turns[0].text == "I can't log in to the app since the update, it says \"invalid PIN\".")
        // C-1007's rows are out of order in the file: turns are sorted by created_at.
        #expect(log.transcript("C-1007")?.turns.map(\.role) == [.customer, .agent, .agent, .customer])
        #expect(log.transcript("C-1005")?.turns.map(\.role) == [.customer, .system, .agent, .customer, .agent])
        #expect(log.transcript("C-1005")?.turns[1].author == nil)
        #expect(log.transcript("C-1001")?.createdAt == Timestamp.parse("2024-05-17T09:00:05Z"))
    }

    @Test func sampleMessagesWithANarrowWindow() throws {
        // Window 3: C-1001 is complete at row 7, so its late row 40 is a duplicate.
        let three = try csvTestReadCorpus(corpusReader(window: 3), "sample-messages.csv")
        #expect(three.transcripts.count == 10)
        #expect(three.rejected == [.duplicateID: 1])
        #expect(three.turnCount == 39)
        // Window 1: C-1003 and C-1004 interleave, so 3 late rows each, plus C-1001's.
        let one = try csvTestReadCorpus(corpusReader(window: 1), "sample-messages.csv")
        #expect(one.transcripts.count == 10)
        #expect(one.rejected == [.duplicateID: 7])
        #expect(one.turnCount == 33)
        #expect(one.read == 17)
    }

    @Test func malformedMessages() throws {
        let log = try csvTestReadCorpus(corpusReader(), "malformed/sample-messages.csv")
        #expect(log.transcripts.count == 10)
        #expect(log.rejected == [.malformedRow: 4, .missingField: 2, .invalidField: 1, .lineTooLong: 1])
        #expect(log.rejections.count == 8)
        #expect(log.read == 18)
        #expect(log.warnings.map(\.code) == [.invalidUTF8])
        #expect(log.warnings[0].location.line == 54)
        // The good rows and the repaired one: 40 + 1 turns.
        #expect(log.turnCount == 41)
        #expect(log.transcript("C-1009")?.turns.last?.text == "Thanks \u{FFFD}\u{FFFD} there")
        #expect(log.rejections.map(\.location.line) == [6, 18, 19, 30, 40, 46, 55, 61])
        // The unterminated quote at the end: reported once, at the line it opens.
        #expect(log.rejections.last?.reason.contains("line 61") == true)
        // With the default 16 MiB limit the long field is accepted.
        let defaults = try csvTestReadCorpus(CSVReader(), "malformed/sample-messages.csv")
        #expect(defaults.rejected == [.malformedRow: 4, .missingField: 2, .invalidField: 1])
        #expect(defaults.turnCount == 42)
    }

    @Test func sampleTwitter() throws {
        let log = try csvTestReadCorpus(CSVReader(), "sample-twitter.csv")
        #expect(log.transcripts.count == 8)
        #expect(log.problems.isEmpty)
        #expect(log.turnCount == 30)
        #expect(log.transcripts.map(\.id) == ["1001", "1010", "1040", "1020", "1030", "1050", "1060", "1070"])
        #expect(log.transcripts.map(\.turns.count) == [4, 4, 1, 3, 4, 5, 2, 7])
        #expect(log.transcripts.allSatisfy { $0.channel == .social })
        // Thread F is listed newest first: turns come out oldest first.
        #expect(log.transcript("1050")?.turns.map(\.role) == [.customer, .agent, .customer, .agent, .customer])
        #expect(log.transcript("1050")?.turns.first?.text.hasPrefix("@SkyRailCare I left my backpack") == true)
        // Thread B branches: both agent replies to the root, then the customer's answer.
        #expect(log.transcript("1010")?.turns.map(\.role) == [.customer, .agent, .agent, .customer])
        #expect(log.transcript("1060")?.turns[0].text.contains("\"unlimited\" plan, apparently, has a limit.\nThrottled") == true)
        #expect(log.transcript("1001")?.createdAt == Timestamp.parse("2017-10-31T09:00:00Z"))
    }

    @Test func malformedTwitter() throws {
        let log = try csvTestReadCorpus(CSVReader(), "malformed/sample-twitter.csv")
        // 1098 replies to the rejected 1091: it starts a thread of its own.
        #expect(log.transcripts.count == 9)
        #expect(log.rejected == [.invalidField: 4, .duplicateID: 1, .missingField: 1, .malformedRow: 1])
        #expect(log.read == 16)
        #expect(log.warnings.map(\.code) == [.invalidUTF8])
        #expect(log.transcript("1060")?.turns.count == 3)
        #expect(log.transcript("1098")?.turns.count == 1)
        #expect(log.turnCount == 32)
    }
}
