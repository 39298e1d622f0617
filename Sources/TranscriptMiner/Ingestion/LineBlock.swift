/// A run of whole lines copied out of a ``LineReader`` into one buffer, so that a batch of lines
/// can be handed to another thread and decoded there.
///
/// ```swift
/// var blocks = LineBlockReader(LineReader(try FileStream(path: "chats.jsonl")))
/// while let block = try blocks.next() {
///     for line in block.lines { print(line.number, block.bytes(of: line).count) }
/// }
/// ```
/// - Complexity: memory is the lines' bytes plus 32 bytes per line.
public struct LineBlock: Sendable {
    /// One line of the block.
    public struct Line: Sendable, Hashable {
        /// Where the line's bytes start in ``LineBlock/storage``.
        public var start: Int
        /// Where they end (exclusive).
        public var end: Int
        /// The 1-based line number in the input.
        public var number: Int
        /// For a line longer than the limit: its length in bytes (it has no bytes here); nil otherwise.
        public var overlongLength: Int?
    }

    /// The bytes of every line, back to back (no terminators).
    public private(set) var storage: [UInt8] = []
    /// The lines, in input order.
    public private(set) var lines: [Line] = []

    /// An empty block.
    public init() {}

    /// The bytes of `line`, a line of this block.
    /// - Complexity: O(1).
    public func bytes(of line: Line) -> ArraySlice<UInt8> { storage[line.start..<line.end] }

    /// Appends a line as ``LineReader`` returned it.
    /// - Complexity: O(n) in the line's length (amortised).
    public mutating func append(_ line: LineReader.Line) {
        let start = storage.count
        storage.append(contentsOf: line.bytes)
        lines.append(Line(start: start, end: storage.count, number: line.number, overlongLength: line.overlongLength))
    }

    /// Whether the block has no lines.
    public var isEmpty: Bool { lines.isEmpty }
}

/// Cuts the lines of a ``LineReader`` into ``LineBlock``s of about ``blockBytes`` bytes, in order.
///
/// A failing stream does not lose the lines read before the failure: ``next()`` first returns the
/// block of lines read so far, and throws the stream's error on the call after it, so a caller
/// that handles blocks in order meets the error exactly where a line-by-line reader would.
/// - Complexity: O(n) in the input; memory is one block plus the reader's buffer.
public struct LineBlockReader {
    private var reader: LineReader
    private var pendingError: (any Error)?
    private var finished = false
    /// A block is closed once it holds at least this many bytes (or ``blockLines`` lines).
    public let blockBytes: Int
    /// A block is closed once it holds this many lines.
    public let blockLines: Int

    /// Reads blocks from `reader`.
    /// - Parameters:
    ///   - blockBytes: the bytes after which a block is closed; default 1 MiB.
    ///   - blockLines: the lines after which a block is closed; default 4,096.
    public init(_ reader: LineReader, blockBytes: Int = 1 << 20, blockLines: Int = 4096) {
        self.reader = reader
        self.blockBytes = max(1, blockBytes)
        self.blockLines = max(1, blockLines)
    }

    /// The line limit of the underlying reader.
    public var maximumLineLength: Int { reader.maximumLineLength }

    /// The next block of lines, or `nil` at the end of the input.
    /// - Throws: a stream's error, on the call after the block holding the lines read before it.
    public mutating func next() throws -> LineBlock? {
        if let error = pendingError {
            pendingError = nil
            finished = true
            throw error
        }
        guard !finished else { return nil }
        var block = LineBlock()
        do {
            while block.storage.count < blockBytes, block.lines.count < blockLines {
                guard let line = try reader.next() else {
                    finished = true
                    break
                }
                block.append(line)
            }
        } catch {
            guard !block.isEmpty else {
                finished = true
                throw error
            }
            pendingError = error
        }
        return block.isEmpty ? nil : block
    }
}
