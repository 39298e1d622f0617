/// A fast, approximate clause splitter for finding repeated text: a clause ends at a line break,
/// or after `.`, `!`, `?`, `…`, `,`, `;`, `:` or `。！？，` (with any closing quotes or brackets)
/// followed by white space or the end of the text. Leading and trailing white space is trimmed;
/// empty clauses are skipped. The clauses are substrings of the text (their indices are valid in
/// it).
///
/// Clauses rather than sentences because macros open with a name in the same sentence ("Hi Dana,
/// thank you for contacting us."). It is deliberately simpler than ICU's sentence break (which
/// the analysis chain uses for phrases): it only has to cut macros into the same pieces every
/// time they occur.
/// - Complexity: O(n) in the text's length, no allocation.
enum ClauseSplitter {
    static func forEachClause(in text: String, _ body: (Substring) -> Void) {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        var afterTerminator = false
        func emit(upTo end: String.UnicodeScalarView.Index) {
            var lower = start
            var upper = end
            while lower < upper, scalars[lower].properties.isWhitespace { lower = scalars.index(after: lower) }
            while lower < upper, scalars[scalars.index(before: upper)].properties.isWhitespace { upper = scalars.index(before: upper) }
            if lower < upper { body(text[lower..<upper]) }
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            switch scalar {
            case "\n", "\r", "\u{2028}", "\u{2029}":
                emit(upTo: index)
                start = scalars.index(after: index)
                afterTerminator = false
            case ".", "!", "?", ",", ";", ":", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF0C}":
                afterTerminator = true
            case "\"", "'", ")", "]", "\u{201D}", "\u{2019}":
                break
            default:
                if afterTerminator && scalar.properties.isWhitespace {
                    emit(upTo: index)
                    start = index
                }
                afterTerminator = false
            }
            index = scalars.index(after: index)
        }
        emit(upTo: scalars.endIndex)
    }
}
