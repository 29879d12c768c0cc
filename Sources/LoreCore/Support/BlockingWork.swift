import Dispatch
import Foundation

/// Runs CPU-heavy or disk-bound work (bcrypt, on purpose a quarter of a second) on threads of its own, at
/// most `width` at a time. On Swift's cooperative threads, which serve every request, sixteen
/// sign-ins at once stalled each page for seconds; here the waiting ones hold no thread at all.
public actor BlockingWork {
    /// Password hashing: one core is always left to the requests.
    public static let passwords = BlockingWork(width: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
    /// Document conversions (pandoc): one at a time, whatever else waits.
    public static let conversions = BlockingWork(width: 1)
    /// Waits on the disk: an upload's fsync, writing and checking a backup archive.
    public static let files = BlockingWork(width: 2)

    private let width: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(width: Int) {
        self.width = width
    }

    public func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        if running < width {
            running += 1
        } else {
            // The slot is handed over by `finished`, which leaves `running` as it is.
            await withCheckedContinuation { waiting.append($0) }
        }
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
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
