/// Builds the text that themes are computed from, one document per transcript.
///
/// By default a document is the transcript's public customer turns: agent turns are mostly
/// greetings, macros and questions back, and would pull every theme towards the same
/// boilerplate. With ``roles`` set to every role, agent text is included too, and canned
/// lines — macros, bot prompts and signatures repeated across many transcripts, found by
/// ``cannedLines`` in the turns of ``cannedLineRoles`` — are removed from every document, so
/// they cannot dominate themes.
///
/// ```swift
/// let documents = ThemeDocumentBuilder().build(transcripts)
/// let (model, matrix) = try await TFIDFVectorizer().fitTransform(documents.texts)
/// ```
public struct ThemeDocumentBuilder: Sendable, Hashable {
    /// The roles whose turns make the document. Default: the customer only.
    public var roles: Set<Role>
    /// Whether help-desk internal notes count. Default `false`.
    public var includesPrivateTurns: Bool
    /// How canned lines are found, or `nil` to keep every clause. Default: a
    /// ``CannedLineDetector`` with its defaults.
    public var cannedLines: CannedLineDetector?
    /// The roles whose turns are searched for canned lines and stripped of them. Default: every
    /// role but the customer — customers do not paste macros, and many customers asking the same
    /// short question in the same words is a theme, not boilerplate.
    public var cannedLineRoles: Set<Role>

    /// Creates a builder; the defaults are documented on each property.
    public init(roles: Set<Role> = [.customer], includesPrivateTurns: Bool = false,
                cannedLines: CannedLineDetector? = CannedLineDetector(),
                cannedLineRoles: Set<Role> = Set(Role.allCases).subtracting([.customer])) {
        self.roles = roles
        self.includesPrivateTurns = includesPrivateTurns
        self.cannedLines = cannedLines
        self.cannedLineRoles = cannedLineRoles
    }

    /// The documents of `transcripts`, in order (an empty string for a transcript without
    /// matching turns).
    /// - Complexity: O(total text length): one pass to find canned lines, one to strip them.
    public func build(_ transcripts: some TranscriptCollection) -> ThemeDocuments {
        func turns(_ index: Int) -> [Turn] {
            transcripts[index].turns.filter { roles.contains($0.role) && (includesPrivateTurns || $0.isPublic) }
        }
        let searched = roles.intersection(cannedLineRoles)
        let canned = searched.isEmpty ? .none : cannedLines?.detect(transcriptCount: transcripts.count) { index in
            turns(index).compactMap { searched.contains($0.role) ? $0.text : nil }
        } ?? .none
        if canned.isEmpty {
            // Nothing to strip: each document is its turns joined, made again whenever it is read.
            let (roles, includesPrivateTurns) = (roles, includesPrivateTurns)
            let texts = DocumentTexts(count: transcripts.count) { transcripts.text(at: $0, of: roles, includingPrivate: includesPrivateTurns) }
            return ThemeDocuments(texts: texts, cannedLines: canned, removedClauseCount: 0)
        }
        var removed = 0
        var texts = TextColumn()
        texts.reserveCapacity(transcripts.count)
        for index in transcripts.indices {
            var parts: [String] = []
            for turn in turns(index) {
                guard searched.contains(turn.role) else {
                    parts.append(turn.text)
                    continue
                }
                let stripped = canned.stripping(turn.text)
                removed += stripped.removed
                parts.append(stripped.text)
            }
            texts.append(parts.joined(separator: "\n"))
        }
        return ThemeDocuments(texts: DocumentTexts(texts), cannedLines: canned, removedClauseCount: removed)
    }
}

/// The documents made by a ``ThemeDocumentBuilder`` and what was removed from them.
public struct ThemeDocuments: Sendable {
    /// One document per transcript, in the transcripts' order: held compactly, or made from the
    /// transcripts when read (see ``DocumentTexts``).
    public var texts: DocumentTexts
    /// The canned lines found (empty when detection was off).
    public var cannedLines: CannedLines
    /// How many canned clause occurrences were removed.
    public var removedClauseCount: Int
}
