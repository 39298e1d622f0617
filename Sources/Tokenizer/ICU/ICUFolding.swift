import CICUShim

/// ICU's NFKC_Casefold over UTF-8, with the Turkic and accent-stripping options.
enum ICUFolding {
    struct Options: OptionSet {
        let rawValue: UInt32
        static let turkic = Options(rawValue: UInt32(CICU_FOLD_TURKIC))
        static let stripAccents = Options(rawValue: UInt32(CICU_FOLD_STRIP_ACCENTS))
    }

    /// The folded form of `bytes`, or `nil` when ICU reports an error (the caller keeps the
    /// original text then).
    /// - Complexity: O(n) in the length of `bytes`.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, options: Options) -> String? {
        var status: Int32 = 0
        // NFKC can expand text (ﷺ becomes 18 code points); start with room for 3× and retry.
        var capacity = max(64, bytes.count * 3)
        for _ in 0..<2 {
            var needed: Int32 = 0
            let result = String(unsafeUninitializedCapacity: capacity) { out in
                needed = cicu_fold(bytes.baseAddress, Int32(bytes.count), out.baseAddress, Int32(out.count), options.rawValue, &status)
                return needed >= 0 && Int(needed) <= out.count ? Int(needed) : 0
            }
            if status > 0 || needed < 0 { return nil }
            if Int(needed) <= capacity { return result }
            capacity = Int(needed)
        }
        return nil
    }
}
