#if canImport(Glibc)
import Glibc
#endif

/// Remembers what the leading per-token filters of a chain make of each distinct segment, so a
/// repeated word costs one hash lookup instead of a string and a pass through every filter.
///
/// Keyed by the segment's UTF-8 bytes and kind (FNV-1a 64, compared byte for byte); the value
/// is the token's new text and kind, or "dropped". Keys live in one byte arena (no allocation
/// per entry). Only segments of at most ``maximumKeyLength`` bytes are remembered, and the table
/// is cleared when it holds ``capacity`` entries, so memory stays bounded (a few MB).
/// Invariant: a hit gives exactly what the filters would give (they are pure per token).
struct TokenMemo {
    static let maximumKeyLength = 48
    static let capacity = 1 << 15

    /// Open-addressing slots (index into the entry arrays, or -1); allocated on first store.
    private var slots: [Int32] = []
    private var hashes: [UInt64] = []
    private var keyStarts: [Int32] = []
    private var keyLengths: [Int32] = []
    private var kinds: [TokenKind] = []
    private var results: [(text: String, kind: TokenKind)?] = []
    private var arena: [UInt8] = []

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
        guard !slots.isEmpty else { return nil }
        return slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                arena.withUnsafeBufferPointer { arena in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let index = Int(slots[slot])
                        if index < 0 { return nil }
                        if hashes[index] == hash, Int(keyLengths[index]) == bytes.count, kinds[index] == kind,
                           bytes.isEmpty || memcmp(arena.baseAddress! + Int(keyStarts[index]), bytes.baseAddress!, bytes.count) == 0 {
                            return .some(results[index])
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    mutating func store(_ bytes: UnsafeBufferPointer<UInt8>, _ kind: TokenKind, hash: UInt64, result: (text: String, kind: TokenKind)?) {
        if slots.isEmpty { slots = [Int32](repeating: -1, count: TokenMemo.capacity * 2) }
        if hashes.count >= TokenMemo.capacity {
            hashes.removeAll(keepingCapacity: true)
            keyStarts.removeAll(keepingCapacity: true)
            keyLengths.removeAll(keepingCapacity: true)
            kinds.removeAll(keepingCapacity: true)
            results.removeAll(keepingCapacity: true)
            arena.removeAll(keepingCapacity: true)
            for i in slots.indices { slots[i] = -1 }
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(hashes.count)
        hashes.append(hash)
        keyStarts.append(Int32(arena.count))
        keyLengths.append(Int32(bytes.count))
        kinds.append(kind)
        results.append(result)
        arena.append(contentsOf: bytes)
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
