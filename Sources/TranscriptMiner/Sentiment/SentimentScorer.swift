/// A rule-based lexicon sentiment scorer after VADER's published rules (Hutto & Gilbert,
/// ICWSM 2014), adapted to support conversations.
///
/// ```swift
/// let scorer = SentimentScorer()                          // the built-in lexicon
/// scorer.score("I was charged twice and I'm STILL waiting!!").compound   // ≈ -0.8
/// let session = scorer.makeSession()                      // one per task, for many texts
/// for turn in turns { print(session.score(turn.text).compound) }
/// ```
///
/// The text goes through the project's analysis chain (``analyzer``: ICU words with kinds and
/// original ranges, NFKC case folding, no stopwords, no stemming); plain ASCII texts made only of
/// words, digit runs and ordinary punctuation (most support messages) are segmented by the
/// scorer's own fast path instead, which gives exactly the chain's tokens on them (see
/// ``SentimentSession``). Only words, hashtags, emoji
/// and emoticons carry sentiment: @mentions, URLs, e-mail addresses, order ids, numbers and
/// redaction placeholders never do (VADER reads "@united" as the word "united"). The rules, in
/// the order they apply to each sentiment word (constants in ``SentimentRules``):
///
/// 1. **Lexicon**: the valence of the word, of the longest phrase starting at it (phrases win
///    over their words), of the emoji or emoticon. Elongated words ("loooove") are looked up
///    with their repeated letters collapsed and get one booster step of emphasis.
/// 2. **Capitals**: ±0.733 for a word written in capitals when the text is of mixed case.
/// 3. For each of the 3 words before it, in the same clause: a **booster/dampener** adds ±0.293
///    (× 0.95 at distance 2, × 0.9 at distance 3); a **negator** ("not", "never", "n't", "no",
///    "without"…) multiplies by −0.74 ("never so good" × 1.25; "without doubt" keeps).
///    "no" followed by a sentiment word loses its own valence; "kind of", "sort of", "a bit"
///    are dampeners and "kind" there has no valence. A booster word with a valence of its own
///    ("pretty", "fucking") acts as a booster when a sentiment word follows it.
/// 4. **least**: "least X" negates X, "at least X" does not.
/// 5. **Frustration amplifiers** ("still", "again", "third time", "yet another"): each
///    negative valence in their clause gets 0.293 more negative (at most 2 amplifiers).
/// 6. **Contrastive "but"**: in its sentence, valences before the first "but" × 0.5, after × 1.5.
/// 7. **Punctuation**: each "!" adds 0.292 (at most 4) and 2–3 "?" add 0.18 each (4 or more:
///    0.96), in the direction of the sum.
/// 8. **Compound** `s / sqrt(s² + 15)`; shares as ``SentimentScore`` describes.
///
/// Where we depart from the reference implementation, and why: clauses and sentences come from
/// the punctuation between tokens, and negation, boosters and "no" do not reach across them
/// ("No, I love it" is positive); "but" works per sentence, not on the whole text; single
/// letters ("I", "A") do not count as words in capitals; booster words that are also sentiment
/// words choose their reading from the word that follows.
///
/// A `Sendable` value: share it between tasks, and give each task its own ``SentimentSession``.
/// - Complexity: O(n) per text of n bytes (the analysis chain or the ASCII fast path, plus a
///   constant amount of work per token: one hash of its bytes, at most 3 look-backs and one phrase
///   probe of at most p words, p the longest phrase). Building the scorer: O(e) for e lexicon
///   entries.
public struct SentimentScorer: Sendable {
    /// The analysis chain of sentiment: the standard chain without stopwords, stemming or
    /// placeholders (kinds, not placeholder texts, keep identifiers out of the lexicon).
    public static let analyzer = Analyzer.standard(StandardAnalyzerOptions(stopwordLists: [], stems: false, replacesIdentifiers: false))

    /// The lexicon.
    public let lexicon: SentimentLexicon

    /// Creates a scorer.
    /// - Parameter lexicon: default ``SentimentLexicon/builtIn``.
    public init(lexicon: SentimentLexicon = .builtIn) {
        self.lexicon = lexicon
        self.table = SentimentWordTable(lexicon)
    }

    /// Everything the rules know about words, phrases and emoticons, keyed by UTF-8 bytes: one
    /// hash of the token's bytes per token, no `String` (see ``SentimentWordTable``).
    let table: SentimentWordTable

    /// Makes the per-task state (analysis session, buffers). Use one per task or thread.
    public func makeSession() -> SentimentSession { SentimentSession(scorer: self) }

    /// A session that sends every text through the analysis chain when `asciiPath` is `false`
    /// (for benchmarks and checks: the scores are the same either way).
    @_spi(Benchmarks) public func makeSession(asciiPath: Bool) -> SentimentSession {
        SentimentSession(scorer: self, usesASCIIPath: asciiPath)
    }

    /// The sentiment of `text`, through a new session.
    /// - Complexity: O(n) in the length of `text`, plus opening a session: for many texts,
    ///   reuse one from ``makeSession()``.
    public func score(_ text: String) -> SentimentScore { makeSession().score(text) }

    /// The sentiment of a transcript's customer turns, through a new session (see
    /// ``SentimentSession/score(_:roles:)``).
    public func score(_ transcript: Transcript) -> TranscriptSentiment { makeSession().score(transcript) }
}
