import Foundation
import GRDB

extension RunHistory {
    /// Records a run of ``ThemeReportJob`` in one transaction, giving its themes stable ids.
    ///
    /// - Recording a `label` already in the history replaces that run (it keeps its place in the
    ///   history) instead of adding a second one; without a label the run is labelled with its
    ///   recording time (ISO 8601, UTC).
    /// - Themes are matched to the themes of the ``matchWindow`` runs nearest this one with
    ///   `matcher`; splits, merges and new themes are recorded as events.
    /// - Each conversation is recorded with its stable theme; it counts as *new* when no earlier run
    ///   (and no earlier record of this run) holds the same transcript id with the same
    ///   ``Transcript/contentHash``. Trends count new conversations only, so overlapping log
    ///   windows are not counted twice. Replacing a run refreshes the later runs' counts.
    ///
    /// - Parameters:
    ///   - pain: the pain formula of the analysis (for each conversation's pain). Default ``PainScore/init(negativityWeight:endsWorseWeight:effortPerDoubling:maximumEffort:)``.
    /// - Returns: what was recorded, with each theme's stable id.
    /// - Throws: ``RunHistoryError`` (busy, read-only, disk full, …); then nothing was recorded.
    /// - Complexity: O(conversations + vocabulary + themes² · signature terms), one transaction.
    public func record(_ report: ThemeReport, label: String? = nil, matcher: ThemeMatcher = ThemeMatcher(),
                       pain: PainScore = PainScore(), recordedAt: Date = Date()) throws(RunHistoryError) -> RecordedRun {
        let recordedAtText = Self.timestamp(recordedAt)
        let label = label ?? recordedAtText
        do {
            return try pool.write { db in
                try RunRecorder(db: db, report: report, label: label, recordedAt: recordedAtText, matcher: matcher, pain: pain).record()
            }
        } catch {
            throw RunHistoryError.from(error, path: path)
        }
    }

    /// How many earlier runs are searched for a theme to continue: 30.
    public static let matchWindow = 30

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}

/// What ``RunHistory/record(_:label:matcher:pain:recordedAt:)`` recorded.
public struct RecordedRun: Sendable, Hashable {
    /// The run's place in the history.
    public var id: Int
    /// Its label.
    public var label: String
    /// Whether a run with the same label was replaced.
    public var replaced: Bool
    /// The stable theme id of each theme of the report, indexed by ``Theme/id`` (cluster number).
    public var stableIDs: [Int]
    /// The similarity to the known theme each theme continues, indexed by ``Theme/id``; `nil` for a
    /// theme new in this run.
    public var matchSimilarities: [Double?]
    /// New themes, splits and merges (stable ids).
    public var events: [ThemeEvent]
    /// Conversations no earlier run held.
    public var newConversations: Int
}

/// The work of one ``RunHistory/record(_:label:matcher:pain:recordedAt:)`` inside its transaction.
private struct RunRecorder {
    let db: Database
    let report: ThemeReport
    let label: String
    let recordedAt: String
    let matcher: ThemeMatcher
    let pain: PainScore

    func record() throws -> RecordedRun {
        let result = report.result
        var runID: Int
        let replaced: Bool
        if let existing = try Int.fetchOne(db, sql: "SELECT id FROM run WHERE label = ?", arguments: [label]) {
            runID = existing
            replaced = true
            try db.execute(sql: "DELETE FROM run WHERE id = ?", arguments: [runID])
            try db.execute(sql: "DELETE FROM theme WHERE id NOT IN (SELECT themeId FROM runTheme)")
        } else {
            runID = (try Int.fetchOne(db, sql: "SELECT max(id) FROM run") ?? 0) + 1
            replaced = false
        }
        // Match before inserting anything of this run.
        let known = try knownThemes(before: runID)
        let clusterCount = (result.themes.map(\.id).max() ?? -1) + 1
        var themesByCluster = [Theme?](repeating: nil, count: clusterCount)
        for theme in result.themes { themesByCluster[theme.id] = theme }
        let ordered = themesByCluster.compactMap { $0 }
        let matching = matcher.match(ordered.map(ThemeSignature.init), to: known)

        try insertRun(runID)
        var stableIDs = [Int](repeating: -1, count: clusterCount)
        var similarities = [Double?](repeating: nil, count: clusterCount)
        for (index, theme) in ordered.enumerated() {
            if let match = matching.matches[index] {
                stableIDs[theme.id] = match.id
                similarities[theme.id] = match.similarity
            } else {
                try db.execute(sql: "INSERT INTO theme (firstRunId) VALUES (?)", arguments: [runID])
                stableIDs[theme.id] = Int(db.lastInsertedRowID)
            }
            try insertTheme(theme, runID: runID, stableID: stableIDs[theme.id], similarity: similarities[theme.id])
        }
        var events: [ThemeEvent] = []
        for var event in matching.events {
            event.theme = stableIDs[ordered[event.theme].id]
            events.append(event)
            try db.execute(sql: "INSERT INTO runThemeEvent (runId, kind, themeId, relatedThemeId, similarity) VALUES (?, ?, ?, ?, ?)",
                           arguments: [runID, event.kind.rawValue, event.theme, event.related, event.similarity])
        }
        try insertAssignments(runID: runID, stableIDs: stableIDs)
        try insertVocabulary(runID: runID)
        try refreshNewCounts(runID: runID)
        if replaced {
            for later in try Int.fetchAll(db, sql: "SELECT id FROM run WHERE id > ? ORDER BY id", arguments: [runID]) {
                try refreshNewCounts(runID: later)
            }
        }
        let newConversations = try Int.fetchOne(db, sql: "SELECT newConversations FROM run WHERE id = ?", arguments: [runID]) ?? 0
        return RecordedRun(id: runID, label: label, replaced: replaced, stableIDs: stableIDs, matchSimilarities: similarities,
                           events: events, newConversations: newConversations)
    }

    /// Every theme seen in the ``RunHistory/matchWindow`` runs nearest to `runID` (the runs before
    /// it; when it replaces an earlier run, the runs after it too), with its signature in each.
    private func knownThemes(before runID: Int) throws -> [ThemeMatcher.KnownTheme] {
        // The nearest runs in history order; runs after this one exist only when it replaces an earlier run.
        let window = try Int.fetchAll(db, sql: "SELECT id FROM run WHERE id <> ? ORDER BY abs(id - ?), id LIMIT ?",
                                      arguments: [runID, runID, RunHistory.matchWindow])
        guard let oldest = window.min(), let newest = window.max() else { return [] }
        let previous = window.filter { $0 < runID }.max()
        var centroids: [Int: [Int: [WeightedTerm]]] = [:]   // theme → run → terms
        var labelTerms: [Int: [Int: [WeightedTerm]]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT runId, themeId, kind, term, weight FROM runThemeTerm WHERE runId BETWEEN ? AND ? ORDER BY themeId, runId, kind, position
            """, arguments: [oldest, newest]) {
            guard window.contains(row["runId"]) else { continue }
            let (theme, run): (Int, Int) = (row["themeId"], row["runId"])
            let weighted = WeightedTerm(term: row["term"], weight: row["weight"])
            if row["kind"] == "centroid" {
                centroids[theme, default: [:]][run, default: []].append(weighted)
            } else {
                labelTerms[theme, default: [:]][run, default: []].append(weighted)
            }
        }
        let present = try Row.fetchAll(db, sql: "SELECT themeId, runId FROM runTheme WHERE runId BETWEEN ? AND ? ORDER BY themeId, runId",
                                       arguments: [oldest, newest])
        var runsOfTheme: [Int: [Int]] = [:]
        for row in present where window.contains(row["runId"]) { runsOfTheme[row["themeId"], default: []].append(row["runId"]) }
        return runsOfTheme.keys.sorted().map { theme in
            let runs = runsOfTheme[theme]!
            let signatures = runs.reversed().map { run in
                ThemeSignature(centroid: centroids[theme]?[run] ?? [], labelTerms: labelTerms[theme]?[run] ?? [])
            }
            return ThemeMatcher.KnownTheme(id: theme, signatures: signatures, inPreviousRun: previous.map(runs.contains) ?? false)
        }
    }

    private func insertRun(_ runID: Int) throws {
        let result = report.result
        let settings = "[" + report.settings.map { "[\(JSONText.quoted($0.name)), \(JSONText.quoted($0.value))]" }.joined(separator: ", ") + "]"
        let seed = report.settings.last { $0.name == "seed" }.flatMap { Int($0.value) }
        try db.execute(sql: """
            INSERT INTO run (id, label, recordedAt, toolVersion, settings, seed, k, recordsRead, recordsAnalyzed, recordsRejected,
                             filteredOut, conversations, newConversations, unclustered, newUnclustered)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0)
            """, arguments: [runID, label, recordedAt, report.version, settings, seed, result.k, report.ingestion.recordsRead,
                             report.ingestion.recordsAnalyzed, report.ingestion.recordsRejected, report.filteredOut,
                             result.transcriptIDs.count, result.unclustered.size])
        for (position, input) in report.inputs.enumerated() {
            try db.execute(sql: "INSERT INTO runInput (runId, position, path, bytes, sha256) VALUES (?, ?, ?, ?, ?)",
                           arguments: [runID, position, input.path, input.bytes, input.sha256])
        }
        for (code, count) in report.ingestion.rejectedByCode.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "INSERT INTO runRejection (runId, reason, count) VALUES (?, ?, ?)", arguments: [runID, code.rawValue, count])
        }
        for (position, timing) in report.timings.enumerated() {
            try db.execute(sql: "INSERT INTO runTiming (runId, position, stage, seconds) VALUES (?, ?, ?, ?)",
                           arguments: [runID, position, timing.stage, timing.seconds])
        }
    }

    private func insertTheme(_ theme: Theme, runID: Int, stableID: Int, similarity: Double?) throws {
        let statistics = theme.statistics
        try db.execute(sql: """
            INSERT INTO runTheme (runId, themeId, clusterId, rank, label, size, share, meanSentiment, negativeShare, endsWorseShare,
                                  painScore, matchSimilarity)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [runID, stableID, theme.id, theme.rank, theme.label, statistics.size, statistics.share, statistics.meanSentiment,
                             statistics.negativeShare, statistics.endsWorseShare, statistics.painScore, similarity])
        let term = try db.makeStatement(sql: "INSERT INTO runThemeTerm (runId, themeId, kind, position, term, weight) VALUES (?, ?, ?, ?, ?, ?)")
        for (position, weighted) in theme.labelTerms.enumerated() {
            try term.execute(arguments: [runID, stableID, "label", position, weighted.term, weighted.weight])
        }
        for (position, weighted) in theme.centroidTerms.enumerated() {
            try term.execute(arguments: [runID, stableID, "centroid", position, weighted.term, weighted.weight])
        }
        for (position, exemplar) in theme.exemplars.enumerated() {
            try db.execute(sql: "INSERT INTO runThemeExemplar (runId, themeId, position, transcriptId, turnIndex) VALUES (?, ?, ?, ?, ?)",
                           arguments: [runID, stableID, position, exemplar.transcriptID, exemplar.turnIndex])
        }
    }

    private func insertAssignments(runID: Int, stableIDs: [Int]) throws {
        let result = report.result
        let statement = try db.makeStatement(sql: """
            INSERT INTO assignment (runId, position, transcriptId, contentHash, themeId, similarity, sentiment, pain, isNew)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
            """)
        for index in result.transcriptIDs.indices {
            let facts = result.conversations[index]
            let theme = result.assignments[index].map { stableIDs[$0] }
            let conversationPain = pain.conversationPain(compound: facts.compound, endsWorse: facts.endsWorse, customerTurns: facts.customerTurns)
            try statement.execute(arguments: [runID, index, result.transcriptIDs[index], Int64(bitPattern: facts.contentHash), theme,
                                              result.similarities[index], facts.compound, conversationPain])
        }
    }

    private func insertVocabulary(runID: Int) throws {
        let result = report.result
        let statement = try db.makeStatement(sql: "INSERT INTO runTerm (runId, term, documentFrequency) VALUES (?, ?, ?)")
        var frequencies = result.codeFrequencies
        for (term, frequency) in zip(result.vocabulary, result.documentFrequencies) { frequencies[term] = frequency }
        for term in frequencies.keys.sorted() {
            try statement.execute(arguments: [runID, term, frequencies[term]!])
        }
    }

    /// Marks the run's conversations that no earlier run (or earlier position) holds, and sums
    /// the themes' and the run's measures over them.
    private func refreshNewCounts(runID: Int) throws {
        try db.execute(sql: """
            UPDATE assignment SET isNew = NOT EXISTS (
                SELECT 1 FROM assignment AS earlier
                WHERE earlier.transcriptId = assignment.transcriptId AND earlier.contentHash = assignment.contentHash
                  AND (earlier.runId < assignment.runId OR (earlier.runId = assignment.runId AND earlier.position < assignment.position)))
            WHERE runId = ?
            """, arguments: [runID])
        try db.execute(sql: "UPDATE runTheme SET newSize = 0, newPain = 0, newSentimentSum = 0, newSentimentSquares = 0 WHERE runId = ?",
                       arguments: [runID])
        var total = 0
        var unclustered = 0
        for row in try Row.fetchAll(db, sql: """
            SELECT themeId, count(*) AS size, total(pain) AS pain, total(sentiment) AS sentiment, total(sentiment * sentiment) AS squares
            FROM assignment WHERE runId = ? AND isNew GROUP BY themeId
            """, arguments: [runID]) {
            let size: Int = row["size"]
            total += size
            guard let theme: Int = row["themeId"] else { unclustered += size; continue }
            try db.execute(sql: """
                UPDATE runTheme SET newSize = ?, newPain = ?, newSentimentSum = ?, newSentimentSquares = ? WHERE runId = ? AND themeId = ?
                """, arguments: [size, row["pain"] as Double, row["sentiment"] as Double, row["squares"] as Double, runID, theme])
        }
        try db.execute(sql: "UPDATE run SET newConversations = ?, newUnclustered = ? WHERE id = ?", arguments: [total, unclustered, runID])
    }
}
