import Foundation
import GRDB

/// The history of `minectl themes` runs: an embedded SQLite database (through GRDB) that records
/// each run — options, inputs, counts, timings, themes with stable ids, and every conversation's
/// theme — so that later runs can say what is new, growing or fading (``TrendAnalysis``).
///
/// ```swift
/// let history = try RunHistory(path: "themes.sqlite")
/// let recorded = try history.record(report, label: "2026-11-24")
/// print(recorded.themes.map(\.stableID))
/// let trends = try history.trends(TrendOptions(lastRuns: 7))
/// ```
///
/// Guarantees:
/// - One transaction per run: a run is recorded completely or not at all. A process killed at any
///   moment leaves the database valid, with every earlier run intact (SQLite's write-ahead log).
/// - WAL mode: reports and trends read while a run writes. Two writers at once: the second waits
///   up to the busy timeout for the first, then fails with ``RunHistoryError/Code/busy``.
/// - The schema is migrated with GRDB's migrator when the database is opened for writing; a
///   database from an older version opens and upgrades, one from a newer version is refused.
///
/// The object is safe to share between tasks (GRDB's `DatabasePool` serialises writes).
public final class RunHistory: Sendable {
    /// How the database is opened.
    public enum Access: Sendable {
        /// Created when missing, migrated to the current schema: for recording runs.
        case readWrite
        /// Must exist; never written: for trends and reports.
        case readOnly
    }

    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens (and with ``Access/readWrite`` creates and migrates) the history at `path`.
    /// - Parameters:
    ///   - busyTimeout: how long opening and each write wait for another process's write to
    ///     finish. Default 60 s.
    /// - Throws: ``RunHistoryError`` naming the file: it cannot be opened, is not a run history,
    ///   or comes from a newer version.
    public convenience init(path: String, access: Access = .readWrite, busyTimeout: Duration = .seconds(60)) throws(RunHistoryError) {
        try self.init(path: path, access: access, busyTimeout: busyTimeout, maximumPageCount: nil)
    }

    /// The designated initialiser; `maximumPageCount` caps the file (SQLite's `max_page_count`),
    /// which tests use to fill the "disk".
    init(path: String, access: Access, busyTimeout: Duration, maximumPageCount: Int?) throws(RunHistoryError) {
        self.path = path
        var configuration = Configuration()
        if let maximumPageCount {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA max_page_count = \(maximumPageCount)") }
        }
        configuration.busyMode = .timeout(TimeInterval(busyTimeout.components.seconds) + Double(busyTimeout.components.attoseconds) / 1e18)
        configuration.label = "RunHistory"
        if access == .readOnly {
            guard FileManager.default.fileExists(atPath: path) else {
                throw RunHistoryError(.cannotOpen, path: path, "no such file (record a run first with minectl themes --db)")
            }
            configuration.readonly = true
        }
        // Opening a database another process is creating, switching to WAL or migrating at the same
        // moment can fail with SQLITE_BUSY without SQLite's busy handler being consulted, or with
        // "table already exists" when both saw the migration unapplied: retry (each migration is its
        // own transaction, so the retry applies only what is still missing) until the busy timeout.
        let deadline = ContinuousClock.now + busyTimeout
        var opened: DatabasePool?
        while opened == nil {
            do {
                opened = try Self.open(path: path, access: access, configuration: configuration)
            } catch let error as DatabaseError where Self.isRace(error) && ContinuousClock.now < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            } catch {
                throw RunHistoryError.from(error, path: path)
            }
        }
        pool = opened!
    }

    /// Whether `error` comes from another process opening or migrating the database at the same moment.
    private static func isRace(_ error: DatabaseError) -> Bool {
        [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode)
            || (error.resultCode == .SQLITE_ERROR && (error.message ?? "").contains("already exists"))
    }

    /// Opens the pool, checks that it is a run history and, for writing, migrates it.
    private static func open(path: String, access: Access, configuration: Configuration) throws -> DatabasePool {
        let pool = try DatabasePool(path: path, configuration: configuration)
        let migrator = Self.migrator
        switch access {
        case .readWrite:
            try pool.write { db in try Self.checkIsHistory(db, migrator: migrator, path: path) }
            try migrator.migrate(pool)
        case .readOnly:
            try pool.read { db in
                try Self.checkIsHistory(db, migrator: migrator, path: path)
                guard try migrator.hasCompletedMigrations(db) else {
                    throw RunHistoryError(.failed, path: path, "written by an older version; open it once for writing (minectl themes --db) to upgrade it")
                }
            }
        }
        return pool
    }

    /// Refuses a database that holds other tables than a run history's, or a newer schema.
    private static func checkIsHistory(_ db: Database, migrator: DatabaseMigrator, path: String) throws {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if !tables.isEmpty && !tables.contains("grdb_migrations") {
            throw RunHistoryError(.notAHistory, path: path, "a SQLite database, but not a minectl run history (it has tables \(tables.prefix(3).joined(separator: ", ")))")
        }
        if try migrator.hasBeenSuperseded(db) {
            throw RunHistoryError(.newerSchema, path: path, "written by a newer version of minectl (schema \(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").last ?? "?")); upgrade minectl to use it")
        }
    }

    /// The recorded runs, oldest first.
    /// - Complexity: O(runs).
    public func runs() throws(RunHistoryError) -> [RecordedRunSummary] {
        do {
            return try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT id, label, recordedAt, conversations, newConversations, k FROM run ORDER BY id").map {
                    RecordedRunSummary(id: $0["id"], label: $0["label"], recordedAt: $0["recordedAt"], conversations: $0["conversations"],
                                       newConversations: $0["newConversations"], k: $0["k"])
                }
            }
        } catch {
            throw RunHistoryError.from(error, path: path)
        }
    }

    /// Runs SQLite's integrity check; returns its messages (`["ok"]` for a sound database).
    public func integrityCheck() throws(RunHistoryError) -> [String] {
        do {
            return try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        } catch {
            throw RunHistoryError.from(error, path: path)
        }
    }
}

/// One recorded run, as ``RunHistory/runs()`` lists it.
public struct RecordedRunSummary: Sendable, Hashable {
    /// Its place in the history (1 = first recorded; kept when its label is re-run).
    public var id: Int
    /// Its label (unique in the history).
    public var label: String
    /// When it was recorded (ISO 8601, UTC).
    public var recordedAt: String
    /// Conversations analysed.
    public var conversations: Int
    /// Of those, the ones no earlier run held (same id and content).
    public var newConversations: Int
    /// The k given to k-means.
    public var k: Int
}

extension RunHistory {
    /// The centroid summaries of the latest run's themes (before the run labelled `label`, when
    /// it is given and recorded), in cluster order, for ``WarmStart``; empty when there is no such run.
    public func warmStartCentroids(before label: String? = nil) throws(RunHistoryError) -> [[WeightedTerm]] {
        do {
            return try pool.read { db in
                var limit = Int.max
                if let label, let id = try Int.fetchOne(db, sql: "SELECT id FROM run WHERE label = ?", arguments: [label]) { limit = id }
                guard let run = try Int.fetchOne(db, sql: "SELECT max(id) FROM run WHERE id < ?", arguments: [limit]) else { return [] }
                var summaries: [Int: [WeightedTerm]] = [:]
                for row in try Row.fetchAll(db, sql: """
                    SELECT rt.clusterId, t.term, t.weight FROM runTheme rt JOIN runThemeTerm t ON t.runId = rt.runId AND t.themeId = rt.themeId
                    WHERE rt.runId = ? AND t.kind = 'centroid' ORDER BY rt.clusterId, t.position
                    """, arguments: [run]) {
                    summaries[row["clusterId"], default: []].append(WeightedTerm(term: row["term"], weight: row["weight"]))
                }
                return summaries.keys.sorted().map { summaries[$0]! }
            }
        } catch {
            throw RunHistoryError.from(error, path: path)
        }
    }
}
