/// Unicode case folding with NFKC normalisation (ICU's NFKC_Casefold), optionally Turkic and
/// accent-insensitive.
///
/// ```swift
/// CaseFoldFilter()                        // "Ｒｅｆｕｎｄ" → "refund", "STRASSE" → "strasse", "Straße" → "strasse"
/// CaseFoldFilter(stripsAccents: true)     // "Café" → "cafe" (marks of Thai or Devanagari are kept)
/// CaseFoldFilter(turkic: true)            // "İSTANBUL" → "istanbul", "ILIK" → "ılık"
/// ```
///
/// ASCII tokens are lower-cased in Swift (the common case, no ICU call); other tokens go through
/// ICU. Right single quotation marks and modifier apostrophes (`’`, `ʼ`) become `'`, so `don’t`
/// and `don't` are one term. Emoji keep their sequence (skin tones, ZWJ) and lose only the
/// variation selector U+FE0F, so `❤️` and `❤` are one term. Placeholders are left as they are.
/// - Complexity: O(n) in the length of the tokens' text.
public struct CaseFoldFilter: TokenFilter, Hashable {
    /// Turkish and Azeri dotted and dotless i (`I` → `ı`, `İ` → `i`). Default `false`.
    public var turkic: Bool
    /// Remove accents of Latin, Greek and Cyrillic letters (`é` → `e`). Default `false`.
    public var stripsAccents: Bool

    /// Creates the filter.
    public init(turkic: Bool = false, stripsAccents: Bool = false) {
        self.turkic = turkic
        self.stripsAccents = stripsAccents
    }

    /// `true`: each token is handled on its own.
    public var isPerToken: Bool { true }

    public func apply(to tokens: inout [Token]) {
        for i in tokens.indices {
            switch tokens[i].kind {
            case .placeholder, .phrase:
                continue
            case .emoji:
                if tokens[i].text.unicodeScalars.contains("\u{FE0F}") {
                    tokens[i].text.unicodeScalars.removeAll { $0 == "\u{FE0F}" }
                }
            default:
                if let folded = tokens[i].text.withUTF8({ fold($0) }) { tokens[i].text = folded }
            }
        }
    }

    /// The folded form of `text`, or nil when it is already folded.
    func fold(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { fold($0) }
    }

    /// The folded form of the UTF-8 `bytes`, or nil when they are already folded.
    @inline(__always)
    func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        do {
            var hasUpper = false
            var ascii = true
            for b in bytes {
                if b >= 0x80 { ascii = false; break }
                if b &- 65 < 26 { hasUpper = true }
            }
            if ascii && !(turkic && hasUpper) {
                guard hasUpper else { return nil }
                return String(unsafeUninitializedCapacity: bytes.count) { out in
                    for (k, b) in bytes.enumerated() { out[k] = b &- 65 < 26 ? b | 0x20 : b }
                    return bytes.count
                }
            }
            var options: ICUFolding.Options = []
            if turkic { options.insert(.turkic) }
            if stripsAccents { options.insert(.stripAccents) }
            guard var folded = ICUFolding.fold(bytes, options: options) else { return nil }
            if folded.utf8.contains(0xCA) || folded.utf8.contains(0xE2) {
                folded = folded.replacingApostrophes()
            }
            return folded
        }
    }
}

extension String {
    /// `’` (U+2019) and `ʼ` (U+02BC) replaced with `'`.
    func replacingApostrophes() -> String {
        var scalars = String.UnicodeScalarView()
        var changed = false
        for s in unicodeScalars {
            if s == "\u{2019}" || s == "\u{02BC}" {
                scalars.append("'")
                changed = true
            } else {
                scalars.append(s)
            }
        }
        return changed ? String(scalars) : self
    }
}
