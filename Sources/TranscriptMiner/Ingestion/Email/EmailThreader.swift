import Foundation

/// Collects email messages from any number of inputs and rebuilds their threads: one
/// transcript per thread, emitted by ``finish(emit:)``.
///
/// ```swift
/// // A folder of .eml files as one input set: threads may span files.
/// var threader = EmailThreader(options: EmailReaderOptions(agentDomains: ["examplebank.example"]))
/// for path in emlPaths.sorted() {
///     try threader.addMessage(from: try FileStream(path: path), file: path, emit: handle)
/// }
/// try threader.addMailbox(from: try FileStream(path: "archive.mbox"), file: "archive.mbox", emit: handle)
/// try threader.finish(emit: handle)   // the transcripts, one per thread
/// ```
///
/// **Threads.** Messages are joined when one's `Message-ID` appears in another's
/// `In-Reply-To` or `References` (union-find over ids, so a thread whose root is missing still
/// holds together through a shared reference). Within a thread, turns are ordered by `Date`
/// (messages without one last), ties in input order. The transcript's id is the `Message-ID`
/// (without angle brackets) of the thread's root — its earliest message that answers no other —
/// or, when the root is not in the input, of its earliest message; a message without any id
/// gets `file:line`. `metadata["subject"]` is that message's decoded subject; `createdAt` is the
/// earliest date; the channel is ``Channel/email``. Threads are emitted in the order of their
/// first message in the input. Messages whose cleaned text is empty (only a quote) give no
/// turn, but stay part of their thread.
///
/// **Records.** A rejected message (``IngestionProblem/Code/malformedMessage``, or
/// ``IngestionProblem/Code/duplicateID`` for a second copy of a `Message-ID`) is reported as
/// soon as it is read; repairs too. So for a whole input set, read = threads + rejected
/// messages, and each message is in exactly one of them.
///
/// **Memory.** Raw messages are parsed one at a time and dropped; the threader keeps, per
/// message, only its cleaned text, ids, date, sender and subject: memory is proportional to the
/// number of messages (their text only), not to the size of the mail.
///
/// With ``EmailReaderOptions/threadsMessages`` off, every message is emitted at once as its own
/// transcript and nothing is kept.
/// - Complexity: O(n) to read n bytes; ``finish(emit:)`` is O(m log m + r·α(m)) in the messages
///   m and references r.
public struct EmailThreader: Sendable {
    /// The options.
    public let options: EmailReaderOptions
    private var messages: [EmailMessage] = []
    private var seenIDs: Set<String> = []

    /// Creates an empty threader.
    public init(options: EmailReaderOptions = EmailReaderOptions()) {
        self.options = options
    }

    /// The number of messages held for threading.
    public var messageCount: Int { messages.count }

    /// Reads one message (a `.eml` file) from `stream`.
    ///
    /// A first line `From ` (an mbox separator saved with the message) is skipped. An input of
    /// only whitespace reports a non-rejecting ``IngestionProblem/Code/emptyFile``.
    /// - Parameters:
    ///   - stream: the message's bytes.
    ///   - file: its name for locations (record 1, line 1).
    ///   - emit: receives problems now, and the transcript now when not threading.
    /// - Throws: what `emit` or the stream throws.
    public mutating func addMessage(from stream: ByteStream, file: String, emit: (ReadEvent) throws -> Void) throws {
        let location = SourceLocation(file: file, line: 1, record: 1)
        var bytes: [UInt8] = []
        var overlong = false
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n = try stream.read(into: chunk)
            if n == 0 { break }
            if bytes.count + n > options.maximumMessageBytes {
                overlong = true
                break
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
        }
        if overlong {
            return try emit(.problem(IngestionProblem(.malformedMessage, at: location, "message larger than the limit of \(options.maximumMessageBytes) bytes")))
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return try emit(.problem(IngestionProblem(.emptyFile, at: SourceLocation(file: file), "no message (the file is empty)", isRejection: false)))
        }
        bytes.removeAll { $0 == 0x0D }
        var start = 0
        if let firstLine = bytes.firstIndex(of: 0x0A), MboxSplitter.isSeparator(bytes[..<firstLine]) { start = firstLine + 1 }
        try add(bytes[start...], at: location, emit: emit)
    }

    /// Reads every message of an mbox mailbox from `stream`, one at a time (see
    /// ``MboxSplitter`` for how messages are found). Locations name the message's From_ line
    /// and its number in the mailbox. A mailbox without messages reports a non-rejecting
    /// ``IngestionProblem/Code/emptyFile``.
    /// - Throws: what `emit` or the stream throws.
    public mutating func addMailbox(from stream: ByteStream, file: String, emit: (ReadEvent) throws -> Void) throws {
        var splitter = MboxSplitter(LineReader(stream, maximumLineLength: options.maximumMessageBytes, chunkSize: 1 << 16),
                                    maximumMessageBytes: options.maximumMessageBytes)
        while let message = try splitter.next() {
            let location = SourceLocation(file: file, line: message.line, record: message.record)
            if message.overlong {
                try emit(.problem(IngestionProblem(.malformedMessage, at: location, "message larger than the limit of \(options.maximumMessageBytes) bytes")))
                continue
            }
            try add(message.bytes[...], at: location, emit: emit)
        }
        if splitter.messageCount == 0 {
            try emit(.problem(IngestionProblem(.emptyFile, at: SourceLocation(file: file), "no messages (the mailbox is empty)", isRejection: false)))
        }
    }

    /// Parses one message's bytes and keeps it (or emits it, when not threading).
    mutating func add(_ bytes: ArraySlice<UInt8>, at location: SourceLocation, emit: (ReadEvent) throws -> Void) throws {
        let parser = EmailMessageParser(cleaner: options.cleaner)
        switch parser.parse(bytes, at: location) {
        case .rejected(let problem):
            try emit(.problem(problem))
        case .message(let message, let repairs):
            for repair in repairs { try emit(.problem(repair)) }
            if let id = message.messageID, !seenIDs.insert(id).inserted {
                return try emit(.problem(IngestionProblem(.duplicateID, at: location, "Message-ID already read in this input set; this copy is skipped")))
            }
            if options.threadsMessages {
                messages.append(message)
            } else {
                let (transcript, location) = Self.transcript(of: [message], agentDomains: options.agentDomains)
                try emit(.transcript(transcript, location))
            }
        }
    }

    /// Emits one transcript per thread of the messages added so far, then forgets them (the
    /// threader can be reused for another input set).
    /// - Throws: what `emit` throws.
    public mutating func finish(emit: (ReadEvent) throws -> Void) throws {
        let held = messages
        messages = []
        seenIDs = []
        for thread in Self.threads(of: held) {
            let (transcript, location) = Self.transcript(of: thread.map { held[$0] }, agentDomains: options.agentDomains)
            try emit(.transcript(transcript, location))
        }
    }

    /// The threads of `messages`, as indices in input order within each thread; threads in the
    /// order of their first message.
    static func threads(of messages: [EmailMessage]) -> [[Int]] {
        var union = UnionFind()
        var nodeOfID: [String: Int] = [:]
        func node(_ id: String) -> Int {
            if let existing = nodeOfID[id] { return existing }
            let created = union.makeSet()
            nodeOfID[id] = created
            return created
        }
        var messageNodes: [Int] = []
        messageNodes.reserveCapacity(messages.count)
        for message in messages {
            let own = message.messageID.map(node) ?? union.makeSet()
            for parent in message.parentIDs { union.merge(own, node(parent)) }
            messageNodes.append(own)
        }
        var threadOfRoot: [Int: Int] = [:]
        var threads: [[Int]] = []
        for (index, own) in messageNodes.enumerated() {
            let root = union.find(own)
            if let thread = threadOfRoot[root] {
                threads[thread].append(index)
            } else {
                threadOfRoot[root] = threads.count
                threads.append([index])
            }
        }
        return threads
    }

    /// The transcript of one thread's messages (in input order) and its location.
    static func transcript(of thread: [EmailMessage], agentDomains: [String]) -> (Transcript, SourceLocation) {
        let ordered = thread.indices.sorted { a, b in
            let dateA = thread[a].date ?? .distantFuture, dateB = thread[b].date ?? .distantFuture
            return dateA != dateB ? dateA < dateB : a < b
        }.map { thread[$0] }
        let head = ordered.first { $0.parentIDs.isEmpty } ?? ordered[0]
        let id = head.messageID ?? "\(head.location.file):\(head.location.line ?? 1)"
        let customer = agentDomains.isEmpty ? head.sender : nil
        let turns = ordered.compactMap { message -> Turn? in
            guard !message.text.isEmpty else { return nil }
            let role: Role
            if let sender = message.sender {
                if agentDomains.isEmpty {
                    role = sender == customer ? .customer : .agent
                } else {
                    role = EmailAddress.isAgent(sender, agentDomains: agentDomains) ? .agent : .customer
                }
            } else {
                role = .unknown
            }
            return Turn(role: role, author: message.sender, timestamp: message.date, text: message.text)
        }
        var metadata: [String: String] = [:]
        if let subject = head.subject ?? ordered.lazy.compactMap(\.subject).first { metadata["subject"] = subject }
        let transcript = Transcript(id: id, channel: .email, createdAt: ordered.lazy.compactMap(\.date).first,
                                    turns: turns, metadata: metadata)
        return (transcript, head.location)
    }
}
