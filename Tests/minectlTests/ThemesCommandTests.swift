import Foundation
import TestSupport
import Testing

@Suite("minectl themes, end to end")
struct ThemesCommandTests {
    static let lines = (0..<60).map { i in
        ["my card has not arrived yet", "I was charged twice for one purchase", "the app will not let me log in"][i % 3] + " (\(i))"
    }.joined(separator: "\n") + "\n"

    @Test func assignmentsUseLineNumbersAndAreStable() throws {
        let arguments = ["themes", "-", "--input-format", "lines", "--k", "3", "--seed", "1", "--format", "json", "--assignments"]
        let first = try MinectlRunner.run(arguments, input: Data(Self.lines.utf8))
        #expect(first.status == 0, "\(first.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let assignments = try #require(object["assignments"] as? [[String: Any]])
        #expect(assignments.count == 60)
        #expect(assignments.first?["id"] as? String == "1")
        #expect(assignments.last?["id"] as? String == "60")
        // Lines 1, 4, 7… say the same thing: one theme.
        let themes = assignments.map { $0["theme"] as? Int }
        #expect(Set(stride(from: 0, to: 60, by: 3).map { themes[$0] }).count == 1)
        #expect(Set(themes).count == 3)
        let again = try MinectlRunner.run(arguments, input: Data(Self.lines.utf8))
        #expect(again.stdout == first.stdout)
    }

    @Test func csvRowsAreNumberedFromOneWhenOneFileIsRead() throws {
        let folder = try TemporaryFolder()
        let rows = Self.lines.split(separator: "\n").map { "\"\($0)\",label" }.joined(separator: "\n")
        let path = try folder.write("eval.csv", "text,category\n" + rows + "\n")
        let result = try MinectlRunner.run(["themes", path, "--input-format", "csv", "--text-column", "text", "--k", "3",
                                            "--format", "json", "--assignments"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let ids = try #require(object["assignments"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids == (1...60).map(String.init))
        // Two files: ids keep the file name so they stay unique.
        let other = try folder.write("more.csv", "text\nanother card question\n")
        let both = try MinectlRunner.run(["vectorize", path, other, "--input-format", "csv", "--text-column", "text"])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stdout.contains("eval.csv#1\"") && both.stdout.contains("more.csv#1\""))
    }

    @Test func badUsage() throws {
        let result = try MinectlRunner.run(["themes", "-", "--k", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--k must be auto or at least 1"))
    }

    @Test(arguments: [
        (["--k", "many"], "--k"),
        (["--k", "5", "--min-k", "3"], "--min-k and --max-k only apply with --k auto"),
        (["--min-k", "10", "--max-k", "5"], "--max-k (5) must be at least --min-k (10)"),
        (["--min-k", "0"], "--min-k must be at least 1"),
        (["--k-criterion", "elbow"], "--k-criterion"),
    ])
    func badThemeCounts(arguments: [String], message: String) throws {
        let result = try MinectlRunner.run(["themes", "-", "--input-format", "lines"] + arguments, input: Data(Self.lines.utf8))
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func automaticKIsTheDefaultAndFindsTheThreeQuestions() throws {
        let result = try MinectlRunner.run(["themes", "-", "--input-format", "lines", "--max-k", "12", "--assignments"],
                                           input: Data(Self.lines.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let k = try #require(object["k"] as? [String: Any])
        #expect(k["mode"] as? String == "auto")
        #expect(k["chosen"] as? Int == 3)
        #expect(k["range"] as? [Int] == [2, 12])
        let scores = try #require(k["scores"] as? [[String: Any]])
        #expect(scores.compactMap { $0["k"] as? Int }.allSatisfy { (2...12).contains($0) })
        #expect(Set(try #require(object["assignments"] as? [[String: Any]]).compactMap { $0["theme"] as? Int }).count == 3)
    }
}
