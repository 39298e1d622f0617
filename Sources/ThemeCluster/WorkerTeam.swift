import CClusterKernels
import Foundation
import Synchronization

/// A fixed team of helper threads for ``ChunkedWork/map(count:chunkSize:workers:_:)`` and
/// ``TeamRegion``: fork–join regions that cost about a microsecond to start and end instead of a
/// task start and a thread wake-up (`cluster-bench regions` measures it).
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
/// **No lock on the way in or out.** A region is published by one atomic store of a word that
/// holds both its generation number and how many helpers join it; a polling helper that loads the
/// word knows whether it takes part without touching a lock, and the only lines that cross between
/// the cores are that word, the work's own data and the `pending` count. (With a mutex taken by
/// the caller and by each helper in every region, a region on two cores cost about 2.3 µs against
/// 0.2 µs on one; most of the difference was the mutex's cache line going back and forth.) The
/// lock and condition variable serve parked helpers only.
///
/// Invariants:
/// - `job` is written only by the caller that holds `claimed`, before it publishes the region
///   (a releasing store of `published`), and read only by helpers that loaded that word and are
///   among its `joining`; such a helper is counted in `pending`, and the caller changes `job`
///   again only once `pending` is zero. So `job` is never read while it is written.
/// - The caller publishes region g + 1 only after every helper of region g has returned, so a
///   helper counted in a region always finds that region's word (never a later one) and joins it
///   exactly once; a helper left out of regions may skip several.
/// - No lost wake-up: a parking helper sets its `asleep` flag and then reloads `published` (both
///   sequentially consistent, under the lock); the caller stores `published` and then loads the
///   flags of the helpers it asks for (likewise), and broadcasts under the lock if one of them
///   sleeps. One of the two sees the other's store.
final class WorkerTeam: @unchecked Sendable {
    /// The team of the process: one helper per active core but one (the caller is the other).
    static let shared = WorkerTeam(helpers: max(0, defaultWorkerCount - 1))

    /// How long a helper keeps polling for the next region before it parks.
    static let spinDuration: Duration = .milliseconds(1)

    /// The number of helper threads (started on first use).
    let helperCount: Int
    private let claimed = Atomic<Bool>(false)
    /// The current region: its generation number times ``generationUnit`` plus the number of
    /// helpers (indices `0..<joining`) taking part.
    private let published = Atomic<Int>(0)
    private static let generationUnit = 1 << 20
    private let pending = Atomic<Int>(0)
    /// Per helper: parked (or about to park) on `condition`.
    private let asleep: UnsafeMutablePointer<Atomic<Bool>>
    private let condition = NSCondition()
    /// The current region's work (see the invariants).
    private var job: (@Sendable (Int) -> Void)?
    /// The last generation published; touched only by the caller holding `claimed`.
    private var generation = 0
    private var started = false

    init(helpers: Int) {
        helperCount = max(0, helpers)
        asleep = .allocate(capacity: max(helperCount, 1))
        for i in 0..<max(helperCount, 1) { (asleep + i).initialize(to: Atomic(false)) }
    }

    /// Reached only by a team whose threads never started: each helper thread holds its team.
    deinit {
        asleep.deinitialize(count: max(helperCount, 1))
        asleep.deallocate()
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
        let joining = min(helpers, helperCount, Self.generationUnit - 1)
        guard joining > 0 else { return false }
        guard claimed.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return false }
        defer { claimed.store(false, ordering: .releasing) }
        if !started { start() }
        generation += 1
        job = work
        pending.store(joining, ordering: .relaxed)
        published.store(generation * Self.generationUnit + joining, ordering: .sequentiallyConsistent)
        if (0..<joining).contains(where: { asleep[$0].load(ordering: .sequentiallyConsistent) }) {
            condition.lock()
            condition.broadcast()
            condition.unlock()
        }
        work(0)
        var polls = 0
        while pending.load(ordering: .acquiring) > 0 {
            polls += 1
            if polls > 4096 { sched_yield() } else { cck_spin_pause() }
        }
        job = nil   // every helper that read it has returned from it
        return true
    }

    /// Starts the helper threads; called once, by the caller holding `claimed`.
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
            var word = published.load(ordering: .acquiring)
            var polls = 0
            while word / Self.generationUnit == seen {
                polls += 1
                if polls & 4095 != 0 {
                    cck_spin_pause()
                } else {
                    // Every 4,096 polls (some microseconds, with the pauses): give the core to any
                    // other runnable thread (a busy machine, other tasks of this process), and park
                    // once the window is over.
                    sched_yield()
                    if clock.now >= deadline {
                        // Parked until a region this helper joins is published.
                        condition.lock()
                        asleep[index].store(true, ordering: .sequentiallyConsistent)
                        while true {
                            let latest = published.load(ordering: .sequentiallyConsistent)
                            if latest / Self.generationUnit != seen {
                                if index < latest % Self.generationUnit { break }
                                seen = latest / Self.generationUnit
                            }
                            condition.wait()
                        }
                        asleep[index].store(false, ordering: .relaxed)
                        condition.unlock()
                    }
                }
                word = published.load(ordering: .acquiring)
            }
            seen = word / Self.generationUnit
            guard index < word % Self.generationUnit else { continue }
            if let work = job { work(index + 1) }
            pending.subtract(1, ordering: .releasing)
            deadline = clock.now.advanced(by: Self.spinDuration)
        }
    }
}
