/// Remembers what the leading per-token filters of a chain make of each distinct segment, so a
/// repeated word costs one hash lookup instead of a string and a pass through every filter.
///
/// Keyed by the segment's UTF-8 bytes and kind (a ``Key``: the bytes as four zero-padded
/// 64-bit words, so a comparison is four word compares); the value is the token's new text and
/// kind, or "dropped". An open-addressing table of `UInt32` slots (0 empty, else entry index
/// + 1, linear probing) points into `entries`, in insertion order, 64 bytes each with the key
/// inline: a hit reads one slot and one entry. The table starts small and doubles while more
/// than half full (a corpus's vocabulary stays in the cache); only segments of at most
/// ``maximumKeyLength`` bytes are remembered, and everything is cleared when ``capacity``
/// entries are held, so memory stays bounded.
///
/// Invariant: a hit gives exactly what the filters would give (they are pure per token).
/// - Complexity: ``lookup(_:)`` and ``store(_:result:)`` are O(1) expected; growing is O(e)
///   in the entries held, amortised O(1) per store. Memory: 256 KB of slots and 2 MB of
///   entries reserved on the first store, touched only as the table grows.
struct TokenMemo {
    static let maximumKeyLength = 32
    static let capacity = 1 << 15
    /// The slot count of a new table (a power of two).
    static let initialSlots = 1 << 10

    /// A segment's bytes (at most ``maximumKeyLength``) and kind, with their hash.
    struct Key {
        var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64
        var length: Int
        var kind: TokenKind
        var hash: UInt64

        /// The key of `bytes` of `kind`. `readable` is how many bytes from `bytes.baseAddress`
        /// may be read (at least `bytes.count`): with 8 of them, a word is read at once and
        /// masked instead of byte by byte. Requires `bytes.count <= maximumKeyLength`.
        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>, readable: Int, kind: TokenKind) {
            let n = bytes.count
            length = n
            self.kind = kind
            w0 = Key.word(bytes, 0, readable)
            w1 = n > 8 ? Key.word(bytes, 8, readable) : 0
            w2 = n > 16 ? Key.word(bytes, 16, readable) : 0
            w3 = n > 24 ? Key.word(bytes, 24, readable) : 0
            var h = (UInt64(truncatingIfNeeded: n) << 8 | UInt64(kind.hashValueForMemo)) ^ w0
            h = (h ^ (h >> 32)) &* 0x9E37_79B9_7F4A_7C15
            if n > 8 { h = (h ^ w1 ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9 }
            if n > 16 { h = (h ^ w2 ^ (h >> 32)) &* 0x94D0_49BB_1331_11EB }
            if n > 24 { h = (h ^ w3 ^ (h >> 29)) &* 0x9E37_79B9_7F4A_7C15 }
            hash = h ^ (h >> 31)
        }

        /// The bytes `offset..<offset + 8` of `bytes` as a little-endian word, zero past the end.
        @inline(__always)
        static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ readable: Int) -> UInt64 {
            let left = bytes.count - offset
            guard left > 0, let base = bytes.baseAddress else { return 0 }
            if readable - offset >= 8 {
                let w = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self).littleEndian
                return left >= 8 ? w : w & ((1 << (8 * UInt64(left))) &- 1)
            }
            var w: UInt64 = 0
            for k in 0..<left { w |= UInt64(base[offset + k]) << (8 * UInt64(k)) }
            return w
        }
    }

    /// One remembered segment and what the filters made of it (64 bytes).
    struct Entry {
        var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64
        var hash: UInt64
        var length: UInt8
        var kind: TokenKind
        /// Whether the filters kept the token (then `text` and `newKind` are its new text and kind).
        var isKept: Bool
        var newKind: TokenKind
        var text: String

        /// Whether the entry at `entry` holds `key` (field by field: the entry is not copied).
        @inline(__always)
        static func matches(_ entry: UnsafePointer<Entry>, _ key: Key) -> Bool {
            entry.pointee.hash == key.hash && Int(entry.pointee.length) == key.length && entry.pointee.kind == key.kind
                && entry.pointee.w0 == key.w0 && entry.pointee.w1 == key.w1 && entry.pointee.w2 == key.w2
                && entry.pointee.w3 == key.w3
        }
    }

    /// The memory of a memo: allocated on the first store, at full size but touched only as it
    /// is used (the slot table and the entries grow inside it), freed with the last copy.
    private final class Storage {
        let slots: UnsafeMutablePointer<UInt32>
        let entries: UnsafeMutablePointer<Entry>
        /// `[0]`: entries initialised; `[1]`: slots in use (a power of two).
        let header: UnsafeMutablePointer<Int>

        init() {
            slots = .allocate(capacity: 2 * TokenMemo.capacity)
            slots.initialize(repeating: 0, count: TokenMemo.initialSlots)
            entries = .allocate(capacity: TokenMemo.capacity)
            header = .allocate(capacity: 2)
            header.initialize(to: 0)
            (header + 1).initialize(to: TokenMemo.initialSlots)
        }

        deinit {
            entries.deinitialize(count: header[0])
            entries.deallocate()
            slots.deallocate()
            header.deallocate()
        }
    }

    // The storage and, for the hot path, its pointers (nil until the first store). Copies of a
    // memo share the storage: a session keeps exactly one and moves it, never copies it to
    // mutate it.
    private var storage: Storage?
    private var slots: UnsafeMutablePointer<UInt32>?
    private var entries: UnsafeMutablePointer<Entry>?
    private var header: UnsafeMutablePointer<Int>?

    /// How many entries are held.
    var count: Int { header?[0] ?? 0 }

    /// The entry at `index`, which ``lookup(_:)`` returned.
    @inline(__always)
    func entry(_ index: Int) -> UnsafePointer<Entry> { UnsafePointer(entries.unsafelyUnwrapped + index) }

    /// The index of the entry of `key`, or -1 when it is not remembered.
    @inline(__always)
    func lookup(_ key: Key) -> Int {
        guard let slots, let entries, let header else { return -1 }
        let mask = header[1] - 1
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return -1 }
            if Entry.matches(entries + (stored - 1), key) { return stored - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Remembers that the filters make `result` (nil: dropped) of `key`, which ``lookup(_:)``
    /// just did not find.
    mutating func store(_ key: Key, result: (text: String, kind: TokenKind)?) {
        if storage == nil {
            let made = Storage()
            storage = made
            slots = made.slots
            entries = made.entries
            header = made.header
        }
        let slots = slots.unsafelyUnwrapped, entries = entries.unsafelyUnwrapped, header = header.unsafelyUnwrapped
        var count = header[0]
        if count >= Self.capacity {
            entries.deinitialize(count: count)
            count = 0
            header[0] = 0
            slots.update(repeating: 0, count: header[1])
        } else if 2 * (count + 1) > header[1] {
            // Double the table and re-insert every entry.
            header[1] *= 2
            slots.update(repeating: 0, count: header[1] / 2)
            (slots + header[1] / 2).initialize(repeating: 0, count: header[1] / 2)
            for index in 0..<count { Self.insert(index, hash: entries[index].hash, slots: slots, mask: header[1] - 1) }
        }
        Self.insert(count, hash: key.hash, slots: slots, mask: header[1] - 1)
        (entries + count).initialize(to: Entry(w0: key.w0, w1: key.w1, w2: key.w2, w3: key.w3, hash: key.hash,
                                               length: UInt8(key.length), kind: key.kind, isKept: result != nil,
                                               newKind: result?.kind ?? key.kind, text: result?.text ?? ""))
        header[0] = count + 1
    }

    /// Puts entry `index` into the first free slot from its hash on.
    private static func insert(_ index: Int, hash: UInt64, slots: UnsafeMutablePointer<UInt32>, mask: Int) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt32(index + 1)
    }
}

extension TokenKind {
    /// A small stable number per kind, for hashing.
    @inline(__always)
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
