/// The layout of a user lexicon file: one entry per line, columns separated by TAB; blank lines
/// and lines starting with `#` are skipped.
///
/// | format | columns | valence |
/// |---|---|---|
/// | ``valence`` | `term`, `mean` [, `# note`] or VADER's `term`, `mean`, `stddev`, `[ratings…]` | the mean, a number in −4…4 |
/// | ``afinn`` | `term`, `integer` | the integer in −5…5, scaled by 4/5 to VADER's −4…4: `valence = 0.8 × score` (so AFINN's ±5 is ±4, its ±1 is ±0.8) |
/// | ``automatic`` | either | ``afinn`` when the file name contains "afinn" (any case), or when every entry has exactly two columns, every value is an integer and at least one is ±5 (impossible in the valence format); ``valence`` otherwise |
///
/// ```swift
/// let lexicon = try SentimentLexicon(parsing: "meh\t-0.6\n", format: .valence)
/// ```
public enum SentimentLexiconFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// Decide per file (see the table).
    case automatic = "auto"
    /// `term TAB mean-valence`, with or without VADER's standard deviation and ratings columns,
    /// or with a `# note` column (the built-in lexicon's format).
    case valence = "vader"
    /// AFINN: `term TAB integer` in −5…5, scaled by 4/5.
    case afinn

    /// The factor from AFINN's −5…5 scale to VADER's −4…4: 0.8.
    public static let afinnScale = 0.8
}
