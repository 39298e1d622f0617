/// Splits text into word tokens with ICU's word break rules (UAX #29 plus ICU's dictionaries for
/// Chinese, Japanese, Thai, Lao, Khmer and Burmese), keeping URLs, emails, mentions, hashtags,
/// identifiers and placeholders whole (``SpecialSpanScanner``) and emoji as tokens.
///
/// ```swift
/// let analyzer = Analyzer(segmenter: ICUWordSegmenter(), filters: [])
/// analyzer.tokens(in: "我的订单还没有到货").count   // 6 words (ICU 72)
/// ```
///
/// Segments are kept by ICU's rule status: numbers (100–199) → `.number`, letters (200–299) →
/// `.word`, kana (300–399) → `.kana`, ideographs (400–499) → `.ideographic`. Spaces and
/// punctuation (0–99) are dropped, except emoji (Extended_Pictographic or regional indicators),
/// which ICU reports with status 0 and which sentiment needs: they become `.emoji` tokens.
///
/// Positions count the kept segments; clause punctuation (`, ; : ( ) [ ] { } " ! ? .` and line
/// breaks) between two tokens adds a gap of one position, so phrases never span it.
/// The segmenter is a value; the ICU iterators it needs live in each ``AnalysisSession``.
/// With the root locale, ASCII-only texts are segmented by the C shim with ICU's rules for ASCII
/// and without ICU (same segments and statuses, checked against the linked ICU before use).
public struct ICUWordSegmenter: Sendable, Hashable {
    /// The ICU locale of the break rules (`""` is the root locale, right for mixed text).
    public var locale: String
    /// Whether URLs, emails, mentions, hashtags, identifiers and placeholders are kept whole.
    public var keepsSpecialSpans: Bool
    /// Whether emoji become tokens (otherwise they are dropped with punctuation).
    public var keepsEmoji: Bool

    /// Creates a segmenter.
    /// - Parameters:
    ///   - locale: ICU locale of the break rules; default `""` (root).
    ///   - keepsSpecialSpans: default `true`.
    ///   - keepsEmoji: default `true`.
    public init(locale: String = "", keepsSpecialSpans: Bool = true, keepsEmoji: Bool = true) {
        self.locale = locale
        self.keepsSpecialSpans = keepsSpecialSpans
        self.keepsEmoji = keepsEmoji
    }

    /// The kind of the segment `bytes` with ICU rule status `status`.
    ///
    /// ICU 72 reports status 400 (ideographic) for every word its Chinese/Japanese dictionary
    /// finds, katakana and hiragana words included; those whose first character is kana are
    /// `.kana`.
    @inline(__always)
    static func kind(ofRuleStatus status: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> TokenKind {
        switch status {
        case ..<0: return .emoji
        case 100..<200: return .number
        case 300..<500: return startsWithKana(bytes) ? .kana : .ideographic
        default: return .word
        }
    }

    /// Whether the text starts with hiragana, katakana (U+3040–U+30FF, U+31F0–U+31FF) or
    /// half-width katakana (U+FF66–U+FF9F).
    @inline(__always)
    static func startsWithKana(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        let (b0, b1, b2) = (bytes[0], bytes[1], bytes[2])
        if b0 == 0xE3 { return (b1 == 0x81 && b2 >= 0x80) || b1 == 0x82 || b1 == 0x83 || (b1 == 0x87 && b2 >= 0xB0) }
        if b0 == 0xEF { return (b1 == 0xBD && b2 >= 0xA6) || (b1 == 0xBE && b2 <= 0x9F) }
        return false
    }

    /// Whether the bytes between two tokens break a phrase (clause punctuation or a line break).
    @inline(__always)
    static func gapBreaksPhrase(_ gap: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in gap {
            switch b {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\""),
                 UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "."), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                return true
            case 0xE2, 0xE3, 0xEF:
                // Lead bytes of general punctuation (… “ ” —), CJK punctuation (。、) and full-width
                // forms (，！？): treat as a break; apostrophes (’) inside words never reach here.
                return true
            default:
                continue
            }
        }
        return false
    }
}
