import CICUShim

/// Facts about the ICU library the tokenizer runs on.
///
/// Segmentation of Chinese, Japanese and Thai depends on ICU's dictionaries, so results can
/// change between ICU versions; tests and reports record ``ICUInfo/version``.
public enum ICUInfo {
    /// ICU's version, for example `"72.1"`.
    public static let version: String = versions().icu
    /// The Unicode version ICU implements, for example `"15.0"`.
    public static let unicodeVersion: String = versions().unicode

    /// ICU's name of a status code, for example `"U_ILLEGAL_ARGUMENT_ERROR"`.
    public static func errorName(_ status: Int32) -> String {
        String(cString: cicu_error_name(status))
    }

    private static func versions() -> (icu: String, unicode: String) {
        var icu = [CChar](repeating: 0, count: 32)
        var unicode = [CChar](repeating: 0, count: 32)
        cicu_versions(&icu, &unicode)
        return (decode(icu), decode(unicode))
    }

    private static func decode(_ chars: [CChar]) -> String {
        let bytes = chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
