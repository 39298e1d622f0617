#if canImport(Glibc)
import Glibc
#endif

/// Remembers what the leading per-token filters of a chain make of each distinct segment, so a
/// repeated word costs one hash lookup instead of a string and a pass through every filter.
///
/// Keyed by the segment's UTF-8 bytes and kind (FNV-1a 64, compared byte for byte); the value
/// is the token's new text and kind, or "dropped". Only segments of at most
/// ``maximumKeyLength`` bytes are remembered, and the table is cleared when it holds
/// ``capacity`` entries, so memory stays bounded (a few MB).
/// Invariant: a hit gives exactly what the filters would give (they are pure per token).
struct TokenMemo {
    struct Entry {
        var hash: UInt64
        var kind: TokenKind
        var key: [UInt8]
        /// nil when the filters drop the token.
        var result: (text: String, kind: TokenKind)?
    }

    static let maximumKeyLength = 48
    static let capacity = 1 << 15

    private var slots = [Int32](repeating: -1, count: TokenMemo.capacity * 2)
    private var entries: [Entry] = []

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ kind: TokenKind) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(kind.hashValueForMemo)
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The remembered result for `bytes` of `kind`: `.some(nil)` for a dropped token, nil when
    /// not remembered.
    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ kind: TokenKind, hash: UInt64) -> (text: String, kind: TokenKind)?? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if entries[index].hash == hash, entries[index].kind == kind, entries[index].key.count == bytes.count,
               entries[index].key.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                return .some(entries[index].result)
            }
            slot = (slot + 1) & mask
        }
    }

    mutating func store(_ bytes: UnsafeBufferPointer<UInt8>, _ kind: TokenKind, hash: UInt64, result: (text: String, kind: TokenKind)?) {
        if entries.count >= TokenMemo.capacity {
            entries.removeAll(keepingCapacity: true)
            for i in slots.indices { slots[i] = -1 }
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entries.count)
        entries.append(Entry(hash: hash, kind: kind, key: Array(bytes), result: result))
    }
}

extension TokenKind {
    /// A small stable number per kind, for hashing.
    var hashValueForMemo: Int {
        switch self {
        case .word: return 1
        case .number: return 2
        case .ideographic: return 3
        case .kana: return 4
        case .url: return 5
        case .email: return 6
        case .mention: return 7
        case .hashtag: return 8
        case .identifier: return 9
        case .emoji: return 10
        case .placeholder: return 11
        case .phrase: return 12
        }
    }
}
