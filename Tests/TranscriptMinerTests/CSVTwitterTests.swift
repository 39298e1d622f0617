import Foundation
import TestSupport
import Testing
@testable import TranscriptMiner

private let header = "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"

@Suite("CSV reader: Twitter export")
struct CSVTwitterTests {
    @Test func theHeaderIsDetectedInAnyMode() throws {
        let text = header + "1,c1,True,Tue Oct 31 22:10:47 +0000 2017,help,,\n"
        for mode in CSVReaderOptions.Mode.allCases {
            var options = CSVReaderOptions()
            options.mode = mode
            let log = try csvTestRead(CSVReader(options: options), text)
            #expect(log.transcripts.map(\.id) == ["1"])
            #expect(log.transcripts[0].channel == .social)
        }
        var options = CSVReaderOptions()
        options.detectsTwitterExport = false
        options.fallsBackToDocuments = false
        // Without detection (and without the documents fallback), messages mode wants a conversation column.
        #expect(try csvTestRead(CSVReader(options: options), text).rejected == [.missingColumn: 1])
    }

    @Test func threadsAreRebuiltFromReplyIds() throws {
        let text = header + """
        13,c2,True,Tue Oct 31 10:20:00 +0000 2017,"thanks, done",,11
        10,c1,True,Tue Oct 31 10:00:00 +0000 2017,my card,"11,12",
        20,c9,True,Tue Oct 31 11:00:00 +0000 2017,reply to a missing tweet,,5
        11,Bank,False,Tue Oct 31 10:05:00 +0000 2017,DM us,13,10.0
        12,Bank,False,Tue Oct 31 10:06:00 +0000 2017,or call,,10
        21,Bank,false,Tue Oct 31 11:01:00 +0000 2017,hi,,20

        """
        let log = try csvTestRead(CSVReader(), text)
        // Threads come in the file order of their roots; turns by created_at.
        #expect(log.transcripts.map(\.id) == ["10", "20"])
        let first = log.transcripts[0]
        #expect(first.turns.map(\.text) == ["my card", "DM us", "or call", "thanks, done"])
        #expect(first.turns.map(\.role) == [.customer, .agent, .agent, .customer])
        #expect(first.turns.map(\.author) == ["c1", "Bank", "Bank", "c2"])
        #expect(first.createdAt == Timestamp.parse("Tue Oct 31 10:00:00 +0000 2017"))
        #expect(log.locations == [CSVTestLocation(file: "test.csv", line: 3, record: 2), CSVTestLocation(file: "test.csv", line: 4, record: 3)])
        #expect(log.transcripts[1].turns.count == 2)
        #expect(log.problems.isEmpty)
    }

    @Test func cyclesDuplicatesAndBadIdsAreRejected() throws {
        let text = header + """
        1,a,True,,root,,
        2,b,True,,loops,,3
        3,c,False,,loops back,,2
        4,d,True,,into the loop,,3
        5,e,True,,replies to itself,,5
        1,a,True,,same id,,
        x1,a,True,,not a number,,
        6,a,True,,bad parent,,y
        7,a,perhaps,,bad flag,,
        8,a,True,someday,bad date,,
        9,a,True,,,,
        10,a,True,,short row

        """
        let log = try csvTestRead(CSVReader(), text)
        #expect(log.transcripts.map(\.id) == ["1"])
        // {2,3,4} and {5}: two cyclic threads, each rejected once.
        #expect(log.rejected == [.duplicateID: 1, .invalidField: 6, .missingField: 1, .malformedRow: 1])
        #expect(log.read == 10)
    }

    @Test func tweetIDs() {
        #expect(CSVReader.tweetID("119237") == 119237)
        #expect(CSVReader.tweetID("119237.0") == 119237)
        #expect(CSVReader.tweetID("1.5") == nil)
        #expect(CSVReader.tweetID("") == nil)
        #expect(CSVReader.tweetID("-3") == nil)
        #expect(CSVReader.tweetID("99999999999999999999999") == nil)
    }

    @Test(arguments: [1, 4, 9])
    func oneByteReadsGiveTheSameThreads(step: Int) throws {
        let bytes = Array(try Data(contentsOf: SharedData.corpus("sample-twitter.csv")))
        #expect(try csvTestRead(CSVReader(), bytes, step: step) == csvTestRead(CSVReader(), bytes))
    }

    @Test func aMissingTwitterColumnInForcedModeRejectsEveryRow() throws {
        var options = CSVReaderOptions()
        options.mode = .twitter
        let log = try csvTestRead(CSVReader(options: options), "tweet_id,text\n1,a\n2,b\n")
        #expect(log.rejected == [.missingColumn: 2])
        #expect(log.rejections[0].reason.contains("in_response_to_tweet_id"))
    }
}
