/// The stopword lists that ship with the tokenizer.
///
/// Two lists, kept separate so users can opt out of either:
/// - ``english``: function words of English.
/// - ``supportConversation``: the small talk of support conversations — greetings, thanks,
///   politeness and sign-offs — that every transcript has and no theme is about.
///
/// Negations (`no`, `not`, `never`, `can't`, `didn't`, …) are deliberately *not* stopwords:
/// in support text they carry the pain ("card not arrived", "didn't receive"), and phrases
/// need them.
public enum Stopwords {
    /// English function words: articles, pronouns, auxiliaries, prepositions, conjunctions,
    /// and common adverbs, with and without apostrophes (`i'm`, `im`).
    public static let english = StopwordList(name: "english", entries: englishWords)

    /// Greetings, thanks, politeness and sign-offs of support conversations.
    public static let supportConversation = StopwordList(name: "support-conversation", entries: supportWords)

    private static let englishWords: [String] = """
        a about above after against all also am an and any are as at be because been before being \
        below between both but by can could did do does doing down during each else ever few for from further \
        had has have having he he'd he'll he's her here here's hers herself him himself his how how's i i'd \
        i'll i'm i've id ill im ive if in into is it it's its itself just let's me might more most must my myself \
        of off on once only or other ought our ours ourselves out over own same shall she she'd she'll she's \
        should so some such than that that's the their theirs them themselves then there there's these they \
        they'd they'll they're they've this those through to too under until up upon us very was we we'd we'll \
        we're we've were what what's when when's where where's which while who who's whom why why's will with \
        would you you'd you'll you're you've your yours yourself yourselves youre ive thats theres whats \
        yet etc via per may shall also either neither whether whose within without onto toward towards \
        among amongst across along around behind beside besides beyond inside outside since though although \
        unless whereas wherever whenever however therefore thus hence meanwhile otherwise anyway anyhow \
        really quite rather somewhat just even
        """.split(separator: " ").map(String.init)

    private static let supportWords: [String] = """
        hi hello hey hiya heya dear greetings morning afternoon evening \
        thanks thank thankyou thx tks ty tysm appreciate appreciated cheers \
        please pls plz kindly \
        regards sincerely yours respectfully warmly \
        sir madam mr mrs ms miss \
        ok okay k kk alright sure yes yeah yep great awesome cool \
        sorry apologies apologize apologise \
        bye goodbye cya \
        um uh hmm erm
        """.split(separator: " ").map(String.init)
}
