import Dispatch
import Foundation

/// Runs CPU-heavy or disk-bound work (bcrypt, on purpose a quarter of a second) on threads of its own, at
/// most `width` at a time. On Swift's cooperative threads, which serve every request, sixteen
/// sign-ins at once stalled each page for seconds; here the waiting ones hold no thread at all.
public actor BlockingWork {
    /// Password hashing, below requests and on every core but one: reading goes on at full
    /// speed through a rush of sign-ins, which take what is left. A lower priority alone was
    /// not enough on a 2-core virtual machine: with both cores hashing, reads now and then
    /// waited a quarter of a second.
    public static let passwords = BlockingWork(width: max(1, ProcessInfo.processInfo.activeProcessorCount - 1), nice: 10,
                                               name: "lore-passwords")
    /// Document conversions (pandoc): one at a time, whatever else waits.
    public static let conversions = BlockingWork(width: 1)
    /// Waits on the disk: an upload's fsync, writing and checking a backup archive.
    public static let files = BlockingWork(width: 2)

    private let width: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// Its own low-priority threads; nil: Dispatch's.
    private let threads: NicedThreads?

    public init(width: Int, nice: Int32? = nil, name: String = "lore-work") {
        self.width = width
        threads = nice.map { NicedThreads(count: width, nice: $0, name: name) }
    }

    public func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        if running < width {
            running += 1
        } else {
            // The slot is handed over by `finished`, which leaves `running` as it is.
            await withCheckedContinuation { waiting.append($0) }
        }
        let result = await withCheckedContinuation { continuation in
            let job: @Sendable () -> Void = { continuation.resume(returning: work()) }
            if let threads { threads.execute(job) } else { DispatchQueue.global(qos: .userInitiated).async(execute: job) }
        }
        finished()
        return result
    }

    /// `work` that may throw, rethrowing its error here.
    public func run<Result: Sendable>(throwing work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await run { Swift.Result { try work() } }.get()
    }

    private func finished() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
