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

    @Test func fitSampleFitsOnSomeAndAssignsAll() throws {
        let arguments = ["themes", "-", "--input-format", "lines", "--k", "3", "--seed", "1", "--format", "json", "--assignments", "--fit-sample", "30"]
        let result = try MinectlRunner.run(arguments, input: Data(Self.lines.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["clustering"] as? [String: Any])?["fittedOn"] as? Int == 30)
        #expect((object["settings"] as? [String: Any])?["fit-sample"] as? String == "30")
        let themes = try #require(object["assignments"] as? [[String: Any]]).map { $0["theme"] as? Int }
        #expect(themes.count == 60)
        // The 30 lines outside the sample land with the lines that say the same thing.
        for question in 0..<3 { #expect(Set(stride(from: question, to: 60, by: 3).map { themes[$0] }).count == 1) }
        #expect(Set(themes).count == 3)
        // At or under the limit nothing is sampled and the report says nothing about it.
        let whole = try MinectlRunner.run(arguments.dropLast(2) + ["--fit-sample", "60"], input: Data(Self.lines.utf8))
        #expect(whole.status == 0 && !whole.stdout.contains("fittedOn"))
        let invalid = try MinectlRunner.run(["themes", "-", "--fit-sample", "-1"])
        #expect(invalid.status == 64 && invalid.stderr.contains("--fit-sample"), "\(invalid.stderr)")
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
        let result = try MinectlRunner.run(["themes", "-", "--input-format", "lines", "--max-k", "12", "--format", "json", "--assignments"],
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

    /// Transcripts of two channels over three days, as JSONL.
    static let dated = (0..<60).map { i in
        let day = 1 + i % 3
        let channel = i % 2 == 0 ? "chat" : "email"
        let text = ["my card has not arrived yet", "I was charged twice for one purchase", "the app will not let me log in"][i % 3]
        return "{\"id\":\"c\(i)\",\"channel\":\"\(channel)\",\"created_at\":\"2026-11-0\(day)T10:00:00Z\",\"messages\":[{\"role\":\"customer\",\"text\":\"\(text) \(i)\"}]}"
    }.joined(separator: "\n") + "\n"

    @Test func defaultTableSummaryAndQuiet() throws {
        let result = try MinectlRunner.run(["themes", "-", "--input-format", "lines", "--k", "3"], input: Data(Self.lines.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("60 conversations · 60 read · 60 analysed · 0 rejected\n"))
        #expect(result.stdout.contains("  #  THEME"))
        #expect(!result.stdout.contains("\u{1B}"), "no colour when standard output is not a terminal")
        #expect(result.stderr.hasPrefix("minectl themes: 60 read · 60 analysed · 0 rejected · 3 themes"), "\(result.stderr)")
        let quiet = try MinectlRunner.run(["themes", "-", "--input-format", "lines", "--k", "3", "--quiet"], input: Data(Self.lines.utf8))
        #expect(quiet.stderr.isEmpty && quiet.stdout == result.stdout)
    }

    @Test func filtersAreCountedNotDropped() throws {
        let arguments = ["themes", "-", "--k", "2", "--format", "json", "--assignments", "--quiet"]
        let all = try MinectlRunner.run(arguments, input: Data(Self.dated.utf8))
        #expect(all.status == 0, "\(all.stderr)")
        func counts(_ stdout: String) throws -> (Int, Int) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
            let counts = try #require(object["counts"] as? [String: Any])
            return (counts["conversations"] as? Int ?? -1, counts["filteredOut"] as? Int ?? -1)
        }
        #expect(try counts(all.stdout) == (60, 0))
        let chat = try MinectlRunner.run(arguments + ["--channel", "chat"], input: Data(Self.dated.utf8))
        #expect(try counts(chat.stdout) == (30, 30))
        let window = try MinectlRunner.run(arguments + ["--since", "2026-11-02", "--until", "2026-11-02"], input: Data(Self.dated.utf8))
        #expect(try counts(window.stdout) == (20, 40), "--until with a bare date includes that day")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(window.stdout.utf8)) as? [String: Any])
        #expect((object["settings"] as? [String: String])?["since"] == "2026-11-02")
        let bad = try MinectlRunner.run(arguments + ["--since", "last tuesday"], input: Data(Self.dated.utf8))
        #expect(bad.status == 64 && bad.stderr.contains("--since"))
        let channel = try MinectlRunner.run(arguments + ["--channel", "fax"], input: Data(Self.dated.utf8))
        #expect(channel.status == 64 && channel.stderr.contains("unknown channel 'fax'"))
    }

    @Test func outWritesTheFileAndFingerprintsTheInput() throws {
        let folder = try TemporaryFolder()
        let input = try folder.write("chats.jsonl", Self.dated)
        let out = folder.url.appendingPathComponent("report.md").path
        let result = try MinectlRunner.run(["themes", input, "--k", "2", "--format", "markdown", "--out", out, "--top", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.hasPrefix("# Support themes\n") && written.contains("_1 more themes not shown._"))
        let json = try MinectlRunner.run(["themes", input, "--k", "2", "--format", "json", "--quiet"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let inputs = try #require(object["inputs"] as? [[String: Any]])
        #expect(inputs.count == 1 && inputs[0]["bytes"] as? Int == Self.dated.utf8.count)
        // sha256 of the file's bytes, computed independently with coreutils when present
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") {
            let process = Process()
            let pipe = Pipe()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = [input]
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(inputs[0]["sha256"] as? String == String(output.prefix(64)))
        }
        let unwritable = try MinectlRunner.run(["themes", input, "--k", "2", "--out", "/nonexistent-dir/report.txt", "--quiet"])
        #expect(unwritable.status == 73 && unwritable.stderr.contains("cannot write /nonexistent-dir/report.txt"))
    }
}
