import Foundation

/// Reading `JSONSerialization` values portably.
///
/// ```swift
/// FoundationJSON.string(42 as NSNumber)      // "42"
/// FoundationJSON.bool(true as NSNumber)      // true
/// FoundationJSON.bool(1 as NSNumber)         // nil: a number, not a boolean
/// ```
///
/// On Linux, `JSONSerialization` numbers answer `is Bool` (and `as? Bool`) for 0 and 1; a
/// boolean is told apart by its Objective-C type code `c`, on every platform.
enum FoundationJSON {
    /// Whether `value` is a JSON `true` or `false`.
    static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber, !(value is String) else { return false }
        return String(cString: number.objCType) == "c"
    }

    /// A JSON boolean's value; nil for anything else.
    static func bool(_ value: Any?) -> Bool? {
        guard let value, isBoolean(value) else { return nil }
        return (value as? NSNumber)?.boolValue
    }

    /// A JSON number's value (not a boolean); nil for anything else.
    static func number(_ value: Any?) -> Double? {
        guard let value, !(value is String), !isBoolean(value), let number = value as? NSNumber else { return nil }
        return number.doubleValue
    }

    /// A string, or a number written as text (whole numbers without a fraction); nil for other
    /// values.
    static func string(_ value: Any?) -> String? {
        guard let value else { return nil }
        if let text = value as? String { return text }
        guard let double = number(value) else { return nil }
        if let number = value as? NSNumber, "qlisQLIS".contains(String(cString: number.objCType)) { return number.stringValue }
        if double == double.rounded(), abs(double) < 9e15 { return String(Int64(double)) }
        return "\(double)"
    }

    /// The name of a value's JSON type, for problem reasons.
    static func typeName(_ value: Any?) -> String {
        guard let value else { return "null" }
        if value is String { return "a string" }
        if isBoolean(value) { return "a boolean" }
        if value is NSNumber { return "a number" }
        if value is [Any] { return "an array" }
        if value is [String: Any] { return "an object" }
        return "another value"
    }
}
