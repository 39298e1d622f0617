import Foundation

/// A path of object keys into a JSON value: `"via.channel"` is `object["via"]["channel"]`.
///
/// ```swift
/// let path: JSONKeyPath = "satisfaction_rating.score"
/// path.components                                         // ["satisfaction_rating", "score"]
/// path.value(in: ["satisfaction_rating": ["score": "good"]]) as? String   // "good"
/// ```
///
/// Written with dots between keys; ``init(components:)`` takes keys that themselves contain a
/// dot. A missing key, a non-object on the way, or JSON `null` gives `nil`.
/// - Complexity: O(k) dictionary lookups for k components.
public struct JSONKeyPath: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The keys, outermost first.
    public var components: [String]

    /// The path written with dots (`"via.channel"`).
    public init(_ dotted: String) {
        components = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// The path of `components`, which may contain dots.
    public init(components: [String]) { self.components = components }

    /// The path written with dots.
    public init(stringLiteral value: String) { self.init(value) }

    /// The path with dots between its keys.
    public var description: String { components.joined(separator: ".") }

    /// The value at this path in a `JSONSerialization` object, or nil (missing or `null`).
    func value(in object: Any) -> Any? {
        var current: Any = object
        for key in components {
            guard let dictionary = current as? [String: Any], let next = dictionary[key] else { return nil }
            current = next
        }
        return current is NSNull ? nil : current
    }
}
