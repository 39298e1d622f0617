import CClusterKernels
import Foundation
import Synchronization

/// One parallel region for a whole loop of short steps: every participant runs the same body
/// (SPMD, like an OpenMP parallel region), sharing the work of each step through
/// ``Member/forEach(count:_:)`` and running the serial parts between steps on participant 0 while
/// the others wait (``Member/serial(_:)``).
///
/// ```swift
/// TeamRegion.run(workers: 2) { member in
///     for step in 0..<76 {
///         member.serial { pick(step) }                           // the caller's thread, alone
///         member.forEach(count: blocks) { block in score(block) } // shared, then all wait
///     }
/// }
/// ```
///
/// **Why.** A k-means++ step on Banking77 is two parallel passes of 10–20 µs with a little serial
/// work between them. As separate ``ChunkedWork`` regions each pass pays for publishing the work,
/// waking the helper's attention, allocating its claim counters and result slots, and joining, and
/// the serial work between them runs after one join and before the next publish. Inside one region a
/// step boundary is a barrier: one atomic increment per participant and a wait on one cache line.
///
/// **Claims** are the same as ``ChunkedWork``'s: units split into one contiguous segment per
/// participant, each participant claiming its own segment first, then the others' (so it meets the
/// same data in every step). Each claim is an atomic increment of its segment's counter; every
/// participant makes exactly one failed claim per segment and step, so each participant knows where
/// the next step's counters start without resetting them.
///
/// **Fallback.** When the ``WorkerTeam`` is busy with another caller's region (or `workers` is 1),
/// the body runs on the calling thread alone, as a region of one participant: the same units in the
/// same order, so results never depend on it. (Child tasks cannot stand in for the helpers here: a
/// barrier would wait for a task that the cooperative pool may not run.)
///
/// Invariants: every participant calls the same sequence of `forEach`, `serial` and `barrier` steps
/// (the body's control flow may depend only on values every participant sees, such as results of
/// earlier `serial` steps); `arrived` only grows, and after the g-th barrier it is g · participants.
final class TeamRegion: @unchecked Sendable {
    /// The number of participants (the calling thread is participant 0).
    let participants: Int
    /// Barrier arrivals, on a cache line of their own.
    private let arrived: UnsafeMutablePointer<Atomic<Int>>
    /// Segment s's claim counter at `cursors[s * cursorStride]`: one cache line each.
    private let cursors: UnsafeMutablePointer<Atomic<Int>>
    private static var cursorStride: Int { 64 / MemoryLayout<Int>.stride }

    private init(participants: Int) {
        self.participants = max(participants, 1)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 64)
        arrived = raw.bindMemory(to: Atomic<Int>.self, capacity: 1)
        arrived.initialize(to: Atomic(0))
        let lines = UnsafeMutableRawPointer.allocate(byteCount: self.participants * 64, alignment: 64)
        cursors = lines.bindMemory(to: Atomic<Int>.self, capacity: self.participants * Self.cursorStride)
        for i in 0..<(self.participants * Self.cursorStride) { (cursors + i).initialize(to: Atomic(0)) }
    }

    deinit {
        arrived.deinitialize(count: 1)
        UnsafeMutableRawPointer(arrived).deallocate()
        cursors.deinitialize(count: participants * Self.cursorStride)
        UnsafeMutableRawPointer(cursors).deallocate()
    }

    /// Runs `body` on up to `workers` participants at once (the calling thread and helpers of the
    /// ``WorkerTeam``) and returns when every one has returned from it.
    /// - Complexity: `body`'s cost on each participant; O(1) to start and end the region.
    static func run(workers: Int, _ body: @escaping @Sendable (inout Member) -> Void) {
        let helpers = min(max(workers, 1) - 1, WorkerTeam.shared.helperCount)
        if helpers > 0 {
            let region = TeamRegion(participants: helpers + 1)
            let ran = WorkerTeam.shared.run(helpers: helpers, participants: { index in
                var member = Member(region: region, index: index)
                body(&member)
            })
            if ran { return }
        }
        var member = Member(region: TeamRegion(participants: 1), index: 0)
        body(&member)
    }

    /// One participant's view of the region: who it is and where the shared counters stand.
    struct Member {
        let region: TeamRegion
        /// 0 for the calling thread.
        let index: Int
        /// Barriers passed.
        private var barriers = 0
        /// Where each segment's counter stood when the current step began.
        private var bases: [Int]

        fileprivate init(region: TeamRegion, index: Int) {
            self.region = region
            self.index = index
            bases = [Int](repeating: 0, count: region.participants)
        }

        /// The number of participants.
        var participants: Int { region.participants }

        /// Waits until every participant has arrived here.
        mutating func barrier() {
            barriers += 1
            guard region.participants > 1 else { return }
            region.arrived[0].add(1, ordering: .acquiringAndReleasing)
            wait(until: barriers * region.participants)
        }

        /// Runs `body` on participant 0 once every participant has arrived, then lets them all go
        /// on: what `body` wrote is visible to every participant afterwards.
        mutating func serial(_ body: () -> Void) {
            barriers += 1
            let participants = region.participants
            guard participants > 1 else { return body() }
            if index == 0 {
                wait(until: (barriers - 1) * participants + participants - 1)
                body()
                region.arrived[0].add(1, ordering: .acquiringAndReleasing)
            } else {
                region.arrived[0].add(1, ordering: .acquiringAndReleasing)
                wait(until: barriers * participants)
            }
        }

        /// Runs `body` on every unit of `0..<count`, shared among the participants (each claims
        /// from its own segment first), then waits for all of them (a barrier): afterwards every
        /// unit's writes are visible to every participant.
        mutating func forEach(count: Int, _ body: (Int) -> Void) {
            forEach(count: count, segmentStarts: nil, body)
        }

        /// ``forEach(count:_:)`` with the participants' segments given: participant p starts with
        /// units `segmentStarts[p]..<segmentStarts[p + 1]` (so work split into claims of uneven
        /// size still gives each participant the same rows every time:
        /// ``TaskSizing/shrinkingClaims(count:chunkSize:workers:tailChunks:pieces:)``). Segments
        /// that do not fit (`participants + 1` non-decreasing boundaries from 0 to `count`) are
        /// replaced by even ones; they only decide who starts where, never a result.
        mutating func forEach(count: Int, segmentStarts: [Int]?, _ body: (Int) -> Void) {
            let participants = region.participants
            guard participants > 1 else {
                for unit in 0..<count { body(unit) }
                barriers += 1
                return
            }
            let given = segmentStarts.flatMap {
                $0.count == participants + 1 && $0.first == 0 && $0.last == count && zip($0, $0.dropFirst()).allSatisfy { $0 <= $1 }
                    ? $0 : nil
            }
            for step in 0..<participants {
                let segment = (index + step) % participants
                let start = given?[segment] ?? segment * count / participants
                let end = given?[segment + 1] ?? (segment + 1) * count / participants
                let cursor = region.cursors + segment * TeamRegion.cursorStride
                while true {
                    let unit = start + cursor[0].wrappingAdd(1, ordering: .relaxed).oldValue - bases[segment]
                    guard unit < end else { break }
                    body(unit)
                }
                // Every participant fails exactly once per segment: the counter ends the step at
                // base + units + participants.
                bases[segment] += end - start + participants
            }
            barrier()
        }

        /// Spins until `arrived` reaches `target`.
        private func wait(until target: Int) {
            var polls = 0
            while region.arrived[0].load(ordering: .acquiring) < target {
                polls += 1
                if polls & 4095 == 0 { sched_yield() } else { cck_spin_pause() }
            }
        }
    }
}
