extension Transcript {
    /// The transcript as a theme analysis reads it: the text of the turns of `roles` and of
    /// unknown-role turns (the fallback of sentiment and documents) kept, every other turn's text
    /// emptied but the turn kept (turn indices, roles, visibility and counts stay as they were, so
    /// exemplar turn numbers still point into the source), authors and timestamps dropped, and no
    /// metadata or scores. ``ThemeReportJob`` holds transcripts this way: agent turns, timestamps
    /// and metadata are most of a transcript's memory.
    ///
    /// ``contentHash`` changes with it: take the hash before compacting.
    /// - Complexity: O(turns).
    public func keepingText(of roles: Set<Role>) -> Transcript {
        var copy = Transcript(id: id, channel: channel, createdAt: createdAt, turns: [])
        copy.turns.reserveCapacity(turns.count)
        for turn in turns {
            let keeps = roles.contains(turn.role) || turn.role == .unknown
            copy.turns.append(Turn(role: turn.role, text: keeps ? turn.text : "", isPublic: turn.isPublic))
        }
        return copy
    }
}
