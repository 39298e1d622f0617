/// Remembers what the leading per-token filters of a chain make of each distinct segment, so a
/// repeated word costs one hash lookup instead of a string and a pass through every filter.
///
/// Keyed by the segment's UTF-8 bytes and kind (``hash(_:_:)``, then compared byte for byte);
/// the value is the token's new text and kind, or "dropped". An open-addressing table of
/// `UInt32` slots (0 empty, else entry index + 1, linear probing) points into `entries`, which
/// are in insertion order; each key's bytes sit in `keys` at `index * maximumKeyLength`. The
/// table starts small and doubles while more than half full (a corpus's vocabulary stays in the
/// cache); only segments of at most ``maximumKeyLength`` bytes are remembered, and everything
/// is cleared when ``capacity`` entries are held, so memory stays bounded (under 4 MB).
///
/// Invariant: a hit gives exactly what the filters would give (they are pure per token).
/// - Complexity: ``lookup(_:_:hash:)`` and ``store(_:_:hash:result:)`` are O(k) in the key's
///   length, expected; growing is O(e) in the entries held, amortised O(1) per store.
struct TokenMemo {
    static let maximumKeyLength = 48
    static let capacity = 1 << 15
    /// The slot count of a new table (a power of two).
    static let initialSlots = 1 << 10

    /// One remembered segment and what the filters made of it.
    struct Entry {
        var hash: UInt64
        var keyLength: Int32
        var kind: TokenKind
        /// Whether the filters kept the token (then `text` and `newKind` are its new text and kind).
        var isKept: Bool
        var newKind: TokenKind
        var text: String
    }

    private var slots: [UInt32] = []
    private(set) var entries: [Entry] = []
    private var keys: [UInt8] = []

    /// A hash of `bytes` and `kind` (FNV-1a 64 over the bytes, seeded with the kind).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ kind: TokenKind) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(kind.hashValueForMemo)
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The index in ``entries`` of `bytes` of `kind`, or -1 when they are not remembered.
    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ kind: TokenKind, hash: UInt64) -> Int {
        guard !slots.isEmpty else { return -1 }
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                keys.withUnsafeBufferPointer { keys in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let stored = Int(slots[slot])
                        if stored == 0 { return -1 }
                        let index = stored - 1
                        let entry = entries.baseAddress! + index
                        if entry.pointee.hash == hash, Int(entry.pointee.keyLength) == bytes.count, entry.pointee.kind == kind,
                           Self.equal(keys.baseAddress! + index * Self.maximumKeyLength, bytes) {
                            return index
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether the `bytes.count` bytes at `key` equal `bytes` (8 bytes at a time, then the rest).
    @inline(__always)
    private static func equal(_ key: UnsafePointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(key + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < n {
            if key[i] != base[i] { return false }
            i += 1
        }
        return true
    }

    /// Remembers that the filters make `result` (nil: dropped) of `bytes` of `kind`, which
    /// ``lookup(_:_:hash:)`` just did not find. `bytes` has at most ``maximumKeyLength`` bytes.
    mutating func store(_ bytes: UnsafeBufferPointer<UInt8>, _ kind: TokenKind, hash: UInt64, result: (text: String, kind: TokenKind)?) {
        if slots.isEmpty {
            slots = [UInt32](repeating: 0, count: Self.initialSlots)
            keys = [UInt8](repeating: 0, count: Self.initialSlots / 2 * Self.maximumKeyLength)
        }
        if entries.count >= Self.capacity {
            entries.removeAll(keepingCapacity: true)
            for i in slots.indices { slots[i] = 0 }
        } else if 2 * (entries.count + 1) > slots.count {
            grow()
        }
        let index = entries.count
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt32(index + 1)
        entries.append(Entry(hash: hash, keyLength: Int32(bytes.count), kind: kind, isKept: result != nil,
                             newKind: result?.kind ?? kind, text: result?.text ?? ""))
        keys.withUnsafeMutableBufferPointer { keys in
            let key = keys.baseAddress! + index * Self.maximumKeyLength
            for i in bytes.indices { key[i] = bytes[i] }
        }
    }

    /// Doubles the table (and the key storage) and re-inserts every entry.
    private mutating func grow() {
        let count = slots.count * 2
        var grown = [UInt32](repeating: 0, count: count)
        let mask = count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = UInt32(index + 1)
        }
        slots = grown
        keys.append(contentsOf: repeatElement(0, count: keys.count))
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
