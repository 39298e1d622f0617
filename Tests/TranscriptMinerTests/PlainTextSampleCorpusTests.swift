import Foundation
import TestSupport
import Testing
@testable import TranscriptMiner

@Suite("Plain-text sample corpora")
struct PlainTextSampleCorpusTests {
    private let file = "sample-transcripts.txt"

    @Test func sampleTranscripts() throws {
        let log = try csvTestReadCorpus(PlainTextReader(), file)
        #expect(log.transcripts.count == 8)
        #expect(log.problems.isEmpty)
        #expect(log.read == 8)
        #expect(log.transcripts.map(\.id) == ["T-1", "T-2", "T-3", "\(file)#4", "\(file)#5", "T-6", "T-7", "T-8"])
        #expect(log.transcripts.map(\.turns.count) == [5, 3, 4, 5, 3, 3, 3, 3])
        #expect(log.locations.map(\.line) == [1, 13, 22, 30, 37, 43, 50, 56])
        #expect(log.transcripts.map(\.channel) == [.chat, .email, .other, .other, .voiceTranscript, .other, .other, .chat])

        let t1 = log.transcript("T-1")!
        #expect(t1.scores == ["csat": 4])
        #expect(t1.metadata == ["queue": "cards"])
        #expect(t1.turns.map(\.timestamp) == ["09:01", "09:02", "09:03", "09:05", "09:06"].map { Timestamp.parse("2024-05-17T\($0):00Z") })
        #expect(t1.turns[3].text == "Thanks. The card was returned to us; I've ordered a new one\nwith express delivery, it should arrive by Friday.")

        let t2 = log.transcript("T-2")!
        #expect(t2.turns.map(\.role) == [.customer, .agent, .customer])
        #expect(t2.turns[1].author == "Priya")
        #expect(t2.turns[0].text.components(separatedBy: "\n").count == 3)
        #expect(t2.createdAt == Timestamp.parse("2024-05-17T10:15:00Z"))

        #expect(log.transcript("T-3")!.turns.map(\.role) == [.customer, .system, .agent, .agent])
        #expect(log.transcript("\(file)#4")!.turns.map(\.role) == [.customer, .bot, .customer, .bot, .agent])
        let fifth = log.transcript("\(file)#5")!
        #expect(fifth.turns.map(\.role) == [.unknown, .unknown, .unknown])
        #expect(fifth.turns.map(\.author) == ["Maya Lind", "Sam", "Maya Lind"])
        #expect(fifth.createdAt == Timestamp.parse("2024-05-19"))
        // Continuations, even one with a colon.
        #expect(log.transcript("T-6")!.turns[1].text.hasSuffix("\nthe markup is also listed in the fee table (see: fees)."))
        #expect(log.transcript("T-6")!.turns.allSatisfy { $0.timestamp == nil })
        #expect(log.transcript("T-6")!.scores == ["nps": 9])
        #expect(log.transcript("T-7")!.turns.map(\.timestamp) == ["16:00", "16:01", "16:02"].map { Timestamp.parse("2024-05-21T\($0):00Z") })
        #expect(log.transcript("T-8")!.turns.map(\.role) == [.customer, .agent, .customer])
        #expect(log.transcript("T-8")!.turns[1].author == "Lee")
        #expect(log.transcript("T-8")!.turns[1].text.hasSuffix("\n  Order number: not needed for this."))
    }

    @Test func sampleTranscriptsWithAgentNames() throws {
        var options = PlainTextReaderOptions()
        options.agentNames = ["Sam"]
        options.otherSpeakerRole = .customer
        let log = try csvTestReadCorpus(PlainTextReader(options: options), file)
        #expect(log.transcript("\(file)#5")!.turns.map(\.role) == [.customer, .agent, .customer])
        #expect(log.transcripts.count == 8)
    }

    @Test func malformedTranscripts() throws {
        var options = PlainTextReaderOptions()
        options.maximumLineLength = 2048
        let log = try csvTestReadCorpus(PlainTextReader(options: options), "malformed/\(file)")
        #expect(log.transcripts.map(\.id) == ["T-1", "T-U", "T-2", "malformed/\(file)#10"])
        #expect(log.rejected == [.missingField: 3, .emptyTranscript: 1, .invalidField: 1, .lineTooLong: 1])
        #expect(log.read == 10)
        #expect(log.warnings.map(\.code) == [.invalidUTF8])
        #expect(log.warnings[0].location.record == 7)
        #expect(log.transcript("T-U")!.turns[0].text.contains("caf\u{FFFD} au lait"))
        // With the default 16 MiB line limit the long line is accepted.
        let defaults = try csvTestReadCorpus(PlainTextReader(), "malformed/\(file)")
        #expect(defaults.transcripts.count == 5)
        #expect(defaults.rejected == [.missingField: 3, .emptyTranscript: 1, .invalidField: 1])
    }

    @Test func sniffingTheSamples() throws {
        func firstLines(_ name: String) throws -> [String] {
            Array(String(decoding: try Data(contentsOf: SharedData.corpus(name)), as: UTF8.self)
                .components(separatedBy: "\n").prefix(50))
        }
        #expect(PlainTextReader.looksLikeTranscripts(try firstLines(file)))
        #expect(PlainTextReader.looksLikeTranscripts(try firstLines("malformed/\(file)")))
        #expect(!PlainTextReader.looksLikeTranscripts(try firstLines("sample-chat.txt")))
        #expect(!PlainTextReader.looksLikeTranscripts(try firstLines("sample-messages.csv")))
    }
}
