import CSentimentLexicon
import Foundation

/// A valence lexicon: single words, multi-word phrases and emoticons, each with a valence in
/// −4 (extremely negative) … +4 (extremely positive).
///
/// ```swift
/// var lexicon = SentimentLexicon.builtIn                  // the project's lexicon
/// lexicon.valence(of: "Great")                            // 3.0: keys are case-folded
/// lexicon.valence(of: "charged twice")                    // -2.2: a phrase
/// let mine = try SentimentLexicon(contentsOf: URL(fileURLWithPath: "afinn.txt"))
/// lexicon.merge(mine)                                     // extend: the user's entries win
/// ```
///
/// Keys go through the scorer's analysis chain (``SentimentScorer/analyzer``: ICU words,
/// NFKC case folding, no stopwords, no stemming), so they match what the chain makes of text:
/// `Don’t` is `don't`, `Top-notch` is the phrase `top notch`. A key of one token is a word (an
/// emoji token too, matched without skin tones and the emoji variation selector); a key of
/// several tokens is a phrase; a key the chain cannot express as words (":-)", "<3", "^_^") is
/// an emoticon, matched on the raw text, case-sensitively.
///
/// A value type: copies are independent; `Sendable`.
/// - Complexity: lookups O(1) (hashing); building O(e) for e entries, through one analysis
///   session.
public struct SentimentLexicon: Sendable {
    /// Single-token entries, by normalised token text.
    public private(set) var words: [String: Double] = [:]
    /// Multi-word entries, by normalised token texts joined with one space.
    public private(set) var phrases: [String: Double] = [:]
    /// Emoticons, by their raw text.
    public private(set) var emoticons: [String: Double] = [:]
    /// The first token of every phrase (a cheap pre-check before building phrase keys).
    private(set) var phraseHeads: Set<String> = []
    /// The most tokens in a phrase (at least 2 when there are phrases).
    private(set) var maximumPhraseLength = 0
    /// The longest emoticon, in UTF-8 bytes.
    private(set) var maximumEmoticonLength = 0

    /// An empty lexicon.
    public init() {}

    /// The number of entries (words, phrases and emoticons).
    public var count: Int { words.count + phrases.count + emoticons.count }

    /// The built-in lexicon (`Sources/CSentimentLexicon/sentiment-lexicon.tsv`, compiled into the
    /// binary): general English, internet slang, profanity, emoticons, emoji and the language of
    /// support conversations, about 3,700 entries.
    public static let builtIn: SentimentLexicon = {
        var count = 0
        let bytes = tm_sentiment_lexicon_bytes(&count)!
        let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        do {
            return try SentimentLexicon(parsing: text, file: "<built-in>", format: .valence)
        } catch {
            fatalError("the built-in sentiment lexicon is invalid: \(error)")
        }
    }()

    /// The valence of `term` (normalised like text: a word, a phrase or an emoticon), or `nil`
    /// when it is not an entry.
    public func valence(of term: String) -> Double? {
        switch LexiconKey(term, session: SentimentScorer.analyzer.makeSession()) {
        case .word(let key): return words[key]
        case .phrase(let key, _): return phrases[key]
        case .emoticon(let key): return emoticons[key]
        case nil: return nil
        }
    }

    /// Sets the valence of `term`, normalised as in ``valence(of:)``.
    /// - Throws: ``SentimentLexiconError`` `.invalidTerm` when `term` normalises to nothing,
    ///   `.valenceOutOfRange` when `valence` is not in −4…4.
    public mutating func setValence(_ valence: Double, for term: String) throws {
        guard valence.isFinite, (-4...4).contains(valence) else {
            throw SentimentLexiconError(.valenceOutOfRange, file: "<api>", line: 0, "valence \(valence) of \"\(term)\" is outside -4...4")
        }
        guard let key = LexiconKey(term, session: SentimentScorer.analyzer.makeSession()) else {
            throw SentimentLexiconError(.invalidTerm, file: "<api>", line: 0, "\"\(term)\" has nothing to match")
        }
        insert(key, valence)
    }

    /// Adds every entry of `other`, replacing entries with the same key (the "extend" mode of
    /// `--lexicon`).
    /// - Complexity: O(e) for e entries of `other`.
    public mutating func merge(_ other: SentimentLexicon) {
        words.merge(other.words) { _, new in new }
        phrases.merge(other.phrases) { _, new in new }
        emoticons.merge(other.emoticons) { _, new in new }
        phraseHeads.formUnion(other.phraseHeads)
        maximumPhraseLength = max(maximumPhraseLength, other.maximumPhraseLength)
        maximumEmoticonLength = max(maximumEmoticonLength, other.maximumEmoticonLength)
    }

    /// This lexicon with the entries of `other` added or replacing its own.
    public func merging(_ other: SentimentLexicon) -> SentimentLexicon {
        var copy = self
        copy.merge(other)
        return copy
    }

    mutating func insert(_ key: LexiconKey, _ valence: Double) {
        switch key {
        case .word(let text):
            words[text] = valence
        case .phrase(let text, let length):
            phrases[text] = valence
            if let space = text.firstIndex(of: " ") { phraseHeads.insert(String(text[..<space])) }
            maximumPhraseLength = max(maximumPhraseLength, length)
        case .emoticon(let text):
            emoticons[text] = valence
            maximumEmoticonLength = max(maximumEmoticonLength, text.utf8.count)
        }
    }
}

/// How a lexicon term is matched: a normalised word, a phrase of normalised words, or a raw
/// emoticon.
enum LexiconKey: Hashable {
    case word(String)
    case phrase(String, length: Int)
    case emoticon(String)

    /// Classifies `term` through `session` (the scorer's chain); `nil` for a blank term.
    init?(_ term: String, session: AnalysisSession) {
        let trimmed = term.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let tokens = session.tokens(in: trimmed)
        let hasSpace = trimmed.utf8.contains(0x20) || trimmed.utf8.contains(0x09)
        // Characters outside every token other than word joiners: an emoticon's punctuation.
        var outside = false
        var cursor = 0
        let bytes = Array(trimmed.utf8)
        func scanGap(_ range: Range<Int>) {
            for i in range where !(bytes[i] == 0x2D || bytes[i] == 0x27 || bytes[i] == 0x20 || bytes[i] == 0x09) { outside = true }
        }
        for token in tokens {
            scanGap(cursor..<max(cursor, token.range.lowerBound))
            cursor = max(cursor, token.range.upperBound)
        }
        scanGap(cursor..<bytes.count)
        if tokens.isEmpty || (!hasSpace && outside) {
            self = .emoticon(trimmed)
        } else if tokens.count == 1 {
            self = .word(tokens[0].kind == .emoji ? SentimentLexicon.emojiKey(tokens[0].text) : tokens[0].text)
        } else {
            self = .phrase(tokens.map(\.text).joined(separator: " "), length: tokens.count)
        }
    }
}

extension SentimentLexicon {
    /// An emoji token's text without skin-tone modifiers (U+1F3FB…U+1F3FF) and the emoji
    /// variation selector (U+FE0F), so "👍🏽" and "❤️" match the entries "👍" and "❤".
    static func emojiKey(_ text: String) -> String {
        var needs = false
        for scalar in text.unicodeScalars where scalar.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(scalar.value) {
            needs = true
            break
        }
        guard needs else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !(scalar.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(scalar.value)) {
            result.append(scalar)
        }
        return result.isEmpty ? text : String(result)
    }
}
