/// Drops tokens whose text is in a stopword list.
///
/// ```swift
/// let stop = StopFilter(Stopwords.english, Stopwords.supportConversation)
/// ```
///
/// Lists are normalised through the chain before the filter (``TokenFilter/prepared(after:)``):
/// with a ``CaseFoldFilter`` before it, `"Don’t"` in a list removes the token `don't`. Entries
/// that the chain turns into several tokens (`"thank you"`) cannot match one token and are
/// skipped; ``skippedEntries`` lists them. Only lexical tokens (words, numbers, kana, ideographs,
/// hashtags) are dropped, never placeholders or emoji. A dropped token leaves a gap in
/// positions, so ``NGramFilter`` never joins the words on either side.
/// - Complexity: O(t) per batch of t tokens (one hash lookup each).
public struct StopFilter: TokenFilter {
    /// The normalised stopwords.
    public private(set) var words: Set<String> {
        didSet { lookup = TermSet(words) }
    }
    private var lookup: TermSet
    /// Entries that normalise to more or fewer than one token and so never match.
    public private(set) var skippedEntries: [String] = []
    private let rawEntries: [String]

    /// Creates a filter from one or more lists.
    public init(_ lists: StopwordList...) {
        self.init(lists: lists)
    }

    /// Creates a filter from lists.
    public init(lists: [StopwordList]) {
        rawEntries = lists.flatMap(\.entries)
        words = Set(rawEntries)
        lookup = TermSet(words)
    }

    /// `true`: each token is handled on its own.
    public var isPerToken: Bool { true }

    public func apply(to tokens: inout [Token]) {
        // In-place compaction with swaps: no token is copied (a copy retains its text).
        var write = 0
        for read in tokens.indices where !(tokens[read].kind.isLexical && tokens[read].text.withUTF8 { lookup.contains(bytes: $0) }) {
            if write != read { tokens.swapAt(write, read) }
            write += 1
        }
        tokens.removeLast(tokens.count - write)
    }

    public func prepared(after normalizer: Analyzer) -> any TokenFilter {
        var copy = self
        var words = Set<String>()
        copy.skippedEntries = []
        for (entry, terms) in zip(rawEntries, normalizer.normalize(rawEntries)) {
            if terms.count == 1 { words.insert(terms[0]) } else { copy.skippedEntries.append(entry) }
        }
        copy.words = words
        return copy
    }
}
