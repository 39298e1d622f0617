import CICUShim

/// Converts text in a legacy character set (ISO-8859-1, windows-1252, Shift_JIS, GB18030, …)
/// to a Swift string through ICU's converters.
///
/// ```swift
/// let text = try CharsetConverter.decode([0x63, 0x61, 0x66, 0xE9], charset: "ISO-8859-1")  // "café"
/// ```
///
/// Unmappable or ill-formed bytes become U+FFFD. Email readers use it for the `charset` of a
/// MIME part.
public enum CharsetConverter {
    /// Why a conversion failed.
    public struct ConversionError: Error, CustomStringConvertible, Sendable, Equatable {
        /// The character set name that was asked for.
        public let charset: String
        /// ICU's error name, for example `"U_FILE_ACCESS_ERROR"` for an unknown character set.
        public let reason: String
        public var description: String { "cannot convert from character set '\(charset)': \(reason)" }
    }

    /// Decodes `bytes` in `charset` into a string.
    /// - Throws: ``ConversionError`` for a character set ICU does not know.
    /// - Complexity: O(n) in the number of bytes.
    public static func decode(_ bytes: [UInt8], charset: String) throws -> String {
        if bytes.isEmpty {
            // ICU answers an empty input without checking the name; check it anyway.
            _ = try decode([0x20], charset: charset)
            return ""
        }
        guard bytes.count < Int(Int32.max) / 4 else {
            throw ConversionError(charset: charset, reason: "input of \(bytes.count) bytes is larger than 512 MB")
        }
        var capacity = bytes.count * 3 + 16
        for _ in 0..<2 {
            var status: Int32 = 0
            var needed: Int32 = 0
            let result = bytes.withUnsafeBufferPointer { source in
                String(unsafeUninitializedCapacity: capacity) { out in
                    needed = cicu_convert_to_utf8(charset, source.baseAddress, Int32(source.count), out.baseAddress, Int32(out.count), &status)
                    return needed >= 0 && Int(needed) <= out.count ? Int(needed) : 0
                }
            }
            if status > 0 || needed < 0 {
                throw ConversionError(charset: charset, reason: ICUInfo.errorName(status))
            }
            if Int(needed) <= capacity { return result }
            capacity = Int(needed)
        }
        throw ConversionError(charset: charset, reason: "output size changed between attempts")
    }
}
