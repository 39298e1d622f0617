import Foundation
import TestSupport
import Testing

@Suite("minectl vectorize, end to end")
struct VectorizeCommandTests {
    static func objects(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func printsEachTranscriptsTermsHeaviestFirst() throws {
        let input = "my card was declined at the shop\nthe refund for my card never arrived\nrefund refund refund please\n"
        let result = try MinectlRunner.run(["vectorize", "-", "--input-format", "lines"], input: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try Self.objects(result.stdout)
        #expect(lines.map { $0["id"] as? String } == ["1", "2", "3"])
        let third = try #require(lines[2]["terms"] as? [[String: Any]])
        #expect(third.map { $0["term"] as? String } == ["refund"])
        #expect(third.first?["weight"] as? Double == 1)
        let first = try #require(lines[0]["terms"] as? [[String: Any]])
        let weights = first.compactMap { $0["weight"] as? Double }
        #expect(weights == weights.sorted(by: >))
        #expect(Set(first.compactMap { $0["term"] as? String }) == ["card", "declined", "shop"])
        #expect(result.stderr.contains("3 read, 3 analyzed, 0 rejected; 6 terms (0 pruned)"))
    }

    @Test func phrasesPruningAndTop() throws {
        let input = "card declined again\ncard declined today\nnew phone number\n"
        let result = try MinectlRunner.run(["vectorize", "-", "--input-format", "lines", "--ngram-range", "1-2", "--min-df", "2", "--top", "1"],
                                           input: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try Self.objects(result.stdout)
        #expect((lines[0]["terms"] as? [[String: Any]])?.count == 1)
        #expect((lines[2]["terms"] as? [[String: Any]])?.isEmpty == true)
        #expect(result.stderr.contains("3 terms ("))   // card, declined, card declined
    }

    @Test func personalDataNeverBecomesATerm() throws {
        let input = "refund to jane.doe@example.com please, card 4111 1111 1111 1111\n"
        let result = try MinectlRunner.run(["vectorize", "-", "--input-format", "lines"], input: Data(input.utf8))
        #expect(result.status == 0)
        #expect(!result.stdout.contains("jane") && !result.stdout.contains("4111") && !result.stdout.contains("example"))
        #expect(result.stdout.contains("refund"))
    }

    @Test func badOptionsAndEmptyVocabulary() throws {
        let range = try MinectlRunner.run(["vectorize", "-", "--ngram-range", "3-2"])
        #expect(range.status == 64)
        #expect(range.stderr.contains("--ngram-range"))
        let fraction = try MinectlRunner.run(["vectorize", "-", "--max-df", "1.5"])
        #expect(fraction.status == 64)
        let empty = try MinectlRunner.run(["vectorize", "-", "--input-format", "lines"], input: Data("the and of\n".utf8))
        #expect(empty.status == 66)
        #expect(empty.stderr.contains("no terms"))
    }
}
