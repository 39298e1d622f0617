import Foundation
import Synchronization
import Testing
@testable import ThemeCluster

/// The helper threads behind ``ChunkedWork``: regions really run on several threads, one region
/// holds the team at a time (a second caller is refused and runs its work elsewhere), and results
/// never depend on who ran what.
@Suite("Worker team") struct WorkerTeamTests {
    /// Counts the distinct threads that entered a region, and lets a region wait until enough have.
    final class Entrants: @unchecked Sendable {
        private let threads = Mutex<Set<UInt>>([])
        func enter() {
            let me = UInt(pthread_self())
            threads.withLock { _ = $0.insert(me) }
        }
        var count: Int { threads.withLock { $0.count } }
        /// Waits (up to 30 s) until `n` threads have entered; whether they did.
        func await(_ n: Int) -> Bool {
            let deadline = Date().addingTimeInterval(30)
            while count < n && Date() < deadline { usleep(100) }
            return count >= n
        }
    }

    /// Which thread ran each participant of a region.
    final class Seen: @unchecked Sendable {
        private let threads = Mutex<[Int: UInt]>([:])
        func record(_ participant: Int, _ thread: UInt) { threads.withLock { $0[participant] = thread } }
        var value: [Int: UInt] { threads.withLock { $0 } }
    }

    @Test("Participants are numbered: the caller 0, helper i as i + 1, the same thread every region")
    func participantsNumbered() {
        let team = WorkerTeam(helpers: 3)
        var threadOf: [Int: UInt] = [:]
        for region in 0..<4 {
            let seen = Seen()
            let entrants = Entrants()
            let caller = UInt(pthread_self())
            let ran = team.run(helpers: 3, participants: { participant in
                let me = UInt(pthread_self())
                seen.record(participant, me)
                entrants.enter()
                _ = entrants.await(4)
            })
            #expect(ran)
            let numbered = seen.value
            #expect(numbered.keys.sorted() == [0, 1, 2, 3], "region \(region)")
            #expect(numbered[0] == caller, "the caller is participant 0")
            for participant in 1...3 {
                if let earlier = threadOf[participant] { #expect(numbered[participant] == earlier, "helper \(participant) moved") }
                threadOf[participant] = numbered[participant]
            }
        }
    }

    @Test("Chunks split by participant: each runs once, results in order, whatever the number of workers",
          arguments: [1, 2, 3, 4, 7])
    func segments(workers: Int) async {
        for count in [1, 2, 5, 13, 52, 100] {
            let ran = Mutex<[Int]>([])
            let results = await ChunkedWork.map(count: count, chunkSize: 1, workers: workers) { range in
                ran.withLock { $0.append(range.lowerBound) }
                return range.lowerBound * 7
            }
            #expect(results == (0..<count).map { $0 * 7 }, "\(count) chunks, \(workers) workers")
            #expect(ran.withLock { $0.sorted() } == Array(0..<count), "every chunk once: \(count) chunks, \(workers) workers")
        }
    }

    @Test("Shrinking claims cover the rows in order, chunks whole or split inside, small claims last in each share",
          arguments: [1, 2, 3, 8])
    func shrinkingClaims(workers: Int) {
        for count in [0, 1, 255, 256, 1000, 13083] {
            let (claims, segments) = TaskSizing.shrinkingClaims(count: count, chunkSize: 256, workers: workers)
            #expect(claims.first?.lowerBound ?? 0 == 0 && claims.last?.upperBound ?? 0 == count, "\(count) rows")
            #expect(zip(claims, claims.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && !$0.isEmpty }, "contiguous")
            #expect(claims.allSatisfy { ($0.lowerBound / 256) == (($0.upperBound - 1) / 256) || $0.lowerBound % 256 == 0 },
                    "a claim is inside one chunk or whole chunks from a boundary")
            #expect(segments.first == 0 && segments.last == claims.count && zip(segments, segments.dropFirst()).allSatisfy { $0 <= $1 })
            if workers > 1 && count >= 256 * 4 * workers {
                #expect(claims.count > (count + 255) / 256, "the tail chunks are split")
                for s in 0..<workers where segments[s] < segments[s + 1] {
                    #expect(claims[segments[s + 1] - 1].count < claims[segments[s]].count, "share \(s) ends with small claims")
                }
            }
            // Claims shared with their segments: every claim runs once and the results come back in order.
            let results = SharedBuffer<Int>(count: claims.count, repeating: -1), runs = SharedBuffer<Int>(count: claims.count, repeating: 0)
            TeamRegion.run(workers: workers) { member in
                member.forEach(count: claims.count, segmentStarts: segments) { claim in
                    results[claim] = claims[claim].lowerBound
                    runs[claim] += 1
                }
            }
            #expect(results.elements == claims.map(\.lowerBound))
            #expect(runs.elements.allSatisfy { $0 == 1 })
        }
    }

    @Test("A region runs on the caller and on every helper it asks for")
    func helpersJoin() {
        let team = WorkerTeam(helpers: 2)
        for _ in 0..<3 {   // the first region starts the threads; later ones find them polling or parked
            let entrants = Entrants()
            let ran = team.run(helpers: 2) {
                entrants.enter()
                _ = entrants.await(3)   // every participant waits here until all three are in
            }
            #expect(ran)
            #expect(entrants.count == 3)
            usleep(3000)   // longer than the polling window: the next region must wake parked helpers
        }
        for _ in 0..<3 {
            // A helper left out of regions parks and still joins the next region that asks for it.
            for _ in 0..<50 {
                let entrants = Entrants()
                #expect(team.run(helpers: 1) { entrants.enter(); _ = entrants.await(2) })
                #expect(entrants.count == 2, "asked for 1 helper: the caller and one helper")
            }
            usleep(3000)
            let entrants = Entrants()
            #expect(team.run(helpers: 2) { entrants.enter(); _ = entrants.await(3) })
            #expect(entrants.count == 3)
        }
    }

    @Test("A team without helpers, or one busy with another region, refuses and runs nothing")
    func refuses() {
        #expect(!WorkerTeam(helpers: 0).run(helpers: 4) { Issue.record("ran on a team without helpers") })
        let team = WorkerTeam(helpers: 1)
        #expect(!team.run(helpers: 0) { Issue.record("ran with no helper asked for") })
        let inner = Atomic<Int>(-1)
        let ran = team.run(helpers: 1) {
            // Both participants try to start a region inside this one: the team is held.
            let refused = !team.run(helpers: 1) { Issue.record("a second region ran while the first held the team") }
            inner.store(refused ? 1 : 0, ordering: .relaxed)
        }
        #expect(ran)
        #expect(inner.load(ordering: .relaxed) == 1)
        #expect(team.run(helpers: 1) {}, "free again once the region is over")
    }

    @Test("Back-to-back regions: run returns only once every participant has left the work")
    func backToBack() {
        let team = WorkerTeam(helpers: 1)
        let inside = Atomic<Int>(0)
        let entries = Atomic<Int>(0)
        var stragglers = 0
        for region in 0..<20_000 {
            let ran = team.run(helpers: 1) {
                inside.add(1, ordering: .relaxed)
                entries.add(1, ordering: .relaxed)
                if region % 7 == 0 { for _ in 0..<200 { _ = inside.load(ordering: .relaxed) } }
                inside.subtract(1, ordering: .relaxed)
            }
            #expect(ran)
            if inside.load(ordering: .relaxed) != 0 { stragglers += 1 }
            if region % 5_000 == 4_999 { usleep(2_000) }   // let the helper park now and then
        }
        #expect(stragglers == 0, "run returned while a participant was still in the work")
        // The caller enters every region; the helper enters each one at most once.
        #expect(entries.load(ordering: .relaxed) >= 20_000 && entries.load(ordering: .relaxed) <= 40_000)
    }

    @Test("Many short ChunkedWork regions in a row each return every chunk's result")
    func shortRegions() async {
        for round in 0..<5_000 {
            let results = await ChunkedWork.map(count: 8 + round % 5, chunkSize: 1, workers: 2) { $0.lowerBound * 3 }
            if results != (0..<(8 + round % 5)).map({ $0 * 3 }) {
                Issue.record("round \(round): \(results)")
                return
            }
        }
    }

    @Test("ChunkedWork gives the same results from many concurrent callers, with and without the team")
    func concurrentCallers() async {
        let values: [Double] = (0..<50_000).map { (i: Int) -> Double in
            let a = Double(i % 977) * 0.001
            return a + 1 / Double(i + 1)
        }
        let serial = ChunkedWork.chunks(count: values.count, chunkSize: 1000).map { range in
            values[range].reduce(0, +)
        }
        let results = await withTaskGroup(of: [Double].self) { group in
            for caller in 0..<16 {
                group.addTask {
                    await ChunkedWork.map(count: values.count, chunkSize: 1000, workers: 1 + caller % 4) { range in
                        values[range].reduce(0, +)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        let expected: [UInt64] = serial.map { $0.bitPattern }
        for result in results { #expect(result.map { $0.bitPattern } == expected) }
    }
}

/// One region for a loop of steps: units shared and each run once per step, serial steps on the
/// caller seeing every unit's writes, and the same results on any number of workers.
@Suite("Team region") struct TeamRegionTests {
    /// Per step: units 0..<count(step) each add their index into their own slot; a serial step
    /// then sums the slots (on participant 0) and feeds the sum into the next step's count.
    static func run(workers: Int, steps: Int) -> (sums: [Int], runs: [Int], serialParticipants: Set<Int>) {
        final class State: @unchecked Sendable {
            var sums: [Int] = []
            var serialParticipants: Set<Int> = []
            let slots = SharedBuffer<Int>(count: 64, repeating: 0)
            let runs = SharedBuffer<Int>(count: 64, repeating: 0)
        }
        let state = State()
        TeamRegion.run(workers: workers) { member in
            var count = 7
            let index = member.index
            for step in 0..<steps {
                member.forEach(count: count) { unit in
                    state.slots[unit] = unit * (step + 1)
                    state.runs[unit] += 1
                }
                member.serial {
                    state.serialParticipants.insert(index)
                    state.sums.append((0..<count).reduce(0) { $0 + state.slots[$1] })
                    for unit in 0..<count { state.slots[unit] = 0 }
                }
                // Every participant reads the same serial result, so all take the same next step.
                count = [0, 1, 2, 5, 13, 40, 64][state.sums.last! % 7]
            }
        }
        return (state.sums, state.runs.elements, state.serialParticipants)
    }

    @Test("Every unit runs once per step and serial steps see all writes, on 1, 2 and 3 workers")
    func stepsAgree() {
        let reference = Self.run(workers: 1, steps: 300)
        #expect(reference.serialParticipants == [0])
        for workers in [2, 3] {
            let result = Self.run(workers: workers, steps: 300)
            #expect(result.sums == reference.sums, "\(workers) workers")
            #expect(result.runs == reference.runs, "\(workers) workers: a unit ran twice or not at all")
            #expect(result.serialParticipants == [0], "serial steps run on the calling thread only")
        }
    }

    @Test("Inside another region (the team busy) the body runs on the caller alone, with the same results")
    func busyTeamFallsBack() {
        let reference = Self.run(workers: 1, steps: 50)
        let nested = Mutex<[Int]?>(nil)
        let ran = WorkerTeam.shared.run(helpers: 1) {
            let result = Self.run(workers: 2, steps: 50)
            nested.withLock { if $0 == nil { $0 = result.sums } }
        }
        #expect(!ran || nested.withLock { $0 } == reference.sums)
        if WorkerTeam.shared.helperCount == 0 { #expect(!ran) }
    }
}
