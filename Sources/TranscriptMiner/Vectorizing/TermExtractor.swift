/// How a document's text becomes the terms a ``TFIDFVectorizer`` counts.
///
/// - ``chain(_:keeping:)``: the project's analysis chain (ICU segmentation, case folding,
///   placeholders, stop words, stemming, phrases). Phrases come from the chain's ``NGramFilter``;
///   the vectorizer keeps the tokens whose size (``Token/positionLength``) lies in its n-gram
///   range. Only the token kinds in `kinds` become terms: by default not placeholders, URLs,
///   e-mail addresses, @mentions or emoji, which are never theme words.
/// - ``whitespace``: text that is already tokenized: every run of non-space characters is one
///   term, used as it is (scikit-learn's `token_pattern=r"\S+", lowercase=False`); phrases join
///   adjacent terms with one space, as scikit-learn's word n-grams do.
///
/// Extractors are values; each task takes its own ``Session`` (ICU iterators are not
/// thread-safe).
public struct TermExtractor: Sendable {
    enum Method: Sendable {
        case chain(Analyzer, Set<TokenKind>)
        case whitespace
    }

    let method: Method

    /// The token kinds that make theme terms: words, numbers, ideographs, kana, hashtags,
    /// identifiers and phrases.
    public static let themeKinds: Set<TokenKind> = [.word, .number, .ideographic, .kana, .hashtag, .identifier, .phrase]

    /// Terms from an analysis chain, keeping tokens of the given kinds.
    public static func chain(_ analyzer: Analyzer, keeping kinds: Set<TokenKind> = themeKinds) -> TermExtractor {
        TermExtractor(method: .chain(analyzer, kinds))
    }

    /// The standard chain (``Analyzer/standard(_:)``) with phrases up to the largest size of
    /// `ngramRange`, English and support-conversation stop words, and optional stemming.
    public static func standard(ngramRange: ClosedRange<Int> = 1...1, stems: Bool = false,
                                stopwordLists: [StopwordList] = [Stopwords.english, Stopwords.supportConversation]) -> TermExtractor {
        .chain(.standard(StandardAnalyzerOptions(stopwordLists: stopwordLists, stems: stems,
                                                 maximumNGramSize: ngramRange.upperBound)))
    }

    /// Pre-tokenized text: terms separated by white space, taken verbatim.
    public static let whitespace = TermExtractor(method: .whitespace)

    /// A session for one task at a time.
    public func makeSession() -> Session { Session(method: method) }

    /// Extracts terms for one task at a time; reuse it across documents.
    public final class Session {
        private let session: AnalysisSession?
        private let kinds: Set<TokenKind>
        private var words: [Substring] = []

        init(method: Method) {
            switch method {
            case .chain(let analyzer, let kinds):
                session = analyzer.makeSession()
                self.kinds = kinds
            case .whitespace:
                session = nil
                kinds = []
            }
        }

        /// Calls `body` with every term of `text` whose size lies in `ngramRange`, in text order
        /// (for pre-tokenized text: all single terms, then all pairs, and so on, as scikit-learn).
        /// - Complexity: O(length of text · sizes in the range).
        public func forEachTerm(in text: String, ngramRange: ClosedRange<Int>, _ body: (String) -> Void) {
            if let session {
                session.forEachToken(in: text) { token in
                    if ngramRange.contains(token.positionLength), kinds.contains(token.kind) { body(token.text) }
                }
                return
            }
            words.removeAll(keepingCapacity: true)
            words.append(contentsOf: text.split(whereSeparator: { $0.isWhitespace }))
            for size in ngramRange where size <= words.count {
                if size == 1 {
                    for word in words { body(String(word)) }
                    continue
                }
                for start in 0...(words.count - size) {
                    body(words[start..<(start + size)].joined(separator: " "))
                }
            }
        }
    }
}
