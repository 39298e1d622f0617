import CClusterKernels
import Foundation
import Synchronization

/// A fixed team of helper threads for ``ChunkedWork/map(count:chunkSize:workers:_:)``: fork–join
/// regions that cost about a microsecond to start instead of a task start and a thread wake-up.
///
/// K-means on a small corpus runs hundreds of parallel steps of 20–100 µs each (a k-means++ step,
/// an assignment pass, a centroid update); waking a sleeping thread for each one costs tens of
/// microseconds and a kernel round trip, which made 2 workers barely faster than 1 on Banking77.
/// Like an OpenMP runtime, the team keeps its threads polling a generation counter for
/// ``spinDuration`` after each region they worked in (yielding the core every few microseconds),
/// so the next region starts at once, and only then parks them on a condition variable (no CPU
/// while idle).
///
/// **One region at a time.** A caller claims the whole team or, when another region (from another
/// task) holds it, gets `false` and runs its work some other way; so concurrent callers never wait
/// for each other here. The caller is a participant: it runs `work` itself and then waits for the
/// helpers that joined to return from it (bounded by one chunk of their work, since helpers run on
/// threads of their own, outside Swift's cooperative pool).
///
/// **Determinism** is not this type's business: ``ChunkedWork`` hands out chunks through an atomic
/// counter and keeps each result in its chunk's slot, so which thread ran a chunk never matters.
///
/// Invariants: `job`, `jobGeneration` and `joining` change together under `condition`'s lock, and
/// `generation` (which polling helpers watch without the lock) is stored to `jobGeneration` just
/// after it is released; a helper reads the three together under the lock, remembers the
/// `jobGeneration` it read, and so joins a region at most once; `pending` counts the helpers that
/// joined the current region and have not returned from its work, and the caller returns only
/// when it is zero.
final class WorkerTeam: @unchecked Sendable {
    /// The team of the process: one helper per active core but one (the caller is the other).
    static let shared = WorkerTeam(helpers: max(0, defaultWorkerCount - 1))

    /// How long a helper keeps polling for the next region before it parks.
    static let spinDuration: Duration = .milliseconds(1)

    /// The number of helper threads (started on first use).
    let helperCount: Int
    private let claimed = Atomic<Bool>(false)
    private let generation = Atomic<Int>(0)
    private let pending = Atomic<Int>(0)
    private let condition = NSCondition()
    /// The current region's work and how many helpers (indices `0..<joining`) take part.
    private var job: (@Sendable (Int) -> Void)?
    private var joining = 0
    /// The generation `job` belongs to (`generation` reaches it just after the lock is released).
    private var jobGeneration = 0
    private var sleepers = 0
    private var started = false

    init(helpers: Int) {
        helperCount = max(0, helpers)
    }

    /// Runs `work` on the calling thread and on up to `helpers` helper threads at once, and
    /// returns when every participant has returned from it; `false` (having run nothing) when
    /// the team has no helpers or another region holds it.
    /// - Complexity: O(1) to start and end a region besides `work`.
    func run(helpers: Int, _ work: @escaping @Sendable () -> Void) -> Bool {
        run(helpers: helpers, participants: { _ in work() })
    }

    /// ``run(helpers:_:)`` telling each participant who it is: the caller is participant 0 and
    /// helper thread i is participant i + 1, the same thread in every region (so work split by
    /// participant finds its data in that thread's caches again).
    /// - Complexity: O(1) to start and end a region besides `work`.
    func run(helpers: Int, participants work: @escaping @Sendable (_ participant: Int) -> Void) -> Bool {
        let joining = min(helpers, helperCount)
        guard joining > 0 else { return false }
        guard claimed.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return false }
        defer { claimed.store(false, ordering: .releasing) }
        condition.lock()
        if !started { start() }
        let next = generation.load(ordering: .relaxed) + 1
        job = work
        jobGeneration = next
        self.joining = joining
        pending.store(joining, ordering: .relaxed)
        if sleepers > 0 { condition.broadcast() }
        condition.unlock()
        // Polling helpers see the new generation only now, with the lock free: bumping it while
        // holding the lock would send them to sleep on the mutex (a futex wait and a wake-up
        // per region, which is what the team is there to avoid).
        generation.store(next, ordering: .releasing)
        work(0)
        var polls = 0
        while pending.load(ordering: .acquiring) > 0 {
            polls += 1
            if polls > 4096 { sched_yield() } else { cck_spin_pause() }
        }
        condition.lock()
        job = nil
        condition.unlock()
        return true
    }

    /// Starts the helper threads; called once, under the lock.
    private func start() {
        started = true
        for index in 0..<helperCount {
            let thread = Thread { [self] in helperLoop(index) }
            thread.stackSize = 8 << 20
            thread.name = "ThemeCluster worker \(index + 1)"
            thread.start()
        }
    }

    /// A helper's life: wait for a region it joins (polling for ``spinDuration`` after the last
    /// one it worked in, then parked), run its work, repeat. A helper outside a region's
    /// `joining` count (a caller that asked for fewer workers) skips it without resetting its
    /// polling window, so it parks and burns no CPU while such regions run.
    private func helperLoop(_ index: Int) {
        let clock = ContinuousClock()
        var seen = 0
        var deadline = clock.now.advanced(by: Self.spinDuration)
        while true {
            var polls = 0
            var parks = false
            // `<=`, not `==`: a helper may have read a job under the lock before its generation
            // was stored, so `seen` can be one ahead of `generation` for a moment.
            while generation.load(ordering: .acquiring) <= seen {
                polls += 1
                guard polls & 4095 == 0 else {
                    cck_spin_pause()
                    continue
                }
                // Every 4,096 polls (some microseconds, with the pauses): give the core to any other
                // runnable thread (a busy machine, other tasks of this process), and park once the
                // window is over.
                sched_yield()
                if clock.now >= deadline {
                    parks = true
                    break
                }
            }
            condition.lock()
            if parks {
                // Parked until a region this helper joins is published. `jobGeneration`, `joining`
                // and `sleepers` are read and written under the lock, so a region published after
                // this check sees the sleeper and broadcasts.
                while jobGeneration == seen || index >= joining {
                    seen = jobGeneration
                    sleepers += 1
                    condition.wait()
                    sleepers -= 1
                }
            }
            // The region whose job is published (possibly one newer than the generation seen).
            seen = jobGeneration
            let work = index < joining ? job : nil
            condition.unlock()
            if let work {
                work(index + 1)
                pending.subtract(1, ordering: .releasing)
                deadline = clock.now.advanced(by: Self.spinDuration)
            }
        }
    }
}
