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

    @Test func badUsage() throws {
        let result = try MinectlRunner.run(["themes", "-", "--k", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--k must be at least 1"))
    }
}
