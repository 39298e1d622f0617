/// Keeps or drops tokens by kind.
///
/// ```swift
/// KindFilter(dropping: [.emoji, .mention, .placeholder])   // theme words only
/// ```
/// - Complexity: O(t) per batch of t tokens.
public struct KindFilter: TokenFilter, Hashable {
    /// The kinds that are dropped.
    public var dropped: Set<TokenKind>

    /// Creates a filter that drops tokens of the given kinds.
    public init(dropping dropped: Set<TokenKind>) { self.dropped = dropped }

    /// Creates a filter that keeps only tokens of the given kinds.
    public init(keeping kept: Set<TokenKind>) { self.dropped = Set(TokenKind.allCases).subtracting(kept) }

    /// `true`: each token is handled on its own.
    public var isPerToken: Bool { true }

    public func apply(to tokens: inout [Token]) {
        tokens.removeAll { dropped.contains($0.kind) }
    }
}
