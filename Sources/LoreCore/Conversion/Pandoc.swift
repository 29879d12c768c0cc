import Foundation

/// Debian's `pandoc`, run as a separate process with a time and a memory limit: a hostile or
/// broken document costs at most that much of one process, never the server's memory or threads (it runs on
/// ``BlockingWork/conversions``). `make run` and `make test` install it.
public enum Pandoc {
    public static let timeLimit: TimeInterval = 30
    /// pandoc's heap, through its runtime's options: a small document that unpacks to a
    /// huge one (a zip bomb) stops here instead of taking the machine's memory.
    static let memoryLimit = "512m"

    public struct Failed: Error, Sendable, Equatable {
        public enum Reason: Sendable, Equatable {
            /// `pandoc` is not installed on the server.
            case missing
            case tookTooLong
            /// pandoc refused the document: its first line of complaint.
            case refused(String)
        }

        public let reason: Reason
    }

    /// The installed pandoc, or nil.
    public static var executable: URL? { Executable.named("pandoc") }

    /// Runs pandoc with `arguments` in `folder`, off the request threads.
    static func run(_ arguments: [String], in folder: URL) async throws {
        try await BlockingWork.conversions.run { try runWaiting(arguments, in: folder) }
    }

    /// Runs pandoc and waits for it: only on a thread of ``BlockingWork/conversions``.
    static func runWaiting(_ arguments: [String], in folder: URL) throws {
        guard let executable else { throw Failed(reason: .missing) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["+RTS", "-M\(memoryLimit)", "-RTS"] + arguments
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw Failed(reason: .missing) }
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: deadline)
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        if process.terminationReason == .uncaughtSignal { throw Failed(reason: .tookTooLong) }
        guard process.terminationStatus == 0 else {
            let line = String(decoding: complaint.prefix(500), as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            throw Failed(reason: .refused(line))
        }
    }
}
