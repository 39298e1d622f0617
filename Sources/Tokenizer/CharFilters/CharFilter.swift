/// A transformation of the raw text before segmentation, such as stripping HTML markup.
///
/// Char filters may change the length of the text; they report how, in an ``OffsetMap``, so that
/// every token's range still points into the *original* text (for quotes and redaction).
/// Like Lucene's `CharFilter` and its offset corrections.
public protocol CharFilter: Sendable {
    /// Returns the filtered text and the map from its UTF-8 offsets back to those of `text`.
    func filter(_ text: String) -> FilteredText
}

/// The output of a ``CharFilter``.
public struct FilteredText: Sendable {
    /// The filtered text.
    public var text: String
    /// Maps UTF-8 offsets of ``text`` back to offsets of the filter's input.
    public var offsets: OffsetMap

    /// Creates a filtered text.
    public init(text: String, offsets: OffsetMap) {
        self.text = text
        self.offsets = offsets
    }
}

/// A piecewise-constant correction from offsets of a filtered text back to its input.
///
/// Invariant: corrections are recorded in increasing order of output offset; the input offset
/// of `o` is `o + delta`, where `delta` is that of the last correction at or before `o`.
/// - Complexity: ``inputOffset(_:)`` is O(log c) in the number of corrections.
public struct OffsetMap: Sendable, Hashable {
    private var outputOffsets: [Int] = []
    private var deltas: [Int] = []

    /// The identity map.
    public init() {}

    /// Records that from `outputOffset` on, output offsets map to input offsets shifted so that
    /// `outputOffset` maps to `inputOffset`.
    public mutating func record(outputOffset: Int, inputOffset: Int) {
        let delta = inputOffset - outputOffset
        if let last = outputOffsets.last, last == outputOffset {
            deltas[deltas.count - 1] = delta
        } else if deltas.last != delta {
            outputOffsets.append(outputOffset)
            deltas.append(delta)
        }
    }

    /// Whether the map changes no offset.
    public var isIdentity: Bool { deltas.allSatisfy { $0 == 0 } }

    /// The input offset for the output offset `offset`.
    public func inputOffset(_ offset: Int) -> Int {
        var low = 0, high = outputOffsets.count
        while low < high {
            let mid = (low + high) / 2
            if outputOffsets[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? offset : offset + deltas[low - 1]
    }
}
