/// Options of ``Analyzer/standard(_:)``, the chain for support conversations.
///
/// | option | default | effect |
/// |---|---|---|
/// | `stopwordLists` | English + support conversation | lists removed (empty: keep every word) |
/// | `stems` | `false` | Snowball English stems (`refunds` → `refund`) |
/// | `maximumNGramSize` | 1 | 2 adds bigrams, 3 bigrams and trigrams |
/// | `replacesIdentifiers` | `true` | URLs, emails, long numbers, order ids → placeholders |
/// | `keepsEmoji` | `true` | emoji tokens (sentiment needs them) |
/// | `turkic` | `false` | Turkish dotted/dotless i folding |
/// | `stripsAccents` | `false` | `café` → `cafe` |
/// | `locale` | `""` | ICU break-rule locale |
public struct StandardAnalyzerOptions: Sendable {
    /// Stopword lists to remove. Default ``Stopwords/english`` and ``Stopwords/supportConversation``.
    public var stopwordLists: [StopwordList]
    /// Whether words are reduced to their Snowball English stems. Default `false`.
    public var stems: Bool
    /// The largest phrase size; 1 means no phrases. Default 1.
    public var maximumNGramSize: Int
    /// Whether URLs, emails, long numbers and identifiers become placeholders. Default `true`.
    public var replacesIdentifiers: Bool
    /// Whether emoji are tokens. Default `true`.
    public var keepsEmoji: Bool
    /// Turkic case folding. Default `false`.
    public var turkic: Bool
    /// Accent-insensitive folding. Default `false`.
    public var stripsAccents: Bool
    /// ICU break-rule locale. Default `""` (root).
    public var locale: String

    /// Creates options; every parameter has the default in the table above.
    public init(stopwordLists: [StopwordList] = [Stopwords.english, Stopwords.supportConversation], stems: Bool = false,
                maximumNGramSize: Int = 1, replacesIdentifiers: Bool = true, keepsEmoji: Bool = true,
                turkic: Bool = false, stripsAccents: Bool = false, locale: String = "") {
        self.stopwordLists = stopwordLists
        self.stems = stems
        self.maximumNGramSize = maximumNGramSize
        self.replacesIdentifiers = replacesIdentifiers
        self.keepsEmoji = keepsEmoji
        self.turkic = turkic
        self.stripsAccents = stripsAccents
        self.locale = locale
    }
}

extension Analyzer {
    /// The chain for support conversations: ICU segmentation → ``CaseFoldFilter`` →
    /// ``PlaceholderFilter`` → ``StopFilter`` → ``SnowballStemFilter`` → ``NGramFilter``, each
    /// stage as ``StandardAnalyzerOptions`` asks.
    ///
    /// ```swift
    /// Analyzer.standard().tokens(in: "Hi, I was charged twice!").map(\.text)   // ["charged", "twice"]
    /// ```
    public static func standard(_ options: StandardAnalyzerOptions = StandardAnalyzerOptions()) -> Analyzer {
        var filters: [any TokenFilter] = [CaseFoldFilter(turkic: options.turkic, stripsAccents: options.stripsAccents)]
        if options.replacesIdentifiers { filters.append(PlaceholderFilter()) }
        if !options.stopwordLists.isEmpty { filters.append(StopFilter(lists: options.stopwordLists)) }
        if options.stems { filters.append(SnowballStemFilter()) }
        if options.maximumNGramSize > 1 { filters.append(NGramFilter(maximumSize: options.maximumNGramSize)) }
        return Analyzer(segmenter: ICUWordSegmenter(locale: options.locale, keepsEmoji: options.keepsEmoji), filters: filters)
    }
}
