import GRDB

extension RunHistory {
    /// The schema, as GRDB migrations applied in order; a database written by an older version is
    /// upgraded when it is opened for writing (``RunHistory/init(path:access:busyTimeout:)``).
    ///
    /// Tables (columns in camelCase; every run-owned row cascades from `run`):
    /// - `run` — one per recorded run: `id` (its place in the history; kept when the label is
    ///   re-run), `label` (unique), `recordedAt`, `toolVersion`, `settings` (JSON array of
    ///   `[name, value]`), `seed`, `k`, counts (`recordsRead`, `recordsAnalyzed`,
    ///   `recordsRejected`, `filteredOut`, `conversations`, `newConversations`, `unclustered`).
    /// - `runInput` (path, bytes, sha256), `runRejection` (reason, count), `runTiming` (stage, seconds).
    /// - `theme` — the stable themes: `id` and the run that first saw it.
    /// - `runTheme` — a stable theme as one run saw it: cluster id, rank, label, size, share,
    ///   sentiment, negative and ends-worse shares, pain score, the similarity of the match, and
    ///   the same measures over the run's *new* conversations only (`newSize`, `newPain`,
    ///   `newSentimentSum`), which the trends use.
    /// - `runThemeTerm` — its label terms (`kind` 'label') and centroid summary ('centroid').
    /// - `runThemeExemplar` — its exemplar quotes' transcript ids and turns.
    /// - `runThemeEvent` — how the run's themes relate to the known ones: 'new', 'split', 'merge'.
    /// - `assignment` — every conversation of the run: transcript id, content hash, stable theme
    ///   (NULL: unclustered), similarity, sentiment, pain, and `isNew` (no earlier run holds the same
    ///   id with the same content).
    /// - `runTerm` — the run's vocabulary with document frequencies ("new words tonight").
    ///
    /// Migrations: `v1` the tables above; `v2` an index of theme events by run.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "run") { t in
                t.primaryKey("id", .integer)
                t.column("label", .text).notNull().unique()
                t.column("recordedAt", .text).notNull()
                t.column("toolVersion", .text).notNull()
                t.column("settings", .text).notNull()
                t.column("seed", .integer)
                t.column("k", .integer).notNull()
                t.column("recordsRead", .integer).notNull()
                t.column("recordsAnalyzed", .integer).notNull()
                t.column("recordsRejected", .integer).notNull()
                t.column("filteredOut", .integer).notNull()
                t.column("conversations", .integer).notNull()
                t.column("newConversations", .integer).notNull()
                t.column("unclustered", .integer).notNull()
                t.column("newUnclustered", .integer).notNull()
            }
            try db.create(table: "runInput") { t in
                t.column("runId", .integer).notNull().references("run", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("path", .text).notNull()
                t.column("bytes", .integer).notNull()
                t.column("sha256", .text)
                t.primaryKey(["runId", "position"])
            }
            try db.create(table: "runRejection") { t in
                t.column("runId", .integer).notNull().references("run", onDelete: .cascade)
                t.column("reason", .text).notNull()
                t.column("count", .integer).notNull()
                t.primaryKey(["runId", "reason"])
            }
            try db.create(table: "runTiming") { t in
                t.column("runId", .integer).notNull().references("run", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("stage", .text).notNull()
                t.column("seconds", .double).notNull()
                t.primaryKey(["runId", "position"])
            }
            try db.create(table: "theme") { t in
                t.primaryKey("id", .integer)
                t.column("firstRunId", .integer).notNull()
            }
            try db.create(table: "runTheme") { t in
                t.column("runId", .integer).notNull().references("run", onDelete: .cascade)
                t.column("themeId", .integer).notNull().references("theme")
                t.column("clusterId", .integer).notNull()
                t.column("rank", .integer).notNull()
                t.column("label", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("share", .double).notNull()
                t.column("meanSentiment", .double).notNull()
                t.column("negativeShare", .double).notNull()
                t.column("endsWorseShare", .double).notNull()
                t.column("painScore", .double).notNull()
                t.column("matchSimilarity", .double)
                t.column("newSize", .integer).notNull().defaults(to: 0)
                t.column("newPain", .double).notNull().defaults(to: 0)
                t.column("newSentimentSum", .double).notNull().defaults(to: 0)
                t.column("newSentimentSquares", .double).notNull().defaults(to: 0)
                t.primaryKey(["runId", "themeId"])
            }
            try db.create(index: "runThemeByTheme", on: "runTheme", columns: ["themeId", "runId"])
            try db.create(table: "runThemeTerm") { t in
                t.column("runId", .integer).notNull()
                t.column("themeId", .integer).notNull()
                t.column("kind", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("term", .text).notNull()
                t.column("weight", .double).notNull()
                t.primaryKey(["runId", "themeId", "kind", "position"])
                t.foreignKey(["runId", "themeId"], references: "runTheme", onDelete: .cascade)
            }
            try db.create(table: "runThemeExemplar") { t in
                t.column("runId", .integer).notNull()
                t.column("themeId", .integer).notNull()
                t.column("position", .integer).notNull()
                t.column("transcriptId", .text).notNull()
                t.column("turnIndex", .integer).notNull()
                t.primaryKey(["runId", "themeId", "position"])
                t.foreignKey(["runId", "themeId"], references: "runTheme", onDelete: .cascade)
            }
            try db.create(table: "runThemeEvent") { t in
                t.column("runId", .integer).notNull().references("run", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("themeId", .integer).notNull()
                t.column("relatedThemeId", .integer)
                t.column("similarity", .double)
            }
            try db.create(table: "assignment", options: [.withoutRowID]) { t in
                t.column("runId", .integer).notNull().references("run", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("transcriptId", .text).notNull()
                t.column("contentHash", .integer).notNull()
                t.column("themeId", .integer)
                t.column("similarity", .double).notNull()
                t.column("sentiment", .double).notNull()
                t.column("pain", .double).notNull()
                t.column("isNew", .boolean).notNull()
                t.primaryKey(["runId", "position"])
            }
            try db.create(index: "assignmentByContent", on: "assignment", columns: ["transcriptId", "contentHash", "runId"])
            try db.create(table: "runTerm", options: [.withoutRowID]) { t in
                t.column("runId", .integer).notNull().references("run", onDelete: .cascade)
                t.column("term", .text).notNull()
                t.column("documentFrequency", .integer).notNull()
                t.primaryKey(["runId", "term"])
            }
            try db.create(index: "runTermByTerm", on: "runTerm", columns: ["term", "runId"])
        }
        // v2: trends read a run's theme events; index them by run instead of scanning the table.
        migrator.registerMigration("v2") { db in
            try db.create(index: "runThemeEventByRun", on: "runThemeEvent", columns: ["runId"])
        }
        return migrator
    }
}
