/// An immutable open-addressing hash table from byte strings to their index (0..<count, the
/// order of the keys given to `init`), built once; lookups hash the bytes in place, so the hot
/// path needs no `String` (no allocation, no SipHash, no Unicode comparison).
///
/// ```swift
/// let table = ByteKeyTable(keys: [Array("good".utf8), Array("bad".utf8)])
/// Array("bad".utf8).withUnsafeBufferPointer { table.view.index(of: $0) }   // 1
/// ```
///
/// Keys are compared byte for byte: callers normalise first (the scorer looks up case-folded
/// token texts, as the lexicon's keys are). The memory is owned by the class and freed with it;
/// ``view`` is a plain value of raw pointers for the hot loops (no reference counting), valid as
/// long as the table lives.
/// Each key may carry a payload of two words, kept in its slot: a lookup that wants it
/// (``View/entry(ofPadded:count:)``) touches one 32-byte slot and nothing else.
/// - Complexity: building O(k) for k key bytes; a lookup O(m) for a key of m bytes (expected
///   fewer than two probes: the load factor is at most 1/2 by default, at most 0.6 when asked).
final class ByteKeyTable: @unchecked Sendable {
    /// One slot: 0, or 24 bits of the hash, the key's length (up to 255) and 1 + the key's
    /// index; the key's first 8 bytes (zero-padded); the key's payload. 32 bytes, aligned: a
    /// slot never straddles two cache lines, and keys of up to 8 bytes are found, payload and
    /// all, with one memory access.
    struct Slot {
        var meta: UInt64 = 0
        var head: UInt64 = 0
        var payload: (UInt64, UInt64) = (0, 0)
    }

    /// The lookup side: raw pointers into the table's memory.
    struct View {
        fileprivate let mask: Int
        fileprivate let slots: UnsafeMutablePointer<Slot>
        fileprivate let offsets: UnsafeMutablePointer<Int>
        fileprivate let bytes: UnsafeMutablePointer<UInt8>

        /// The index of the key equal to `key`, or −1.
        @inline(__always)
        func index(of key: UnsafeBufferPointer<UInt8>) -> Int32 {
            guard let base = key.baseAddress else { return index(of: UnsafePointer(bytes), count: 0) }
            return index(of: base, count: key.count)
        }

        /// The index of the key equal to the `count` bytes at `key`, or −1.
        @inline(__always)
        func index(of key: UnsafePointer<UInt8>, count: Int) -> Int32 {
            let (hash, head) = ByteKeyTable.hash(key, count, padded: false)
            return find(key, count, hash, head)
        }

        /// ``index(of:count:)`` for a key followed by at least 8 readable bytes (a scratch
        /// buffer with slack): the last partial word is read with one load.
        @inline(__always)
        func index(ofPadded key: UnsafePointer<UInt8>, count: Int) -> Int32 {
            let (hash, head) = ByteKeyTable.hash(key, count, padded: true)
            return find(key, count, hash, head)
        }

        /// ``index(ofPadded:count:)`` with the key's payload ((0, 0) when there is no such key).
        @inline(__always)
        func entry(ofPadded key: UnsafePointer<UInt8>, count: Int) -> (index: Int32, payload: (UInt64, UInt64)) {
            let (hash, head) = ByteKeyTable.hash(key, count, padded: true)
            let slot = findSlot(key, count, hash, head)
            guard slot >= 0 else { return (-1, (0, 0)) }
            let s = slots[slot]
            return (Int32(truncatingIfNeeded: UInt32(truncatingIfNeeded: s.meta) &- 1), s.payload)
        }

        @inline(__always)
        private func find(_ key: UnsafePointer<UInt8>, _ count: Int, _ hash: UInt64, _ head: UInt64) -> Int32 {
            let slot = findSlot(key, count, hash, head)
            return slot < 0 ? -1 : Int32(truncatingIfNeeded: UInt32(truncatingIfNeeded: slots[slot].meta) &- 1)
        }

        /// The position of the slot holding the key, or −1.
        @inline(__always)
        private func findSlot(_ key: UnsafePointer<UInt8>, _ count: Int, _ hash: UInt64, _ head: UInt64) -> Int {
            let tag = ByteKeyTable.tag(hash, count)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let s = slots[slot]
                if s.meta == 0 { return -1 }
                if s.meta >> 32 == tag && s.head == head {
                    if count <= 8 { return slot }
                    let e = Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: s.meta)) &- 1
                    let start = offsets[e]
                    if offsets[e &+ 1] &- start == count && ByteKeyTable.equal(UnsafePointer(bytes + start), key, count) {
                        return slot
                    }
                }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// The number of keys.
    let count: Int
    /// The longest key, in bytes.
    let maximumKeyLength: Int
    /// The lookup side (see the type's discussion).
    let view: View

    /// Builds the table of `keys`, which must be distinct, with the payloads of the keys
    /// (`payloads[k]` for `keys[k]`; none when empty).
    /// - Parameter dense: fill up to 0.6 instead of 1/2 (a smaller table, for a large key set
    ///   whose lookups should stay in cache; one more slot per miss on average).
    init(keys: [[UInt8]], payloads: [(UInt64, UInt64)] = [], dense: Bool = false) {
        precondition(payloads.isEmpty || payloads.count == keys.count, "one payload per key")
        count = keys.count
        var capacity = 16
        while dense ? 3 * capacity < 5 * keys.count : capacity < 2 * keys.count { capacity *= 2 }
        let totalBytes = keys.reduce(0) { $0 + $1.count }
        let slots = UnsafeMutableRawPointer.allocate(byteCount: capacity * MemoryLayout<Slot>.stride, alignment: 64)
            .bindMemory(to: Slot.self, capacity: capacity)
        slots.initialize(repeating: Slot(), count: capacity)
        let offsets = UnsafeMutablePointer<Int>.allocate(capacity: keys.count + 1)
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, totalBytes))
        var offset = 0
        var longest = 0
        for (k, key) in keys.enumerated() {
            offsets[k] = offset
            key.withUnsafeBufferPointer { source in
                if let address = source.baseAddress { (bytes + offset).initialize(from: address, count: source.count) }
            }
            let (hash, head) = ByteKeyTable.hash(UnsafePointer(bytes + offset), key.count, padded: false)
            offset += key.count
            longest = max(longest, key.count)
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot].meta != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Slot(meta: ByteKeyTable.tag(hash, key.count) << 32 | UInt64(k + 1), head: head,
                               payload: payloads.isEmpty ? (0, 0) : payloads[k])
        }
        offsets[keys.count] = offset
        maximumKeyLength = longest
        view = View(mask: capacity - 1, slots: slots, offsets: offsets, bytes: bytes)
    }

    deinit {
        UnsafeMutableRawPointer(view.slots).deallocate()
        view.offsets.deallocate()
        view.bytes.deallocate()
    }

    /// 24 bits of `hash` (not those that pick the slot) and the length, capped at 255.
    @inline(__always)
    static func tag(_ hash: UInt64, _ count: Int) -> UInt64 {
        (hash >> 40) << 8 | UInt64(truncatingIfNeeded: min(count, 255))
    }

    /// A 64-bit hash of `count` bytes at `key` (eight bytes per multiply, then the high half
    /// folded into the low, which pick the slot), and the first 8 bytes, zero-padded. With
    /// `padded`, the key is followed by at least 8 readable bytes, and the last partial word is
    /// read with one load and masked. Not keyed:
    /// the keys are the lexicon's, and a lookup of unknown text costs at most a probe sequence at
    /// load ≤ 1/2.
    @inline(__always)
    static func hash(_ key: UnsafePointer<UInt8>, _ count: Int, padded: Bool) -> (hash: UInt64, head: UInt64) {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: count &+ 1)
        let raw = UnsafeRawPointer(key)
        var head: UInt64 = 0
        var i = 0
        while i &+ 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if i == 0 { head = word }
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i &+= 8
        }
        if i < count {
            var word: UInt64 = 0
            if padded {
                word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & ((1 &<< UInt64(truncatingIfNeeded: 8 &* (count &- i))) &- 1)
            } else {
                var shift: UInt64 = 0
                while i < count {
                    word |= UInt64(key[i]) << shift
                    shift &+= 8
                    i &+= 1
                }
            }
            if count < 8 { head = word }
            h = (h ^ word) &* 0xC4CE_B9FE_1A85_EC53
        }
        // The slot comes from the low bits: fold the product's high bits into them (one step,
        // not a full finaliser: the table's lookups wait on this chain).
        h ^= h >> 32
        return (h, head)
    }

    /// Whether the `count` bytes at `a` and `b` are equal (eight at a time).
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        var i = 0
        while i &+ 8 <= count {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i &+= 8
        }
        while i < count {
            if a[i] != b[i] { return false }
            i &+= 1
        }
        return true
    }
}
