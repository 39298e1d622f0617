import Foundation
import TestSupport
import Testing
import TranscriptMiner

/// The nightly workflow end to end: `minectl themes --db` three nights running, then `minectl trends`.
@Suite("minectl themes --db and minectl trends", .serialized)
struct NightlyHistoryTests {
    /// Three synthetic nights: exchange-rate questions at weight 0.4 on nights 1 and 2 and 1.4 on
    /// night 3 (growing), and a crashing app release that appears on night 3 only (weight 0.8).
    static let nights: [(seed: Int, weights: [String])] = [
        (11, ["exchange_rate=0.4"]),
        (12, ["exchange_rate=0.4"]),
        (13, ["exchange_rate=1.4", "app_crash_after_update=0.8"]),
    ]

    /// Writes night `index`'s corpus and returns its path and each transcript's planted theme.
    static func night(_ index: Int, in folder: TemporaryFolder, count: Int = 2000) throws -> (path: String, themes: [String: String]) {
        let night = nights[index]
        let synth = try MinectlRunner.run(["synth", "--transcripts", String(count), "--seed", String(night.seed)]
                                          + night.weights.flatMap { ["--weight", $0] })
        #expect(synth.status == 0, "\(synth.stderr)")
        var themes: [String: String] = [:]
        for line in synth.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            themes[object["id"] as! String] = (object["metadata"] as? [String: String])?["theme"]
        }
        return (try folder.write("night-\(index + 1).jsonl", synth.stdout), themes)
    }

    @Test func threeNightsFlagExactlyTheNewAndTheGrowingTheme() throws {
        let folder = try TemporaryFolder()
        let database = folder.url.appendingPathComponent("history.sqlite").path
        var lastNight: (report: [String: Any], themes: [String: String])?
        for index in 0..<3 {
            let (path, themes) = try Self.night(index, in: folder)
            // Night 1 chooses its themes; later nights start from the previous night's.
            let clustering = index == 0 ? ["--k", "16"] : ["--warm-start"]
            let run = try MinectlRunner.run(["themes", path, "--db", database, "--run-label", "night-\(index + 1)", "--format", "json",
                                             "--assignments", "--quiet"] + clustering)
            #expect(run.status == 0, "\(run.stderr)")
            lastNight = (try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]), themes)
        }
        let trends = try MinectlRunner.run(["trends", "--db", database, "--format", "json"])
        #expect(trends.status == 0, "\(trends.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(trends.stdout.utf8)) as? [String: Any])
        #expect((report["runs"] as? [[String: Any]])?.map { $0["label"] as? String } == ["night-1", "night-2", "night-3"])

        // Each stable theme's planted majority on night 3, from the assignments.
        let night = try #require(lastNight)
        let history = try #require(night.report["history"] as? [String: Any])
        let stableOfCluster = Dictionary(uniqueKeysWithValues: try #require(history["themes"] as? [[String: Any]]).map {
            ($0["id"] as! Int, $0["stableId"] as! Int)
        })
        var planted: [Int: [String: Int]] = [:]
        for assignment in try #require(night.report["assignments"] as? [[String: Any]]) {
            guard let cluster = assignment["theme"] as? Int, let stable = stableOfCluster[cluster],
                  let theme = night.themes[assignment["id"] as! String] else { continue }
            planted[stable, default: [:]][theme, default: 0] += 1
        }
        func majority(_ stable: Int) -> String? { planted[stable]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key }

        let themes = try #require(report["themes"] as? [[String: Any]])
        let flagged = themes.filter { ["new", "emerging", "rising", "fading"].contains($0["status"] as? String) }
        let flaggedPlanted = Set(flagged.compactMap { majority($0["id"] as! Int) })
        #expect(flaggedPlanted == ["app_crash_after_update", "exchange_rate"],
                "flagged: \(flagged.map { "\($0["status"]!) #\($0["id"]!) \($0["label"]!) (\(majority($0["id"] as! Int) ?? "?"))" })")
        for theme in flagged {
            let status = theme["status"] as! String
            switch majority(theme["id"] as! Int) {
            case "app_crash_after_update": #expect(status == "new")
            case "exchange_rate": #expect(["rising", "emerging"].contains(status))
            default: Issue.record("unexpected flag \(status) for \(theme["label"]!)")
            }
        }
        // The crash release brings its own words: its error code and version first.
        let words = (report["newWords"] as? [[String: Any]] ?? []).compactMap { $0["term"] as? String }
        #expect(Set(words.prefix(3)).isSuperset(of: ["e4012", "7.4"]), "\(words)")

        // The table shows a trend column.
        let table = try MinectlRunner.run(["themes", try Self.night(2, in: folder).path, "--db", database, "--run-label", "night-3",
                                           "--warm-start", "--quiet"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("TREND") && table.stdout.contains("★ new"), "\(table.stdout)")
        #expect(table.stdout.contains("History: run 3 (night-3, replaced)"))
        // Re-running night 3 replaced it: still three runs, and its conversations are not new twice.
        let again = try MinectlRunner.run(["trends", "--db", database, "--format", "csv"])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("id,label,status,"))
        let runs = try MinectlRunner.run(["trends", "--db", database, "--format", "json"])
        let rerun = try #require(try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [String: Any])
        #expect((rerun["runs"] as? [[String: Any]])?.map { $0["newConversations"] as? Int } == [2000, 2000, 2000])
    }

    @Test func killedRunsLeaveTheDatabaseValidAndEarlierRunsIntact() async throws {
        guard let binary = MinectlRunner.binary else { Issue.record("minectl is not built next to the tests"); return }
        let folder = try TemporaryFolder()
        let database = folder.url.appendingPathComponent("history.sqlite").path
        let corpus = try Self.night(0, in: folder, count: 3000).path
        let first = try MinectlRunner.run(["themes", corpus, "--db", database, "--run-label", "complete", "--k", "8", "--quiet", "--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        let wal = database + "-wal"
        var killedWhileWriting: [String] = []
        var random = SplitMix64(seed: 5)
        // At least 6 attempts; more (up to 16) while no kill has yet landed inside a write transaction
        // before its commit: where a kill lands within the 1.5 ms window is chance, and 6 attempts
        // alone missed every transaction in about one run in twenty.
        var attempt = 0
        var rolledBackSoFar = false
        while attempt < 6 || (attempt < 16 && (!rolledBackSoFar || killedWhileWriting.count < 2)) {
            defer { attempt += 1 }
            let process = Process()
            process.executableURL = binary
            process.arguments = ["themes", corpus, "--db", database, "--run-label", "killed-\(attempt)", "--k", "8", "--quiet", "--format", "json"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let walBefore = Self.state(of: wal)
            try process.run()
            // Wait for the run's write transaction to start (the WAL is written), then kill it up to 1.5
            // milliseconds later, at a different point each time; attempt 0 is killed during the analysis.
            let deadline = Date().addingTimeInterval(120)
            if attempt == 0 {
                try await Task.sleep(for: .milliseconds(800))
            } else {
                while process.isRunning && !Self.written(wal, since: walBefore) && Date() < deadline { usleep(200) }
                usleep(UInt32(random.next() % 1_500))
            }
            if process.isRunning {
                if Self.written(wal, since: walBefore) { killedWhileWriting.append("killed-\(attempt)") }
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            let history = try RunHistory(path: database)
            #expect(try history.integrityCheck() == ["ok"])
            let labels = try history.runs().map(\.label)
            rolledBackSoFar = killedWhileWriting.contains { !labels.contains($0) }
            #expect(labels.first == "complete")
            #expect(labels.allSatisfy { $0 == "complete" || $0.hasPrefix("killed-") })
            let trends = try RunHistory(path: database, access: .readOnly).trends()
            #expect(trends.runs.first?.label == "complete")
        }
        let kept = try RunHistory(path: database).runs().map(\.label)
        let rolledBack = killedWhileWriting.filter { !kept.contains($0) }
        print("kill -9: \(killedWhileWriting.count) of \(attempt) kills landed while the run was recording; \(rolledBack.count) of those before its commit (rolled back); runs kept: \(kept)")
        #expect(killedWhileWriting.count >= 2, "only \(killedWhileWriting.count) kills landed during a write")
        #expect(!rolledBack.isEmpty, "no kill landed inside a write transaction")
        // A run after the kills records normally.
        let after = try MinectlRunner.run(["themes", corpus, "--db", database, "--run-label", "after", "--k", "8", "--quiet", "--format", "json"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(try RunHistory(path: database).runs().map(\.label).last == "after")
    }

    @Test func runsStartedAtOnceAllRecordOneAfterTheOther() async throws {
        let folder = try TemporaryFolder()
        let database = folder.url.appendingPathComponent("history.sqlite").path
        let corpus = try Self.night(1, in: folder, count: 800).path
        // Three processes open, create and migrate the same new database at once, then record.
        let results = try await withThrowingTaskGroup(of: MinectlRunner.Result.self) { group in
            for label in ["a", "b", "c"] {
                group.addTask {
                    try MinectlRunner.run(["themes", corpus, "--db", database, "--run-label", label, "--k", "6", "--quiet", "--format", "json"])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        let history = try RunHistory(path: database)
        #expect(Set(try history.runs().map(\.label)) == ["a", "b", "c"])
        #expect(try history.runs().map(\.newConversations).sorted() == [0, 0, 800], "the later runs saw the same transcripts")
        #expect(try history.integrityCheck() == ["ok"])
    }

    @Test func theSameNightsGiveTheSameHistoryInAnyProcess() throws {
        let folder = try TemporaryFolder()
        let nights = try (0..<2).map { try Self.night($0, in: folder, count: 500).path }
        var renderings: [String] = []
        for copy in ["a", "b"] {
            let database = folder.url.appendingPathComponent("\(copy).sqlite").path
            for (index, night) in nights.enumerated() {
                let run = try MinectlRunner.run(["themes", night, "--db", database, "--run-label", "n\(index)", "--k", "6", "--quiet",
                                                 "--format", "json"])
                #expect(run.status == 0, "\(run.stderr)")
            }
            let trends = try MinectlRunner.run(["trends", "--db", database, "--format", "json"])
            // Only the recording times and the file name may differ.
            renderings.append(trends.stdout.replacingOccurrences(of: #""recordedAt":"[^"]*""#, with: "", options: .regularExpression)
                .replacingOccurrences(of: database, with: "DB"))
        }
        #expect(renderings[0] == renderings[1])
    }

    @Test func databaseProblemsExitWithClearErrors() throws {
        let folder = try TemporaryFolder()
        let notHistory = try folder.write("notes.sqlite", String(repeating: "not a database ", count: 20))
        let corpus = try folder.write("one.jsonl", #"{"id":"1","turns":[{"role":"customer","text":"my card has not arrived"}]}"# + "\n")
        let themes = try MinectlRunner.run(["themes", corpus, "--db", notHistory, "--k", "1", "--quiet"])
        #expect(themes.status == 73)
        #expect(themes.stderr.contains("history database \(notHistory)"), "\(themes.stderr)")
        let missing = try MinectlRunner.run(["trends", "--db", folder.url.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("record a run first"), "\(missing.stderr)")
        let usage = try MinectlRunner.run(["themes", corpus, "--run-label", "x"])
        #expect(usage.status == 64)
    }

    /// Whether the run is recording: its WAL has grown past 16 KiB since `before` (opening the
    /// history writes 3 pages; recording 2,000 conversations writes about 60 in some 10 ms). The test's own
    /// connections close cleanly between attempts, which checkpoints and removes the WAL.
    static func written(_ wal: String, since before: [String]?) -> Bool {
        guard let now = state(of: wal), let size = Int(now[0]), size > 16_384 else { return false }
        return now != before
    }

    /// A file's size and modification time (nil when missing).
    static func state(of path: String) -> [String]? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return ["\(attributes[.size] ?? 0)", "\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"]
    }
}
