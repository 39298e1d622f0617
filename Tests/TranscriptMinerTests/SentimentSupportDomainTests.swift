import Testing
import TranscriptMiner

/// The language of support conversations, which general-purpose scorers get wrong.
@Suite("Sentiment: support-domain language")
struct SentimentSupportDomainTests {
    let session = SentimentScorer().makeSession()

    func label(_ text: String) -> SentimentScore.Label { session.score(text).label }

    @Test(arguments: ["No problem", "no problem at all, thanks", "No complaints", "Not bad", "Resolved, thank you", "That fixed it",
                      "It works now", "works now"])
    func positive(_ text: String) { #expect(label(text) == .positive, "\(text): \(session.score(text).compound)") }

    @Test(arguments: ["Kindly advise", "Please advise", "Kindly check the status of the transfer", "Please advise on the next steps"])
    func neutral(_ text: String) { #expect(label(text) == .neutral, "\(text): \(session.score(text).compound)") }

    @Test(arguments: ["I was charged twice", "Still waiting", "Still waiting for my refund", "Cancel my account",
                      "I want you to cancel my account"])
    func negative(_ text: String) { #expect(label(text) == .negative, "\(text): \(session.score(text).compound)") }

    @Test func amplifiersDeepenFrustrationOnly() {
        let pairs = [("The card was declined", "The card was declined again"),
                     ("The card was declined", "This is the third time the card was declined"),
                     ("The payment failed", "Yet another payment failed"),
                     ("It is broken", "It is still broken")]
        for (plain, amplified) in pairs {
            #expect(session.score(amplified).compound < session.score(plain).compound, "\(amplified)")
        }
        // Not negative by themselves, and they leave positive clauses alone.
        for text in ["still", "again", "third time", "yet another"] { #expect(session.score(text).compound == 0, "\(text)") }
        #expect(session.score("It still works great").compound == session.score("It works great").compound)
        #expect(session.score("Great again").compound == session.score("Great").compound)
        // Only in their clause.
        #expect(session.score("Still here, the card was declined").compound == session.score("Here, the card was declined").compound)
    }
}
