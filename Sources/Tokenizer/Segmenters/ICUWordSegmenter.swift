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

    /// The kind of a segment with ICU rule status `status`.
    @inline(__always)
    static func kind(ofRuleStatus status: Int32) -> TokenKind {
        switch status {
        case ..<0: return .emoji
        case 100..<200: return .number
        case 300..<400: return .kana
        case 400..<500: return .ideographic
        default: return .word
        }
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
