/// Gives a run's themes the stable ids of the themes the history already knows: an optimal
/// one-to-one assignment on ``ThemeSignature`` similarity, with a threshold, so "card not
/// arrived" keeps its id night after night even when k-means numbers its clusters differently.
///
/// Besides the one-to-one matches it reports how themes split and merge:
/// - a run theme left unmatched but at least ``splitThreshold`` similar to a known theme that
///   another run theme took is a *split* of that known theme;
/// - a known theme of the previous run left unmatched but at least ``threshold`` similar to a run
///   theme that took another known theme has *merged* into it;
/// - any other unmatched run theme is *new*.
public struct ThemeMatcher: Sendable {
    /// The least ``ThemeSignature/similarity(to:)`` at which a run theme takes a known theme's id,
    /// and at which a split or merge is reported. Default 0.35: the same planted theme in two
    /// synthetic nights scores 0.6–0.9; different themes below 0.2.
    public var threshold: Double
    /// The least similarity at which an unmatched run theme is reported as split off a known
    /// theme another run theme continues (a part of a theme shares fewer terms with the whole).
    /// Default 0.25.
    public var splitThreshold: Double

    /// Creates a matcher.
    public init(threshold: Double = 0.35, splitThreshold: Double = 0.25) {
        self.threshold = threshold
        self.splitThreshold = splitThreshold
    }

    /// A theme the history knows: its stable id, its signatures in the recent runs that had it,
    /// and whether the latest earlier run had it.
    ///
    /// A run theme's similarity to a known theme is the best over its signatures, so a theme whose
    /// wording drifted for a night (a label led by another phrase) is still recognised.
    public struct KnownTheme: Sendable, Hashable {
        /// The stable id.
        public var id: Int
        /// Its signatures in the recent runs that had it (any order).
        public var signatures: [ThemeSignature]
        /// Whether the run just before this one had it (only those can be reported as merged).
        public var inPreviousRun: Bool

        /// Creates a known theme.
        public init(id: Int, signatures: [ThemeSignature], inPreviousRun: Bool) {
            self.id = id
            self.signatures = signatures
            self.inPreviousRun = inPreviousRun
        }

        /// The best similarity of `signature` to this theme's signatures.
        public func similarity(to signature: ThemeSignature) -> Double {
            signatures.reduce(0) { max($0, signature.similarity(to: $1)) }
        }
    }

    /// How the run's themes relate to the known themes.
    public struct Matching: Sendable, Hashable {
        /// For each run theme (in the order given): the known theme it continues, or `nil`.
        public var matches: [Match?]
        /// New themes, splits and merges (``ThemeEvent/theme`` is a run theme's index here).
        public var events: [ThemeEvent]
    }

    /// A run theme continuing a known theme.
    public struct Match: Sendable, Hashable {
        /// The known theme's stable id.
        public var id: Int
        /// Their ``ThemeSignature/similarity(to:)``.
        public var similarity: Double
    }

    /// Matches `themes` (this run's, by signature) to `known`.
    /// - Complexity: O(t · g · s) for the similarities (g = known signatures, s = terms per signature) plus O(min(t,k)² · max(t,k))
    ///   for the assignment.
    public func match(_ themes: [ThemeSignature], to known: [KnownTheme]) -> Matching {
        let similarity = themes.map { theme in known.map { $0.similarity(to: theme) } }
        let weights = similarity.map { row in row.map { $0 >= threshold ? $0 : 0 } }
        var matches = [Match?](repeating: nil, count: themes.count)
        var taken = Set<Int>()
        for pair in OptimalAssignment.maximumWeight(weights) {
            matches[pair.row] = Match(id: known[pair.column].id, similarity: similarity[pair.row][pair.column])
            taken.insert(pair.column)
        }
        var events: [ThemeEvent] = []
        for (row, match) in matches.enumerated() where match == nil {
            // The most similar known theme that another run theme continues.
            let best = known.indices.filter { taken.contains($0) }.max { (similarity[row][$0], -$0) < (similarity[row][$1], -$1) }
            if let best, similarity[row][best] >= splitThreshold {
                events.append(ThemeEvent(kind: .split, theme: row, related: known[best].id, similarity: similarity[row][best]))
            } else {
                events.append(ThemeEvent(kind: .new, theme: row, related: nil, similarity: nil))
            }
        }
        for column in known.indices where !taken.contains(column) && known[column].inPreviousRun {
            let best = themes.indices.filter { matches[$0] != nil }.max { (similarity[$0][column], -$0) < (similarity[$1][column], -$1) }
            if let best, similarity[best][column] >= threshold {
                events.append(ThemeEvent(kind: .merge, theme: best, related: known[column].id, similarity: similarity[best][column]))
            }
        }
        return Matching(matches: matches, events: events)
    }
}

/// How a theme of a run relates to the themes known before it.
public struct ThemeEvent: Sendable, Hashable {
    /// The kind of event.
    public enum Kind: String, Sendable, Hashable {
        /// A theme unlike any known one.
        case new
        /// A theme split off ``ThemeEvent/related``, which continues as another theme of the run.
        case split
        /// ``ThemeEvent/related`` (a theme of the previous run) merged into this theme.
        case merge
    }

    /// The kind.
    public var kind: Kind
    /// The theme (a stable id once recorded).
    public var theme: Int
    /// The known theme it split from, or that merged into it.
    public var related: Int?
    /// The similarity behind a split or merge.
    public var similarity: Double?

    /// Creates an event.
    public init(kind: Kind, theme: Int, related: Int?, similarity: Double?) {
        self.kind = kind
        self.theme = theme
        self.related = related
        self.similarity = similarity
    }
}
