import Foundation
import GRDB

extension RunHistory {
    /// Compares the latest run with the runs before it (see ``TrendOptions``).
    ///
    /// For each stable theme seen in the window: its share of each run's new conversations; the
    /// change of the latest share against the pooled baseline share, judged against one unit of
    /// noise `σ = √(p̄(1−p̄)(1/n₁ + 1/n₀) + s²)` — the binomial error of the two shares (p̄ the pooled
    /// share, n₁ and n₀ the new conversations of the latest run and of the baseline) plus the
    /// spread `s` (standard deviation) of the theme's shares across the baseline runs, which holds
    /// the clustering's own run-to-run wobble. A change beyond ``TrendOptions/noiseMultiplier``·σ
    /// whose ratio to the baseline share is at least ``TrendOptions/minimumRatio`` (either way) is
    /// rising or fading; a theme first seen tonight is new (or split, when it split off a known
    /// theme). Sentiment shifts use Welch's standard error of the two means.
    ///
    /// New words: terms of the latest run's vocabulary in at least
    /// ``TrendOptions/newWordMinimumShare`` of its documents whose baseline share is at most
    /// 1/``TrendOptions/newWordMinimumRatio`` of it, ranked by Dunning's log-likelihood ratio.
    /// Document frequencies count all the run's documents.
    /// - Throws: ``RunHistoryError`` (``RunHistoryError/Code/noRuns`` when the history is empty or
    ///   ``TrendOptions/endingAt`` names no run).
    /// - Complexity: O(runs · themes + vocabulary of the window), from the per-run aggregates (the
    ///   assignments are not read).
    public func trends(_ options: TrendOptions = TrendOptions()) throws(RunHistoryError) -> TrendReport {
        do {
            return try pool.read { db in try TrendQuery(db: db, options: options, path: path).report() }
        } catch {
            throw RunHistoryError.from(error, path: path)
        }
    }
}

private struct TrendQuery {
    let db: Database
    let options: TrendOptions
    let path: String

    func report() throws -> TrendReport {
        var endID = try Int.fetchOne(db, sql: "SELECT max(id) FROM run")
        if let label = options.endingAt {
            endID = try Int.fetchOne(db, sql: "SELECT id FROM run WHERE label = ?", arguments: [label])
            guard endID != nil else { throw RunHistoryError(.noRuns, path: path, "no run labelled \(label)") }
        }
        guard let endID else { throw RunHistoryError(.noRuns, path: path, "no run recorded yet") }
        let runs = try Row.fetchAll(db, sql: """
            SELECT id, label, recordedAt, conversations, newConversations FROM run WHERE id <= ? ORDER BY id DESC LIMIT ?
            """, arguments: [endID, max(1, options.lastRuns)]).reversed().map {
            TrendRun(id: $0["id"], label: $0["label"], recordedAt: $0["recordedAt"], conversations: $0["conversations"],
                     newConversations: $0["newConversations"])
        }
        let position = Dictionary(uniqueKeysWithValues: runs.enumerated().map { ($1.id, $0) })
        let latest = runs.count - 1
        // Per theme, per run: new size, pain, sentiment sums.
        var cells: [Int: [Cell?]] = [:]
        var labels: [Int: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT runId, themeId, label, newSize, newPain, newSentimentSum, newSentimentSquares FROM runTheme
            WHERE runId BETWEEN ? AND ? ORDER BY themeId, runId
            """, arguments: [runs[0].id, endID]) {
            let theme: Int = row["themeId"]
            cells[theme, default: [Cell?](repeating: nil, count: runs.count)][position[row["runId"]]!] =
                Cell(size: row["newSize"], pain: row["newPain"], sentiment: row["newSentimentSum"], squares: row["newSentimentSquares"])
            labels[theme] = row["label"]
        }
        let events = try Row.fetchAll(db, sql: "SELECT kind, themeId, relatedThemeId, similarity FROM runThemeEvent WHERE runId = ? ORDER BY rowid",
                                      arguments: [endID]).map {
            ThemeEvent(kind: ThemeEvent.Kind(rawValue: $0["kind"]) ?? .new, theme: $0["themeId"], related: $0["relatedThemeId"],
                       similarity: $0["similarity"])
        }
        let splits = Set(events.filter { $0.kind == .split }.map(\.theme))
        let merged = Set(events.filter { $0.kind == .merge }.compactMap(\.related))
        // A theme's family tonight: itself plus the themes split off it (their conversations were
        // its own before) now, itself plus the themes merged into it before.
        var splitChildren: [Int: [Int]] = [:]
        var mergedInto: [Int: [Int]] = [:]
        for event in events {
            guard let related = event.related else { continue }
            switch event.kind {
            case .split: splitChildren[related, default: []].append(event.theme)
            case .merge: mergedInto[event.theme, default: []].append(related)
            case .new: break
            }
        }
        let firstRuns = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, firstRunId FROM theme").map {
            ($0["id"] as Int, $0["firstRunId"] as Int)
        })
        var themes = cells.keys.sorted().map { theme -> ThemeTrend in
            let own = cells[theme]!
            var family = own
            for member in (splitChildren[theme] ?? []) + (mergedInto[theme] ?? []) {
                guard let cells = cells[member] else { continue }
                for run in runs.indices {
                    let isLatest = run == latest
                    // Split-off children count tonight; merged-in themes count before tonight.
                    guard isLatest == (splitChildren[theme]?.contains(member) ?? false), let cell = cells[run] else { continue }
                    family[run] = (family[run] ?? Cell(size: 0, pain: 0, sentiment: 0, squares: 0)) + cell
                }
            }
            let kind: TrendStatus? = splits.contains(theme) ? .split : merged.contains(theme) && own[latest] == nil ? .merged : nil
            return trend(theme, label: labels[theme] ?? "", own: own, family: family, runs: runs, latest: latest,
                         firstSeenTonight: firstRuns[theme] == endID, fixed: kind)
        }
        let order = Dictionary(uniqueKeysWithValues: TrendStatus.allCases.enumerated().map { ($1, $0) })
        themes.sort { (order[$0.status]!, -abs($0.shareChange), $0.id) < (order[$1.status]!, -abs($1.shareChange), $1.id) }
        return TrendReport(database: path, runs: Array(runs), themes: themes, newWords: try newWords(runs: runs), events: events,
                           options: options)
    }

    private struct Cell {
        var size: Int
        var pain: Double
        var sentiment: Double
        var squares: Double

        static func + (a: Cell, b: Cell) -> Cell {
            Cell(size: a.size + b.size, pain: a.pain + b.pain, sentiment: a.sentiment + b.sentiment, squares: a.squares + b.squares)
        }
    }

    /// The trend of one theme: its own series for display, its family's (``report()``) for the
    /// comparison; `fixed` is the status of a theme split off or merged away tonight.
    private func trend(_ id: Int, label: String, own: [Cell?], family cells: [Cell?], runs: [TrendRun], latest: Int,
                       firstSeenTonight: Bool, fixed: TrendStatus?) -> ThemeTrend {
        func share(_ run: Int, _ cells: [Cell?]) -> Double? {
            runs[run].newConversations > 0 ? Double(cells[run]?.size ?? 0) / Double(runs[run].newConversations) : nil
        }
        func share(_ run: Int) -> Double? { share(run, cells) }
        func pain(_ run: Int, _ cells: [Cell?]) -> Double? {
            runs[run].newConversations > 0 ? (cells[run]?.pain ?? 0) * 100 / Double(runs[run].newConversations) : nil
        }
        let baseline = (0..<latest).filter { runs[$0].newConversations > 0 }
        let n1 = Double(runs[latest].newConversations)
        let n0 = Double(baseline.reduce(0) { $0 + runs[$1].newConversations })
        let size1 = Double(cells[latest]?.size ?? 0)
        let size0 = Double(baseline.reduce(0) { $0 + (cells[$1]?.size ?? 0) })
        let p1 = n1 > 0 ? size1 / n1 : 0
        let p0: Double? = n0 > 0 ? size0 / n0 : nil
        var noise = 0.0
        if p0 != nil, n1 > 0 {
            let pooled = (size1 + size0) / (n1 + n0)
            var variance = pooled * (1 - pooled) * (1 / n1 + 1 / n0)
            let baselineShares = baseline.compactMap(share)
            if baselineShares.count >= 2 {
                let mean = baselineShares.reduce(0, +) / Double(baselineShares.count)
                variance += baselineShares.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(baselineShares.count - 1)
            }
            noise = variance.squareRoot()
        }
        let change = p0.map { p1 - $0 } ?? 0
        let ratio = p0.map { $0 > 0 ? p1 / $0 : (p1 > 0 ? Double.infinity : 1) } ?? 1
        let large = ratio >= options.minimumRatio || ratio <= 1 / options.minimumRatio
        let significant = p0 != nil && abs(change) > options.noiseMultiplier * noise && abs(change) > 0 && large
        let status: TrendStatus
        if let fixed {
            status = fixed
        } else if firstSeenTonight && !baseline.isEmpty {
            status = .new
        } else if significant && change > 0 {
            status = (p0 ?? 0) < options.emergingBaseShare ? .emerging : .rising
        } else if significant && change < 0 {
            status = .fading
        } else {
            status = .steady
        }
        // Sentiment: Welch's standard error of the two means.
        func mean(_ runsIn: [Int]) -> (mean: Double, variance: Double, count: Double)? {
            let count = Double(runsIn.reduce(0) { $0 + (cells[$1]?.size ?? 0) })
            guard count > 0 else { return nil }
            let sum = runsIn.reduce(0.0) { $0 + (cells[$1]?.sentiment ?? 0) }
            let squares = runsIn.reduce(0.0) { $0 + (cells[$1]?.squares ?? 0) }
            let mean = sum / count
            return (mean, count > 1 ? max(0, (squares - count * mean * mean) / (count - 1)) : 0, count)
        }
        let sentiment1 = mean([latest])
        let sentiment0 = mean(baseline)
        var shifted = false
        if let sentiment1, let sentiment0, sentiment1.count > 1, sentiment0.count > 1 {
            let shift = sentiment1.mean - sentiment0.mean
            let error = (sentiment1.variance / sentiment1.count + sentiment0.variance / sentiment0.count).squareRoot()
            shifted = abs(shift) > options.noiseMultiplier * error && abs(shift) >= options.minimumSentimentShift
        }
        let pain0: Double? = n0 > 0 ? baseline.reduce(0) { $0 + (cells[$1]?.pain ?? 0) } * 100 / n0 : nil
        return ThemeTrend(id: id, label: label, status: status, shares: runs.indices.map { share($0, own) },
                          pains: runs.indices.map { pain($0, own) },
                          latestShare: p1, baselineShare: p0, shareChange: change, shareNoise: noise, latestPain: pain(latest, cells) ?? 0,
                          baselinePain: pain0, latestSentiment: sentiment1?.mean, baselineSentiment: sentiment0?.mean,
                          sentimentShifted: shifted, latestSize: own[latest]?.size ?? 0)
    }

    private func newWords(runs: [TrendRun]) throws -> [NewWord] {
        guard let latest = runs.last, runs.count >= 2, latest.conversations > 0 else { return [] }
        let baselineRuns = runs.dropLast()
        let n1 = Double(latest.conversations)
        let n0 = Double(baselineRuns.reduce(0) { $0 + $1.conversations })
        guard n0 > 0 else { return [] }
        let minimum = max(options.newWordMinimumDocuments, Int((options.newWordMinimumShare * n1).rounded(.up)))
        var words: [(word: NewWord, score: Double)] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT t.term, t.documentFrequency AS documents,
                   (SELECT total(b.documentFrequency) FROM runTerm b WHERE b.term = t.term AND b.runId BETWEEN ? AND ?) AS baseline
            FROM runTerm t WHERE t.runId = ? AND t.documentFrequency >= ? ORDER BY t.term
            """, arguments: [baselineRuns.first!.id, baselineRuns.last!.id, latest.id, minimum]) {
            let k1 = Double(row["documents"] as Int)
            let k0: Double = row["baseline"]
            let share1 = k1 / n1
            let share0 = k0 / n0
            guard share1 >= options.newWordMinimumRatio * share0 else { continue }
            words.append((NewWord(term: row["term"], documents: Int(k1), latestShare: share1, baselineShare: share0),
                          Self.logLikelihood(k1: k1, n1: n1, k0: k0, n0: n0)))
        }
        words.sort { ($0.score, $1.word.term) > ($1.score, $0.word.term) }
        return words.prefix(options.newWordLimit).map(\.word)
    }

    /// Dunning's G² for a term seen in k1 of n1 documents against k0 of n0.
    private static func logLikelihood(k1: Double, n1: Double, k0: Double, n0: Double) -> Double {
        func term(_ k: Double, _ expected: Double) -> Double { k > 0 && expected > 0 ? k * Foundation.log(k / expected) : 0 }
        let p = (k1 + k0) / (n1 + n0)
        return 2 * (term(k1, n1 * p) + term(n1 - k1, n1 * (1 - p)) + term(k0, n0 * p) + term(n0 - k0, n0 * (1 - p)))
    }
}
