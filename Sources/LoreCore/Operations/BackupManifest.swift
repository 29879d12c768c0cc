import Foundation

/// The first entry of a backup archive: what it holds and each entry's SHA-256, so that a
/// restore can tell a complete, undamaged archive from anything else before touching data.
public struct BackupManifest: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public let name: String
        public let size: Int
        public let sha256: String
    }

    public static let name = "manifest.json"
    public static let databaseName = "lore.sqlite"
    public static let currentFormat = 1

    public var format: Int
    public var createdAt: Date
    public var articles: Int
    public var clients: Int
    public var entries: [Entry]
    /// Files the database names that were not on disk when the backup was made.
    public var missingFiles: [String]

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
