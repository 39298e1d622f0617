/// The constants and word lists of the sentiment rules: negators, boosters and dampeners, the
/// frustration amplifiers of support conversations, and the scalars of Hutto & Gilbert's VADER.
///
/// The scalars are the published ones (C. J. Hutto and E. Gilbert, "VADER: A Parsimonious
/// Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM 2014); the word lists
/// are the project's own. Words are written as the analysis chain produces them (case-folded,
/// straight apostrophes).
///
/// ```swift
/// SentimentRules.negationScalar          // -0.74
/// SentimentRules.isNegator("doesn't")    // true: any word ending in "n't"
/// SentimentRules.boosters["slightly"]    // -0.293, a dampener
/// ```
public enum SentimentRules {
    /// What a negator does to the valence of a sentiment word at most
    /// ``negationScope`` words after it: `valence × −0.74` (VADER's `N_SCALAR`).
    public static let negationScalar = -0.74
    /// How many words before a sentiment word are searched for negators and boosters: 3.
    public static let negationScope = 3
    /// The valence a booster adds (a dampener removes) at distance 1, in the direction of the
    /// word's valence: 0.293 (VADER's `B_INCR`). At distance 2 it is × 0.95, at distance 3 × 0.9.
    public static let boosterIncrement = 0.293
    /// Added in the direction of the valence of a sentiment word written in capitals (at least two
    /// letters, all upper case) when the text also has words that are not: 0.733 (`C_INCR`).
    public static let capitalsIncrement = 0.733
    /// Added to the sum per exclamation mark, at most ``maximumExclamationMarks``: 0.292.
    public static let exclamationIncrement = 0.292
    /// Exclamation marks counted: 4.
    public static let maximumExclamationMarks = 4
    /// Added per question mark when a text has 2 or 3 of them: 0.18; 4 or more add 0.96.
    public static let questionIncrement = 0.18
    /// The emphasis of 4 or more question marks: 0.96.
    public static let maximumQuestionEmphasis = 0.96
    /// Sentiment before a contrastive "but" (in the same sentence) is × 0.5; after it × 1.5.
    public static let butBefore = 0.5
    /// See ``butBefore``.
    public static let butAfter = 1.5
    /// "never so good", "never this bad": the valence is × 1.25, not negated.
    public static let neverSoScalar = 1.25
    /// The normalisation constant α of the compound score: `sum / sqrt(sum² + α)`: 15.
    public static let compoundAlpha = 15.0
    /// A frustration amplifier makes every negative valence in its clause more negative by this
    /// much (one booster step), counting at most ``maximumAmplifiers`` amplifiers per clause.
    public static let amplifierIncrement = 0.293
    /// Amplifiers counted per clause: 2.
    public static let maximumAmplifiers = 2
    /// Elongated words ("soooo", "loooove") matched after collapsing the repeated letters get one
    /// booster step of emphasis: 0.293.
    public static let elongationIncrement = 0.293

    /// Words that negate the sentiment words after them (besides every word ending in "n't").
    public static let negators: Set<String> = [
        "not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor", "nope", "nah",
        "without", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent",
        "wont", "wouldnt", "shouldnt", "couldnt", "hasnt", "havent", "hadnt", "aint", "mustnt",
        "neednt", "shant", "mightnt", "rarely", "seldom", "despite", "uh-uh", "uhuh", "noone",
    ]

    /// Whether `word` negates: a listed negator or a contraction ending in "n't".
    public static func isNegator(_ word: String) -> Bool {
        negators.contains(word) || word.utf8.count > 3 && word.hasSuffix("n't")
    }

    /// Boosters (positive) and dampeners (negative): the valence step they add to the sentiment
    /// word they qualify. Words that also have a valence of their own ("pretty", "fucking",
    /// "super") act as boosters when a sentiment word follows them, and keep their own valence
    /// otherwise. Two-word dampeners ("kind of", "sort of", "a bit", "a little") are recognised
    /// by the scorer.
    public static let boosters: [String: Double] = {
        let up = [
            "absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly", "deeply", "definitely",
            "effing", "enormously", "entirely", "especially", "exceptionally", "extremely", "fabulously", "flipping",
            "flippin", "freaking", "freakin", "fricking", "frickin", "friggin", "frigging", "fully", "fucking", "fuckin",
            "greatly", "hella", "highly", "hugely", "incredibly", "insanely", "intensely", "majorly", "more", "most",
            "particularly", "purely", "quite", "really", "remarkably", "ridiculously", "seriously", "so", "substantially",
            "super", "thoroughly", "totally", "tremendously", "truly", "uber", "unbelievably", "unusually", "utterly",
            "very", "mega", "damn", "bloody", "pretty", "real", "too", "such", "way", "wicked", "mad", "crazy",
            "terribly", "horribly", "exceedingly", "immensely", "overly", "supremely",
        ]
        let down = [
            "almost", "barely", "hardly", "kinda", "kindof", "less", "little", "marginally", "occasionally", "partly",
            "scarcely", "slightly", "somewhat", "sorta", "sortof", "fairly", "mildly", "moderately", "rather", "a bit",
            "relatively", "reasonably", "partially", "nearly",
        ]
        var table: [String: Double] = [:]
        for word in up { table[word] = boosterIncrement }
        for word in down { table[word] = -boosterIncrement }
        return table
    }()

    /// Phrases that amplify frustration in their clause ("still", "again", "third time",
    /// "yet another"): every negative valence in the clause gets ``amplifierIncrement`` more
    /// negative. They carry no valence of their own, so "still works great" stays positive.
    public static let frustrationAmplifiers: [[String]] = [
        ["still"], ["again"], ["yet", "another"], ["yet", "again"], ["once", "again"], ["third", "time"],
        ["fourth", "time"], ["fifth", "time"], ["tenth", "time"], ["another", "time"], ["every", "time"],
        ["each", "time"], ["multiple", "times"], ["several", "times"], ["many", "times"], ["countless", "times"],
        ["over", "and", "over"], ["keeps"], ["anymore"], ["already"],
    ]
}
