/// A parsed JSON value: what ``JSONParser`` produces.
///
/// Objects keep their members in document order (duplicate keys: the last wins on lookup, as
/// in JavaScript). Numbers are `Double` (integers up to 2⁵³ are exact).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// The member named `key` of an object; nil for other values or a missing key.
    /// - Complexity: O(m) in the object's members (records have few).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The string, or nil.
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    /// The number, or nil.
    public var number: Double? { if case .number(let n) = self { n } else { nil } }
    /// The boolean, or nil.
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// The elements of an array, or nil.
    public var array: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    /// The members of an object, or nil.
    public var members: [(key: String, value: JSONValue)]? { if case .object(let m) = self { m } else { nil } }

    /// A string or number as text (integral numbers without a decimal point); nil otherwise.
    public var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        default: return nil
        }
    }

    /// A short name of the value's type, for error messages: "a string", "an array", …
    public var typeName: String {
        let kind: JSONSpan.Kind = switch self {
        case .null: .null
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
        return kind.typeName
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .number(let n): hasher.combine(n)
        case .string(let s): hasher.combine(s)
        case .array(let a): hasher.combine(a)
        case .object(let m): for (k, v) in m { hasher.combine(k); hasher.combine(v) }
        }
    }
}
