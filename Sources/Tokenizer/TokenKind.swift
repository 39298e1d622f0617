/// What a ``Token`` stands for: its script class, or the special span it was recognised as.
///
/// Kinds come from ICU's word-break rule status (letters, numbers, kana, ideographs) or from
/// ``SpecialSpanScanner`` (URLs, emails, mentions, hashtags, identifiers, placeholders), and
/// from filters that rewrite tokens (``PlaceholderFilter`` turns URLs into `<url>` placeholders,
/// ``NGramFilter`` makes phrases).
public enum TokenKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Letters of an alphabet or abugida (Latin, Cyrillic, Greek, Arabic, Hebrew, Thai, Hangul…).
    case word
    /// A number: `42`, `1,234.56`, or digit groups joined by `-` or `/` such as `2024-05-17`.
    case number
    /// Han ideographs (Chinese, Japanese kanji), segmented into words by ICU's dictionary.
    case ideographic
    /// Hiragana or katakana.
    case kana
    /// A URL with a scheme (`https://…`), starting with `www.`, or a bare domain (`example.com`).
    case url
    /// An email address.
    case email
    /// An `@handle`.
    case mention
    /// A `#hashtag`; the token text is the tag without `#`, so it counts with the plain word.
    case hashtag
    /// An identifier such as an order number: `A-1234`, `#A-1234`, `ORD-2024-0042`, `ORD12345`.
    case identifier
    /// An emoji or emoji sequence (skin tones, ZWJ families, flags, keycaps): one token each.
    case emoji
    /// A placeholder standing for what was there: `<url>`, `<email>`, `<number>`, `<id>`, or a
    /// redaction marker such as `[EMAIL]` left by an earlier stage.
    case placeholder
    /// An n-gram of adjacent tokens made by ``NGramFilter``.
    case phrase

    /// Whether tokens of this kind carry words of the language (and so take part in stemming,
    /// stopword removal and n-grams): words, numbers, ideographs, kana and hashtags.
    public var isLexical: Bool {
        switch self {
        case .word, .number, .ideographic, .kana, .hashtag: return true
        default: return false
        }
    }

    /// Whether tokens of this kind can be part of a phrase (``NGramFilter``): words, numbers,
    /// ideographs and kana. Hashtags are tacked on to messages rather than part of their
    /// sentences, so they are not.
    public var joinsPhrases: Bool {
        switch self {
        case .word, .number, .ideographic, .kana: return true
        default: return false
        }
    }
}
