#if canImport(Glibc)
import Glibc
#endif

/// A set of terms for hot-path lookups: open addressing over a 64-bit FNV-1a hash of the UTF-8
/// bytes, compared byte for byte on a hash match.
///
/// `Set<String>` hashes with per-process seeded SipHash, which dominates the cost of stopword
/// lookups; this set hashes short terms in a few nanoseconds. Membership is by UTF-8 bytes
/// (terms are already normalised by the chain, so canonical equivalence is not needed).
/// - Complexity: ``contains(_:)`` is O(length of the term) expected.
struct TermSet: Sendable {
    private var slots: [Int32]  // index into `terms`, or -1
    private var hashes: [UInt64]
    private var terms: [[UInt8]]
    private var mask: Int

    init<S: Sequence>(_ terms: S) where S.Element == String {
        let unique = Array(Set(terms)).sorted()
        var capacity = 16
        while capacity < unique.count * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        self.terms = []
        hashes = []
        for term in unique {
            let bytes = Array(term.utf8)
            let hash = Self.hash(bytes)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(self.terms.count)
            self.terms.append(bytes)
            hashes.append(hash)
        }
    }

    var count: Int { terms.count }

    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    func contains(_ term: String) -> Bool {
        if let found = term.utf8.withContiguousStorageIfAvailable({ contains(bytes: $0) }) { return found }
        var copy = term
        return copy.withUTF8 { contains(bytes: $0) }
    }

    @inline(__always)
    func contains(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        do {
            let hash = Self.hash(bytes)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let index = Int(slots[slot])
                if index < 0 { return false }
                if hashes[index] == hash && terms[index].count == bytes.count
                    && terms[index].withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) { return true }
                slot = (slot + 1) & mask
            }
        }
    }
}
