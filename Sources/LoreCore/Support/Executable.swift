import Foundation

/// Programs Lore runs beside itself (pandoc, litestream), found as a shell would find them.
public enum Executable {
    /// The first executable called `name` on the PATH, or nil.
    public static func named(_ name: String) -> URL? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
