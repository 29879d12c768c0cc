import Foundation

/// Where a server keeps its continuous copy off the machine: Litestream streams the database's
/// write-ahead log to `<location>/db`, and Lore copies each uploaded file, named by its digest,
/// to a folder (`<location>/files` when the location is a folder).
public struct Replica: Sendable {
    /// The database's replica as Litestream takes it: `file:///…/db` or `s3://bucket/path/db`.
    public let databaseURL: String
    /// The uploaded files' copy, laid out as the data directory's `files/`.
    public let files: FileStore

    public enum Problem: Error, CustomStringConvertible, Equatable {
        /// A bucket holds the database only: Litestream does not carry files.
        case filesNeedFolder(String)
        case empty

        public var description: String {
            switch self {
            case .filesNeedFolder(let location):
                "Litestream streams only the database to \(location). Give --replica-files FOLDER too (a disk off this machine, or the bucket mounted), for the uploaded files."
            case .empty:
                "The replica's location is empty: give a folder (/mnt/standby/lore) or a bucket (s3://bucket/lore)."
            }
        }
    }

    /// `location` is a folder (a path or `file://` address) or an address Litestream knows
    /// (`s3://`, `gs://`, `abs://`, `sftp://`); `filesFolder` overrides where files go.
    public init(location: String, filesFolder: String? = nil) throws(Problem) {
        let trimmed = location.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .empty }
        let folder: URL?
        if trimmed.hasPrefix("file://") {
            folder = URL(fileURLWithPath: String(trimmed.dropFirst("file://".count)), isDirectory: true)
        } else if trimmed.contains("://") {
            folder = nil
        } else {
            folder = URL(fileURLWithPath: trimmed, isDirectory: true)
        }
        if let folder {
            databaseURL = "file://" + folder.standardizedFileURL.appendingPathComponent("db").path
        } else {
            databaseURL = (trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed) + "/db"
        }
        guard let filesRoot = filesFolder.map({ URL(fileURLWithPath: $0, isDirectory: true) }) ?? folder?.appendingPathComponent("files", isDirectory: true)
        else { throw .filesNeedFolder(trimmed) }
        files = FileStore(root: filesRoot.standardizedFileURL)
    }
}
