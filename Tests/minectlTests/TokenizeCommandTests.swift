import Foundation
import TestSupport
import Testing

@Suite("minectl tokenize and stem, end to end")
struct TokenizeCommandTests {
    @Test func tokenizesEachLine() throws {
        let input = "Hi, my card STILL hasn't arrived!! Order #A-1234\n\n我的订单还没有到货\n"
        let result = try MinectlRunner.run(["tokenize", "--ngrams", "2"], input: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "card card_still still still_hasn't hasn't hasn't_arrived arrived order <id>\n\n我的 我的订单 订单 订单还 还 还没有 没有 没有到 到 到货 货\n")
    }

    @Test func jsonLinesCarryKindsAndRanges() throws {
        let input = "Mail me at jane@example.com 😡\n"
        let result = try MinectlRunner.run(["tokenize", "--format", "json"], input: Data(input.utf8))
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["line"] as? Int == 1)
        let tokens = try #require(object["tokens"] as? [[String: Any]])
        #expect(tokens.map { $0["text"] as? String } == ["mail", "<email>", "😡"])
        #expect(tokens.map { $0["kind"] as? String } == ["word", "placeholder", "emoji"])
        #expect(tokens[1]["start"] as? Int == 11)
        #expect(tokens[1]["end"] as? Int == 27)
    }

    @Test func invalidUTF8IsRepairedAndReported() throws {
        let input: [UInt8] = Array("card ".utf8) + [0xC3] + Array(" blocked\nfine\n".utf8) + [0xFF] + Array("\n".utf8)
        let result = try MinectlRunner.run(["tokenize"], input: Data(input))
        #expect(result.status == 0)
        #expect(result.stdout == "card blocked\nfine\n\n")
        #expect(result.stderr.contains("2 line(s) had invalid UTF-8; 2 sequence(s) replaced"))
    }

    @Test func badUsageAndUnreadableFiles() throws {
        let usage = try MinectlRunner.run(["tokenize", "--ngrams", "9"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--ngrams must be between 1 and 5"))
        let missing = try MinectlRunner.run(["tokenize", "--stopwords", "/nonexistent/stop.txt"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/nonexistent/stop.txt"))
    }

    @Test func stemPrintsOneStemPerLine() throws {
        let result = try MinectlRunner.run(["stem"], input: Data("refunds\ncharging\n\ngenerously\nsky".utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "refund\ncharg\n\ngenerous\nsky\n")
    }

    @Test(.enabled(if: SharedData.has("snowball-english/voc.txt"), "needs ../shared/data/snowball-english"))
    func stemReproducesTheSnowballVocabulary() throws {
        let voc = try Data(contentsOf: try #require(SharedData.url("snowball-english/voc.txt")))
        let expected = try String(contentsOf: try #require(SharedData.url("snowball-english/output.txt")), encoding: .utf8)
        let result = try MinectlRunner.run(["stem"], input: voc)
        #expect(result.status == 0)
        let got = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let mismatches = zip(got, want).filter { $0 != $1 }.prefix(10)
        #expect(got.count == want.count)
        #expect(mismatches.isEmpty, "first mismatches: \(Array(mismatches))")
    }

    @Test func helpMatchesTheGoldenFiles() throws {
        for (arguments, name) in [(["--help"], "minectl-help.txt"), (["tokenize", "--help"], "tokenize-help.txt"), (["stem", "--help"], "stem-help.txt"),
                                  (["stats", "--help"], "stats-help.txt"), (["synth", "--help"], "synth-help.txt"),
                                  (["redact", "--help"], "redact-help.txt"), (["vectorize", "--help"], "vectorize-help.txt"),
                                  (["themes", "--help"], "themes-help.txt"), (["trends", "--help"], "trends-help.txt"),
                                  (["partial", "--help"], "partial-help.txt"), (["partial", "vocabulary", "--help"], "partial-vocabulary-help.txt"),
                                  (["partial", "merge-vocabulary", "--help"], "partial-merge-vocabulary-help.txt"),
                                  (["partial", "merge-report", "--help"], "partial-merge-report-help.txt"),
                                  (["fit", "--help"], "fit-help.txt"), (["assign", "--help"], "assign-help.txt")] {
            let result = try MinectlRunner.run(arguments, environment: ["COLUMNS": "100", "PATH": "/usr/bin:/bin"])
            #expect(result.status == 0)
            let mismatch = Golden.mismatch(result.stdout, named: name)
            #expect(mismatch == nil, "\(mismatch ?? "")")
        }
    }
}
