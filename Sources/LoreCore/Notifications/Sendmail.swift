import Foundation

/// Hands messages to the machine's mail transfer agent, as Unix services do: a
/// `sendmail`-compatible program (Debian's `msmtp-mta` relays to the company's SMTP server)
/// reads the message on its standard input.
public struct Sendmail: Sendable {
    /// The program and any arguments of its own, e.g. `/usr/bin/msmtp -C /etc/lore/msmtprc`.
    public let command: [String]

    public init?(commandLine: String) {
        let parts = commandLine.split(separator: " ").map(String.init)
        guard let program = parts.first, FileManager.default.isExecutableFile(atPath: program) else { return nil }
        command = parts
    }

    public static let defaultPath = "/usr/sbin/sendmail"

    public struct Failed: Error, CustomStringConvertible {
        public let description: String
    }

    /// Waits for the program off the request threads; it fails when the program does.
    public func send(_ message: MailMessage) async throws {
        try await Self.work.run { try deliver(message) }
    }

    /// One mail program at a time: e-mail is never urgent enough to take a second thread.
    private static let work = BlockingWork(width: 1)
    private static let timeLimit: TimeInterval = 60

    /// A mail program that exits before reading the whole message must not take the server
    /// with it: the write then fails with EPIPE instead of raising SIGPIPE.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    private func deliver(_ message: MailMessage) throws {
        Self.ignoreBrokenPipes
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        // -i: a line with a single dot does not end the message; the recipient is given
        // explicitly, never read from headers.
        process.arguments = Array(command.dropFirst()) + ["-i", "--", message.to]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw Failed(description: "could not start \(command[0]): \(error.localizedDescription)") }
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.timeLimit, execute: deadline)
        try? input.fileHandleForWriting.write(contentsOf: Data(message.rendered().utf8))
        try? input.fileHandleForWriting.close()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let line = String(decoding: complaint.prefix(500), as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            throw Failed(description: "\(command[0]) exited with \(process.terminationStatus): \(line)")
        }
    }
}
