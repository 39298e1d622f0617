import Testing
import TranscriptMiner

@Suite("Sentiment per transcript and trajectory")
struct SentimentTrajectoryTests {
    let session = SentimentScorer().makeSession()

    @Test func customerTurnsOnlyAndTheirMean() {
        let transcript = Transcript(id: "t1", turns: [
            Turn(role: .agent, text: "Sorry for the terrible experience!"),
            Turn(role: .customer, text: "I was charged twice"),
            Turn(role: .agent, text: "Refunded, wonderful news"),
            Turn(role: .customer, text: "That fixed it, thanks!"),
            Turn(role: .customer, text: "   "),
            Turn(role: .customer, text: "internal: awful customer", isPublic: false),
        ])
        let result = session.score(transcript)
        let first = session.score("I was charged twice"), last = session.score("That fixed it, thanks!")
        #expect(result.turnsScored == 2)
        #expect(abs(result.score.compound - (first.compound + last.compound) / 2) < 1e-12)
        #expect(abs(result.score.positive + result.score.neutral + result.score.negative - 1) < 1e-9)
        let trajectory = try! #require(result.trajectory)
        #expect(trajectory.start == first.compound && trajectory.end == last.compound)
        #expect(trajectory.endsBetter && !trajectory.endsWorse)
    }

    @Test func endsWorseIsDefinedPrecisely() {
        #expect(SentimentTrajectory(start: 0.5, end: -0.5, turns: 2).endsWorse)
        #expect(!SentimentTrajectory(start: 0.5, end: 0.46, turns: 2).endsWorse)   // within the neutral band
        #expect(!SentimentTrajectory(start: 0.5, end: -0.5, turns: 1).endsWorse)  // one turn: no trajectory
        let worse = Transcript(id: "w", turns: [Turn(role: .customer, text: "Hi, thanks for the quick reply"),
                                                Turn(role: .customer, text: "Still waiting. This is useless")])
        #expect(session.score(worse).trajectory?.endsWorse == true)
    }

    @Test func noCustomerTurns() {
        let agentOnly = Transcript(id: "a", turns: [Turn(role: .agent, text: "Great news!")])
        let result = session.score(agentOnly)
        #expect(result.turnsScored == 0 && result.trajectory == nil && result.score == .empty)
        // Sources without roles: unknown turns are scored.
        let unknown = Transcript(id: "u", turns: [Turn(role: .unknown, text: "Great news!")])
        #expect(session.score(unknown).turnsScored == 1)
    }
}
