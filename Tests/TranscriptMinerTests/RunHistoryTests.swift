import Foundation
import GRDB
import TestSupport
import Testing
@testable import TranscriptMiner

@Suite("Run history (SQLite)")
struct RunHistoryTests {
    /// A report on `count` synthetic transcripts starting at `first` (ids `synth-…` of seed 4).
    static func report(first: Int = 0, count: Int = 240, k: Int = 5) async throws -> ThemeReport {
        let transcripts = Array(SyntheticCorpus(seed: 4).transcripts(count: first + count).dropFirst(first))
        var options = ThemeOptions()
        options.clustering.k = k
        options.clustering.restarts = 1
        let result = try await ThemeAnalysis(options: options).run(transcripts)
        var ingestion = IngestionSummary()
        ingestion.recordsRead = transcripts.count
        ingestion.recordsAnalyzed = transcripts.count
        return ThemeReport(result: result, ingestion: ingestion, settings: [ReportSetting("k", String(k)), ReportSetting("seed", "0")])
    }

    @Test func recordsARunCompletelyAndReplacesARunWithTheSameLabel() async throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("h.sqlite").path
        let history = try RunHistory(path: path)
        let report = try await Self.report()
        let first = try history.record(report, label: "night-1")
        #expect(first.id == 1 && !first.replaced)
        #expect(first.newConversations == 240)
        #expect(first.events.filter { $0.kind == .new }.count == report.result.themes.count)
        let second = try history.record(report, label: "night-2")
        #expect(second.id == 2)
        #expect(second.newConversations == 0, "the same transcripts again are not new")
        // The same themes keep their ids.
        #expect(second.stableIDs == first.stableIDs)
        #expect(second.matchSimilarities.allSatisfy { ($0 ?? 0) > 0.99 })
        #expect(second.events.isEmpty)
        let again = try history.record(report, label: "night-1")
        #expect(again.id == 1 && again.replaced)
        #expect(try history.runs().map(\.label) == ["night-1", "night-2"])
        #expect(try history.integrityCheck() == ["ok"])
        let counts = try await history.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment")!, try Int.fetchOne(db, sql: "SELECT count(*) FROM theme")!)
        }
        #expect(counts.0 == 480)
        #expect(counts.1 == report.result.themes.count, "replacing a run leaves no orphan theme")
    }

    @Test func transcriptsSeenBeforeAreNotCountedAgain() async throws {
        let folder = try TemporaryFolder()
        let history = try RunHistory(path: folder.url.appendingPathComponent("h.sqlite").path)
        _ = try history.record(try await Self.report(first: 0, count: 200), label: "a")
        let overlapping = try history.record(try await Self.report(first: 150, count: 200), label: "b")
        #expect(overlapping.newConversations == 150)
        let trends = try history.trends(TrendOptions(lastRuns: 2))
        #expect(trends.runs.map(\.newConversations) == [200, 150])
        #expect(trends.runs.map(\.conversations) == [200, 200])
        let newSizes = trends.themes.map(\.latestSize).reduce(0, +)
        #expect(newSizes <= 150)
    }

    @Test func aFullDiskRecordsNothingAndKeepsEarlierRuns() async throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("h.sqlite").path
        let report = try await Self.report()
        _ = try RunHistory(path: path).record(report, label: "before")
        let pages = try await RunHistory(path: path).pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count")! }
        let full = try RunHistory(path: path, access: .readWrite, busyTimeout: .seconds(1), maximumPageCount: pages + 2)
        #expect {
            try full.record(report, label: "after")
        } throws: { error in
            (error as? RunHistoryError)?.code == .diskFull && "\(error)".contains(path)
        }
        let history = try RunHistory(path: path)
        #expect(try history.runs().map(\.label) == ["before"])
        #expect(try history.integrityCheck() == ["ok"])
    }

    @Test func aSecondWriterWaitsThenFailsClearlyWhenBusy() async throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("h.sqlite").path
        let report = try await Self.report()
        let holder = try RunHistory(path: path)
        let waiting = try RunHistory(path: path, busyTimeout: .milliseconds(200))
        try Self.holdingTheWriteLock(of: holder) {
            #expect {
                try waiting.record(report, label: "blocked")
            } throws: { error in
                (error as? RunHistoryError)?.code == .busy
            }
        }
        #expect(try waiting.record(report, label: "later").id == 1)
        #expect(try holder.runs().map(\.label) == ["later"])
    }

    /// Runs `body` while `history`'s connection holds SQLite's write lock (BEGIN IMMEDIATE).
    static func holdingTheWriteLock(of history: RunHistory, _ body: () throws -> Void) throws {
        try history.pool.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            try body()
        }
    }

    @Test func aReadOnlyDatabaseRecordsNothing() async throws {
        guard geteuid() != 0 else {
            print("skipped: running as root, file permissions do not make a database read-only")
            return
        }
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("h.sqlite").path
        let report = try await Self.report()
        do {
            let history = try RunHistory(path: path)
            _ = try history.record(report, label: "one")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.url.path) }
        #expect {
            let history = try RunHistory(path: path)
            _ = try history.record(report, label: "two")
        } throws: { error in
            guard let error = error as? RunHistoryError else { return false }
            return [.readOnly, .cannotOpen].contains(error.code) && error.description.contains(path)
        }
    }

    @Test func refusesOtherDatabasesAndNewerSchemas() throws {
        let folder = try TemporaryFolder()
        let other = folder.url.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE customers (name TEXT)") }
        #expect { try RunHistory(path: other) } throws: { ($0 as? RunHistoryError)?.code == .notAHistory }

        let text = try folder.write("notes.sqlite", "these are not SQLite pages, just a text file long enough to have a header......")
        #expect { try RunHistory(path: text) } throws: { ($0 as? RunHistoryError)?.code == .notAHistory }

        let newer = folder.url.appendingPathComponent("newer.sqlite").path
        _ = try RunHistory(path: newer)
        try DatabaseQueue(path: newer).write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')") }
        #expect { try RunHistory(path: newer) } throws: { error in
            (error as? RunHistoryError)?.code == .newerSchema && "\(error)".contains("newer version")
        }
        #expect { try RunHistory(path: folder.url.appendingPathComponent("missing.sqlite").path, access: .readOnly) } throws: {
            ($0 as? RunHistoryError)?.code == .cannotOpen
        }
    }

    @Test func aDatabaseFromAnOlderVersionIsUpgraded() async throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try RunHistory.migrator.migrate(queue, upTo: "v1")
        try queue.close()
        // A read-only opening does not upgrade; it says how to.
        #expect { try RunHistory(path: path, access: .readOnly) } throws: { ($0 as? RunHistoryError)?.description.contains("older version") == true }
        let history = try RunHistory(path: path)
        let applied = try await history.pool.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == ["v1", "v2"])
        #expect(try history.record(try await Self.report(), label: "upgraded").id == 1)
    }

    @Test func warmStartCentroidsComeFromTheLatestRun() async throws {
        let folder = try TemporaryFolder()
        let history = try RunHistory(path: folder.url.appendingPathComponent("h.sqlite").path)
        #expect(try history.warmStartCentroids().isEmpty)
        let report = try await Self.report()
        _ = try history.record(report, label: "one")
        let centroids = try history.warmStartCentroids()
        #expect(centroids.count == report.result.themes.count)
        let byCluster = report.result.themes.sorted { $0.id < $1.id }
        #expect(centroids.map { $0.map(\.term) } == byCluster.map { $0.centroidTerms.map(\.term) })
        #expect(try history.warmStartCentroids(before: "one").isEmpty)
    }
}

@Suite("Theme matching across runs")
struct ThemeMatcherTests {
    static func signature(_ terms: String...) -> ThemeSignature {
        let weighted = terms.enumerated().map { WeightedTerm(term: $1, weight: Double(terms.count - $0)) }
        return ThemeSignature(centroid: weighted, labelTerms: weighted)
    }

    @Test func optimalAssignmentBeatsGreedy() {
        // Greedy would pair row 0 with column 0 (0.9) and leave row 1 with 0.1; optimal is 0.8 + 0.8.
        let pairs = OptimalAssignment.maximumWeight([[0.9, 0.8], [0.8, 0.1]])
        #expect(pairs.map { [$0.row, $0.column] } == [[0, 1], [1, 0]])
        #expect(OptimalAssignment.maximumWeight([[0, 0], [0, 0]]).isEmpty)
        // Rectangular both ways.
        #expect(OptimalAssignment.maximumWeight([[0.2, 0.9, 0.1]]).map(\.column) == [1])
        #expect(OptimalAssignment.maximumWeight([[0.2], [0.9], [0.3]]).map(\.row) == [1])
    }

    @Test func renumberedThemesKeepTheirIdsAndNewOnesAreNew() {
        let card = Self.signature("card", "arriv", "post", "deliveri")
        let twice = Self.signature("charg", "twice", "duplic", "payment")
        let login = Self.signature("log", "app", "password", "lock")
        let known = [ThemeMatcher.KnownTheme(id: 7, signatures: [card], inPreviousRun: true),
                     ThemeMatcher.KnownTheme(id: 9, signatures: [twice], inPreviousRun: true)]
        let matching = ThemeMatcher().match([twice, login, card], to: known)
        #expect(matching.matches.map { $0?.id } == [9, nil, 7])
        #expect(matching.events == [ThemeEvent(kind: .new, theme: 1, related: nil, similarity: nil)])
    }

    @Test func splitsAndMergesAreReported() {
        let card = Self.signature("card", "arriv", "post", "deliveri", "late", "address")
        let cardLate = Self.signature("card", "late", "deliveri", "week")
        let cardAddress = Self.signature("card", "address", "post", "arriv")
        let twice = Self.signature("charg", "twice", "duplic", "payment")
        // One known card theme, two card themes tonight: one continues it, the other split off.
        let split = ThemeMatcher().match([cardLate, cardAddress], to: [ThemeMatcher.KnownTheme(id: 1, signatures: [card], inPreviousRun: true)])
        #expect(split.matches.compactMap { $0?.id } == [1])
        #expect(split.events.map(\.kind) == [.split])
        #expect(split.events.first?.related == 1)
        // Two known card themes, one tonight: the other merged into it.
        let merge = ThemeMatcher().match([card, twice], to: [ThemeMatcher.KnownTheme(id: 1, signatures: [cardLate], inPreviousRun: true),
                                                              ThemeMatcher.KnownTheme(id: 2, signatures: [cardAddress], inPreviousRun: true),
                                                              ThemeMatcher.KnownTheme(id: 3, signatures: [twice], inPreviousRun: true)])
        #expect(merge.matches.map { $0?.id } != [nil, nil])
        #expect(merge.events.map(\.kind) == [.merge])
        #expect(merge.matches[1]?.id == 3)
    }
}

@Suite("Read progress")
struct ReadProgressTests {
    @Test func progressReachesTheInputSizeAndNeverGoesBack() throws {
        let folder = try TemporaryFolder()
        let lines = SyntheticCorpus(seed: 2).transcripts(count: 300).map(TranscriptJSONL.line).joined(separator: "\n") + "\n"
        let path = try folder.write("chats.jsonl", lines)
        var seen: [ReadProgress] = []
        let summary = try Ingestor().read([path], progress: { seen.append($0) }) { _, _ in }
        #expect(summary.recordsAnalyzed == 300)
        #expect(seen.count == 300)
        #expect(seen.allSatisfy { $0.totalBytes == lines.utf8.count })
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.bytesRead <= $1.bytesRead })
        #expect(seen.last?.fraction == 1)
        #expect(Ingestor.totalBytes(of: ["-", path]) == nil, "standard input has no known size")
        #expect(Ingestor.totalBytes(of: [path, path]) == 2 * lines.utf8.count)
    }
}
