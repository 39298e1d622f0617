import Foundation
import TestSupport
import Testing

@Suite("minectl sentiment, end to end")
struct SentimentCommandTests {
    func objects(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func linesAreTranscriptsNumberedFromOne() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("texts.txt", "I love this!\nI was charged twice\n\nno problem\n")
        let result = try MinectlRunner.run(["sentiment", path, "--input-format", "lines", "--format", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try objects(result.stdout)
        #expect(rows.map { $0["id"] as? String } == ["1", "2", "4"])   // the blank line 3 is rejected, numbering kept
        let compound = rows.map { $0["compound"] as? Double ?? .nan }
        #expect(compound[0] > 0.05 && compound[1] < -0.05 && compound[2] > 0.05)
        #expect(rows[0]["turns"] as? Int == 1)
        #expect(rows[0]["start"] as? Double == compound[0] && rows[0]["end"] as? Double == compound[0])
        for row in rows {
            let sum = (row["positive"] as? Double ?? 0) + (row["neutral"] as? Double ?? 0) + (row["negative"] as? Double ?? 0)
            #expect(abs(sum - 1) < 0.001)
        }
    }

    @Test func transcriptsTrajectoryAndRedaction() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("chats.jsonl", """
            {"id":"a","turns":[{"role":"customer","text":"Thanks for the quick reply, great app"},{"role":"agent","text":"Terrible news, sorry"},{"role":"customer","text":"Still waiting. This is useless. Mail me at jane.doe@example.com"}]}
            {"id":"b","turns":[{"role":"agent","text":"Hello!"}]}
            """)
        let result = try MinectlRunner.run(["sentiment", path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try objects(result.stdout)
        #expect(rows.count == 2)
        #expect(rows[0]["turns"] as? Int == 2 && rows[0]["ends_worse"] as? Bool == true)
        #expect((rows[0]["start"] as? Double ?? 0) > 0 && (rows[0]["end"] as? Double ?? 0) < 0)
        #expect(rows[1]["turns"] as? Int == 0 && rows[1]["start"] is NSNull)
        #expect(!result.stdout.contains("jane.doe"))
        let table = try MinectlRunner.run(["sentiment", path, "--format", "table"])
        #expect(table.status == 0 && table.stdout.hasPrefix("id ") && table.stdout.contains("compound"))
        #expect(table.stdout.split(separator: "\n").count == 3)
    }

    @Test func userLexiconExtendsOrReplaces() throws {
        let folder = try TemporaryFolder()
        let texts = try folder.write("t.txt", "zorkful day\ngreat day\n")
        let lexicon = try folder.write("mine.tsv", "# mine\nzorkful\t3.0\n")
        let extended = try objects(try MinectlRunner.run(["sentiment", texts, "--input-format", "lines", "--lexicon", lexicon]).stdout)
        #expect((extended[0]["compound"] as? Double ?? 0) > 0 && (extended[1]["compound"] as? Double ?? 0) > 0)
        let replaced = try objects(try MinectlRunner.run(["sentiment", texts, "--input-format", "lines", "--lexicon", lexicon,
                                                          "--lexicon-mode", "replace"]).stdout)
        #expect((replaced[0]["compound"] as? Double ?? 0) > 0 && replaced[1]["compound"] as? Double == 0)
        let bad = try folder.write("bad.tsv", "good\t1.0\nbad -2\n")
        let failed = try MinectlRunner.run(["sentiment", texts, "--input-format", "lines", "--lexicon", bad])
        #expect(failed.status == 66)
        #expect(failed.stderr.contains("bad.tsv:2: missing-valence"))
        #expect(try MinectlRunner.run(["sentiment", texts, "--lexicon-mode", "replace"]).status == 64)
        #expect(try MinectlRunner.run(["sentiment", folder.url.path + "/nope.txt"]).status == 66)
    }

    @Test func helpMatchesTheGoldenFile() throws {
        let result = try MinectlRunner.run(["sentiment", "--help"], environment: ["COLUMNS": "100", "PATH": "/usr/bin:/bin"])
        #expect(result.status == 0)
        let mismatch = Golden.mismatch(result.stdout, named: "sentiment-help.txt")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}
