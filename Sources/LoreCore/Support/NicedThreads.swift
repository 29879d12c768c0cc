import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Threads of their own at a lower scheduling priority (a higher nice value): work that can
/// keep every core busy for a while — a rush of password checks at nine — gets what requests
/// leave over instead of sharing the cores with them evenly.
final class NicedThreads: Sendable {
    private let jobs = Mutex<[@Sendable () -> Void]>([])
    private let queued = DispatchSemaphore(value: 0)

    init(count: Int, nice: Int32, name: String) {
        for index in 0..<count {
            let thread = Thread { [self] in
                #if canImport(Glibc)
                // On Linux the nice value belongs to a thread: 0 is this one, not the process.
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, nice)
                #endif
                while true {
                    queued.wait()
                    if let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { job() }
                }
            }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    func execute(_ job: @escaping @Sendable () -> Void) {
        jobs.withLock { $0.append(job) }
        queued.signal()
    }
}
