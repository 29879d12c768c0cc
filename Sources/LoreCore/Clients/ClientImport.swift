import Foundation
import GRDB

/// Imports client cards from a CSV file as Excel or Google Sheets save it: UTF-8 with or
/// without a byte order mark or Windows-1251, comma or semicolon. First a preview with every
/// problem and duplicate; then the import, all or nothing, in one transaction.
public struct ClientImport: Sendable {
    /// A larger file is not a client list; it is refused before it is read.
    public static let maxBytes = 2 << 20

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// `mapping` overrides the columns' fields by position (nil: recognised from the headers);
    /// `decisions` say, by line, what to do with rows that duplicate a card (default: skip).
    public func preview(_ bytes: [UInt8], mapping: [ClientColumn?]? = nil, decisions: [Int: ImportPreview.Decision] = [:],
                        for principal: Principal) async throws -> ImportPreview {
        let policy = AccessPolicy(principal)
        try policy.requireClients(.clientsEdit)
        return try await database.reader.read { db in
            try Self.preview(bytes, mapping: mapping, decisions: decisions, policy: policy, db).preview
        }
    }

    /// Imports the file if its preview has no problems; otherwise throws ``ImportRejected`` and writes nothing.
    public func commit(_ bytes: [UInt8], mapping: [ClientColumn?]? = nil, decisions: [Int: ImportPreview.Decision] = [:],
                       for principal: Principal) async throws -> ImportResult {
        let policy = AccessPolicy(principal)
        try policy.requireClients(.clientsEdit)
        let author = try principal.authorId()
        return try await database.writer.write { db in
            let (preview, parsed) = try Self.preview(bytes, mapping: mapping, decisions: decisions, policy: policy, db)
            guard preview.canImport else { throw ImportRejected(preview: preview) }
            let writer = ClientWriter(db: db, authorId: author)
            var result = ImportResult()
            for (row, entry) in zip(preview.rows, parsed) {
                switch (row.decision, row.duplicate?.slug) {
                case (.skip, _):
                    result.skipped += 1
                case (.merge, let slug?):
                    try Self.merge(entry, into: slug, writer, policy)
                    result.merged += 1
                default:
                    let client = try writer.insert(entry.client)
                    if let contact = entry.contact { _ = try writer.addContact(contact, to: client) }
                    result.created += 1
                }
            }
            try AuditLog.record(.clientsImported, by: principal,
                                subject: "\(result.created) created, \(result.merged) merged, \(result.skipped) skipped", db)
            return result
        }
    }

    // MARK: Reading the file

    /// One row read into drafts.
    struct Entry {
        var client: ClientDraft
        var contact: ContactDraft?
    }

    private static func preview(_ bytes: [UInt8], mapping chosen: [ClientColumn?]?, decisions: [Int: ImportPreview.Decision],
                                policy: AccessPolicy, _ db: Database) throws -> (preview: ImportPreview, entries: [Entry]) {
        let (encoding, read) = SpreadsheetFile.read(bytes)
        let table: CSVTable
        switch read {
        case .success(let read): table = read
        case .failure(let problem):
            return (ImportPreview(encoding: encoding, delimiter: ",", header: [], mapping: [], samples: [], rows: [], fileProblems: [problem]), [])
        }
        let schema = try ClientSchema.load(db)
        let mapping = chosen.map { Array($0.prefix(table.header.count)) + Array(repeating: nil, count: max(0, table.header.count - $0.count)) }
            ?? table.header.map(schema.column(named:))
        var fileProblems: [ImportPreview.FileProblem] = []
        if !mapping.contains(.client("name")) { fileProblems.append(.noNameColumn) }
        for column in schema.columns where mapping.filter({ $0 == column }).count > 1 { fileProblems.append(.columnTwice(column)) }
        let samples = table.header.indices.map { index in table.rows.lazy.map { $0[index] }.first { !$0.isEmpty } ?? "" }
        let rows = table.rows.filter { !$0.isBlank }
        let reader = try ImportRowReader(policy: policy, schema: schema, db: db)
        var seen = ImportRowReader.Seen()
        var previewRows: [ImportPreview.Row] = []
        var entries: [Entry] = []
        for row in rows {
            let values = Dictionary(mapping.enumerated().compactMap { index, column in column.map { ($0, row[index]) } }) { first, _ in first }
            let (entry, problems) = try reader.read(values)
            let duplicate = try reader.duplicate(of: entry, line: row.line, seen: &seen)
            var decision = decisions[row.line] ?? (duplicate == nil ? .create : .skip)
            if decision == .merge, duplicate?.slug == nil { decision = duplicate == nil ? .create : .skip }
            previewRows.append(.init(line: row.line, name: entry.client.name, problems: decision == .skip ? [:] : problems,
                                     duplicate: duplicate, decision: decision))
            entries.append(entry)
        }
        let preview = ImportPreview(encoding: encoding, delimiter: table.delimiter, header: table.header, mapping: mapping,
                                    samples: samples, rows: previewRows, fileProblems: fileProblems, schema: schema)
        return (preview, entries)
    }

    /// Fills the card's empty fields from the row, adds its tags, and adds its contact unless
    /// the card has someone of that name already. What the card holds is never overwritten.
    private static func merge(_ entry: Entry, into slug: String, _ writer: ClientWriter, _ policy: AccessPolicy) throws {
        let stored = try policy.requireClient(slug: slug, .clientsEdit, writer.db)
        var draft = ClientDraft(stored)
        let incoming = entry.client
        // The heading's fields (name, kind, status, tags) say what the card is: never taken from a row.
        for field in try ClientSchema.load(writer.db).client where !field.inHeading && draft[field.key].isEmpty {
            draft[field.key] = incoming[field.key]
        }
        let tags = (draft.tags + "," + incoming.tags).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        draft.tags = tags.joined(separator: ", ")
        let client = try writer.update(stored, with: draft)
        let present = try ClientContact.filter(Column("clientId") == client.id).fetchAll(writer.db).map { ImportRowReader.nameKey($0.name) }
        if let contact = entry.contact, !present.contains(ImportRowReader.nameKey(contact.name)) {
            _ = try writer.addContact(contact, to: client)
        }
    }
}
