import Foundation
import TestSupport
import Testing

/// The partitioned run through the command line, as the Spark driver runs it: byte-range parts
/// and a part from standard input, partials merged in any order, against `themes --model`.
@Suite("minectl partial / fit / assign, end to end")
struct PartitionedCommandTests {
    /// 600 synthetic conversations (JSONL) with a broken line in the middle.
    static func corpus(in folder: TemporaryFolder) throws -> (path: String, size: Int) {
        let synth = try MinectlRunner.run(["synth", "--transcripts", "600", "--seed", "3"])
        #expect(synth.status == 0, "\(synth.stderr)")
        var lines = synth.stdout.split(separator: "\n").map(String.init)
        lines.insert("{\"id\": \"half", at: 100)
        let text = lines.joined(separator: "\n") + "\n"
        return (try folder.write("chats.jsonl", text), text.utf8.count)
    }

    static func ok(_ arguments: [String], input: Data = Data()) throws -> MinectlRunner.Result {
        let result = try MinectlRunner.run(arguments, input: input)
        #expect(result.status == 0, "\(arguments.prefix(2)): \(result.stderr)")
        return result
    }

    @Test func threePartsMergeIntoTheSameReportAsThemesWithTheModel() throws {
        let folder = try TemporaryFolder()
        let (path, size) = try Self.corpus(in: folder)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let cuts = [0, size / 3, 2 * size / 3, size]
        func range(_ part: Int) -> [String] { ["--input", path, "--offset", String(cuts[part]), "--length", String(cuts[part + 1] - cuts[part])] }
        // Part 1 comes through standard input (as Spark's pipe gives it): the lines starting in its range.
        func firstLineStart(atOrAfter offset: Int) -> Int { bytes[(offset - 1)...].firstIndex(of: 10)! + 1 }
        let middle = bytes[firstLineStart(atOrAfter: cuts[1])..<firstLineStart(atOrAfter: cuts[2])]
        func part(_ index: Int) -> (arguments: [String], input: Data) {
            index == 1 ? (["--source", path, "--offset", "1", "--part-index", "1"], Data(middle)) : (range(index) + ["--part-index", String(index)], Data())
        }
        var vocabularyFiles: [String] = []
        for index in [2, 0, 1] {
            let (arguments, input) = part(index)
            let out = folder.url.appendingPathComponent("v\(index).json").path
            _ = try Self.ok(["partial", "vocabulary"] + arguments + ["--out", out], input: input)
            vocabularyFiles.append(out)
        }
        let vocabulary = folder.url.appendingPathComponent("vocabulary.json").path
        _ = try Self.ok(["partial", "merge-vocabulary"] + vocabularyFiles + ["--out", vocabulary])
        let model = folder.url.appendingPathComponent("model.json").path
        _ = try Self.ok(["fit", "--vocabulary", vocabulary, "--k", "5", "--seed", "2", "--restarts", "1", "--out", model])
        var partials: [String] = []
        var assigned = 0
        for index in [1, 2, 0] {
            let (arguments, input) = part(index)
            let out = folder.url.appendingPathComponent("p\(index).json").path
            let rows = folder.url.appendingPathComponent("a\(index).jsonl").path
            _ = try Self.ok(["assign", "--model", model, "--vocabulary", vocabulary] + arguments + ["--out", out, "--assignments-out", rows], input: input)
            partials.append(out)
            assigned += try String(contentsOfFile: rows, encoding: .utf8).split(separator: "\n").count
        }
        #expect(assigned == 600)
        for format in ["json", "table", "csv", "markdown", "html"] {
            let merged = try Self.ok(["partial", "merge-report", "--model", model, "--format", format] + partials)
            let whole = try Self.ok(["themes", "--quiet", "--model", model, path, "--format", format])
            #expect(merged.stdout == whole.stdout, "\(format)")
        }
        let json = try Self.ok(["partial", "merge-report", "--model", model, "--format", "json"] + partials.reversed())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let counts = try #require(object["counts"] as? [String: Any])
        #expect(counts["read"] as? Int == 601 && counts["analyzed"] as? Int == 600 && counts["rejected"] as? Int == 1)
        #expect(json.stderr.isEmpty)

        // Recorded in a run history: the same as themes --model --db records.
        var rowsFiles: [String] = []
        for index in [0, 1, 2] {
            let (arguments, input) = part(index)
            let rows = folder.url.appendingPathComponent("r\(index).jsonl").path
            _ = try Self.ok(["assign", "--model", model, "--vocabulary", vocabulary] + arguments + ["--rows-out", rows,
                            "--out", folder.url.appendingPathComponent("h\(index).json").path], input: input)
            rowsFiles.append(rows)
        }
        let historyPartials = [2, 0, 1].map { folder.url.appendingPathComponent("h\($0).json").path }
        let mergedDB = folder.url.appendingPathComponent("merged.sqlite").path, wholeDB = folder.url.appendingPathComponent("whole.sqlite").path
        let recorded = try Self.ok(["partial", "merge-report", "--model", model, "--format", "json", "--assignments", "--db", mergedDB,
                                    "--run-label", "night-1"] + historyPartials + rowsFiles.flatMap { ["--rows", $0] })
        let direct = try Self.ok(["themes", "--quiet", "--model", model, path, "--format", "json", "--assignments", "--db", wholeDB,
                                  "--run-label", "night-1"])
        #expect(recorded.stdout.replacingOccurrences(of: mergedDB, with: "DB") == direct.stdout.replacingOccurrences(of: wholeDB, with: "DB"))
        #expect(recorded.stdout.contains("\"history\":{") && recorded.stdout.contains("\"assignments\":[{"))
        let trendsMerged = try Self.ok(["trends", "--db", mergedDB, "--format", "json"])
        let trendsWhole = try Self.ok(["trends", "--db", wholeDB, "--format", "json"])
        // The same trends, but for the moment each run was recorded.
        func normalized(_ text: String, _ db: String) -> String {
            text.replacingOccurrences(of: db, with: "DB").replacingOccurrences(of: #""recordedAt":"[^"]*""#, with: "", options: .regularExpression)
        }
        #expect(normalized(trendsMerged.stdout, mergedDB) == normalized(trendsWhole.stdout, wholeDB))
        #expect(trendsMerged.stdout.contains("\"recordedAt\""))
    }

    @Test func refusalsAndFailuresExitWithTheReason() throws {
        let folder = try TemporaryFolder()
        let (path, size) = try Self.corpus(in: folder)
        let half = String(size / 2)
        let strict = try MinectlRunner.run(["partial", "vocabulary", "--input", path, "--offset", "0", "--length", half, "--strict"])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("chats.jsonl:101: invalid-json"), "\(strict.stderr)")
        let v0 = folder.url.appendingPathComponent("v0.json").path
        _ = try Self.ok(["partial", "vocabulary", "--input", path, "--offset", "0", "--length", half, "--out", v0])
        let v1 = folder.url.appendingPathComponent("v1.json").path
        _ = try Self.ok(["partial", "vocabulary", "--input", path, "--offset", half, "--part-index", "1", "--out", v1])
        let missing = try MinectlRunner.run(["partial", "merge-vocabulary", v1])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("v1.json is part 1, but part 0 is missing"), "\(missing.stderr)")
        let notAPartial = try MinectlRunner.run(["partial", "merge-vocabulary", path])
        #expect(notAPartial.status == 66)
        #expect(notAPartial.stderr.contains("chats.jsonl is not a JSON object"), "\(notAPartial.stderr)")
        let role = try MinectlRunner.run(["partial", "vocabulary", "--input", path, "--role", "all"])
        #expect(role.status == 64)
        let model = try MinectlRunner.run(["themes", path, "--model", v0])
        #expect(model.status == 66)
        #expect(model.stderr.contains("has format 'minectl/vocabulary-partial@1', expected 'minectl/theme-model@1'"), "\(model.stderr)")
        let conflicting = try MinectlRunner.run(["themes", path, "--model", v0, "--since", "2026-01-01"])
        #expect(conflicting.status == 64)
        #expect(conflicting.stderr.contains("--since does not go with --model"), "\(conflicting.stderr)")
    }
}
