import Testing
import TranscriptMiner

/// The rules, one by one, on hand-made texts: each test compares a text with its variant
/// (metamorphic) rather than pinning figures that depend on lexicon values.
@Suite("Sentiment scorer rules")
struct SentimentScorerTests {
    let session = SentimentScorer().makeSession()

    func compound(_ text: String) -> Double { session.score(text).compound }

    @Test func compoundAndSharesAreNormalised() {
        for text in ["The app is great", "This is awful!!!", "Order 42 shipped", "good bad ugly but wonderful :) 😡"] {
            let s = session.score(text)
            #expect((-1...1).contains(s.compound))
            #expect(abs(s.positive + s.neutral + s.negative - 1) < 1e-9, "\(text)")
        }
        #expect(session.score("").isEmpty && session.score("   ").compound == 0)
        // The compound formula: one word of valence v alone is v / sqrt(v² + 15).
        let lexicon = try! SentimentLexicon(parsing: "zork\t2.0\n")
        let single = SentimentScorer(lexicon: lexicon).score("zork")
        #expect(abs(single.compound - 2 / (4.0 + 15).squareRoot()) < 1e-12)
        #expect(abs(single.positive - 1) < 1e-12)
        #expect(SentimentScore.normalize(1e9) == 1 && SentimentScore.normalize(-1e9) == -1)
    }

    @Test func negationFlipsAndDampens() {
        let plain = compound("The service was good")
        #expect(plain > 0)
        for negated in ["The service was not good", "The service wasn't good", "The service was never good",
                        "The service isn’t very good", "Service without anything good", "The service was not at all good"] {
            #expect(compound(negated) < 0, "\(negated)")
        }
        // Scope of 3 words: a negator 4 words back does not reach.
        #expect(compound("not that we ever thought good") > 0)
        // Exactly −0.74 for an adjacent negator.
        let lexicon = try! SentimentLexicon(parsing: "zork\t2.0\n")
        let scorer = SentimentScorer(lexicon: lexicon)
        #expect(abs(scorer.score("not zork").compound - SentimentScore.normalize(2 * -0.74)) < 1e-12)
        // "never so good" is emphasis, not negation; "without doubt" affirms.
        #expect(compound("never so good") > plain)
    }

    @Test func boostersAndDampenersDecayWithDistance() {
        let lexicon = try! SentimentLexicon(parsing: "zork\t2.0\n")
        let scorer = SentimentScorer(lexicon: lexicon)
        func sum(_ text: String) -> Double {
            let c = scorer.score(text).compound
            return c * 15.0.squareRoot() / (1 - c * c).squareRoot()   // invert the normalisation
        }
        #expect(abs(sum("very zork") - 2.293) < 1e-9)
        #expect(abs(sum("very xx zork") - (2 + 0.293 * 0.95)) < 1e-9)
        #expect(abs(sum("very xx yy zork") - (2 + 0.293 * 0.9)) < 1e-9)
        #expect(abs(sum("slightly zork") - 1.707) < 1e-9)
        #expect(compound("extremely bad") < compound("bad"))
        #expect(compound("kind of good") < compound("good") && compound("kind of good") > 0)
        // A booster word with a valence of its own is a booster before a sentiment word.
        #expect(compound("It's fucking great") > compound("It's great"))
        #expect(compound("fucking idiots") < compound("idiots"))
    }

    @Test func contrastiveBut() {
        let lexicon = try! SentimentLexicon(parsing: "zork\t2.0\nblah\t-2.0\n")
        let scorer = SentimentScorer(lexicon: lexicon)
        // 2 × 0.5 − 2 × 1.5 = −2.
        #expect(abs(scorer.score("zork but blah").compound - SentimentScore.normalize(-2)) < 1e-12)
        #expect(compound("The staff were friendly but the wait was horrible") < 0)
        #expect(compound("The wait was horrible but the staff were lovely") > 0)
        // Per sentence: a "but" does not reach into the next sentence.
        #expect(compound("Great app. Slow but works") > compound("Slow but works"))
    }

    @Test func capitalsAddEmphasisInMixedCase() {
        #expect(compound("The app is GREAT") > compound("The app is great"))
        #expect(compound("The app is AWFUL") < compound("The app is awful"))
        // All capitals everywhere is not emphasis of one word.
        #expect(abs(compound("THE APP IS GREAT") - compound("the app is great")) < 1e-12)
        // Single letters ("I") are not words in capitals.
        #expect(abs(compound("I love it") - compound("i love it")) < 1e-12)
    }

    @Test func exclamationAndQuestionMarks() {
        let one = compound("Great!"), three = compound("Great!!!"), many = compound("Great!!!!!!!!")
        #expect(compound("Great") < one && one < three && three < many)
        #expect(abs(many - compound("Great!!!!")) < 1e-12)   // at most 4 count
        #expect(compound("Broken again??") < compound("Broken again?"))
        #expect(compound("Order 42 !!!") == 0)   // no sentiment, nothing to emphasise
    }

    @Test func emoticonsAndEmoji() {
        #expect(compound("see you tomorrow :)") > 0)
        #expect(compound("see you tomorrow :-(") < 0)
        #expect(compound("see you tomorrow :D") > compound("see you tomorrow :)"))
        #expect(compound("I <3 this") > 0)
        #expect(compound("delivered today 😍") > 0)
        #expect(compound("delivered today 😡") < compound("delivered today"))
        #expect(abs(compound("👍🏽") - compound("👍")) < 1e-12)   // skin tones do not matter
        #expect(compound("ok :).") > compound("ok"))   // trailing punctuation after an emoticon
    }

    @Test func idiomsAndPhrasesWinOverTheirWords() {
        #expect(compound("I can't wait") > 0)
        #expect(compound("top-notch service") > 0)
        #expect(compound("That did the trick") > 0)
    }

    @Test func leastAndNo() {
        #expect(compound("the least helpful agent") < 0)
        #expect(compound("at least helpful") > 0)
        #expect(compound("no good") < 0)
        // "no" before a comma does not negate the next clause.
        #expect(compound("No, I love it") > 0)
    }

    @Test func elongatedWords() {
        #expect(compound("I loooove it") > compound("I love it"))
        #expect(compound("soooo bad") < compound("bad"))
    }

    @Test func handlesURLsAndPlaceholdersCarryNoSentiment() {
        for text in ["@united", "@love @happy", "https://great.example.com/love", "love@example.com", "[EMAIL] [PHONE] <url>",
                     "#A-1234 ORD-2024-0042", "42 1,234.56"] {
            let s = session.score(text)
            #expect(s.compound == 0 && s.positive == 0 && s.negative == 0, "\(text)")
        }
        #expect(compound("@united lost my bag") == compound("lost my bag"))
        #expect(compound("@united lost my bag") < 0)
        // Hashtags are words.
        #expect(compound("#fail") < 0)
    }

    @Test func sessionsAgreeAndScorerIsReusable() {
        let texts = ["Great!", "not bad", "charged twice :(", "THE WORST. but ok"]
        let other = SentimentScorer().makeSession()
        for text in texts { #expect(session.score(text) == other.score(text)) }
        #expect(SentimentScorer().score("Great!") == session.score("Great!"))
    }
}
