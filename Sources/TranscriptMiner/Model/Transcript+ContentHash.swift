extension Transcript {
    /// A 64-bit fingerprint of what the transcript says: its channel and, in order, each turn's
    /// role, visibility and text (FNV-1a over their UTF-8 bytes with separators).
    ///
    /// The run history uses it with ``id`` to recognise a conversation it has already counted
    /// (logs of overlapping windows, a re-exported day): same id and same hash → the same
    /// conversation. Timestamps, authors and metadata are left out, so a re-export that only
    /// reformats dates still matches. The value is stable across runs, machines and versions of
    /// Swift (it does not use `Hasher`, whose seed changes per process).
    /// - Complexity: O(total text length).
    public var contentHash: UInt64 {
        var hash = ContentHasher()
        hash.add(channel.rawValue)
        for turn in turns {
            hash.add(byte: 0x1E)
            hash.add(turn.role.rawValue)
            hash.add(byte: turn.isPublic ? 1 : 0)
            hash.add(turn.text)
        }
        return hash.value
    }
}

/// FNV-1a, 64 bits.
struct ContentHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { add(byte: byte) }
        }
        add(byte: 0x1F)
    }
}
