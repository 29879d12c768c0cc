import Foundation
import GRDB

/// Purchases from a spreadsheet (an export of orders from the accounting system): each row names
/// the client by INN or by name, with a date, an amount and optionally a currency and a note.
/// First a preview with every problem by line, then an all-or-nothing import; a row already
/// logged (same card, day, amount, currency and note) is skipped, so a file can be loaded again.
public struct PurchaseImport: Sendable {
    public enum Column: String, Sendable, CaseIterable {
        case client, inn, date, amount, currency, note

        /// Header names people use, lowercased.
        var names: [String] {
            switch self {
            case .client: ["client", "клиент", "контрагент", "покупатель", "название", "name", "customer"]
            case .inn: ["inn", "инн", "tax id"]
            case .date: ["date", "дата", "дата заказа", "дата покупки", "дата документа"]
            case .amount: ["amount", "сумма", "сумма заказа", "итого", "total", "sum"]
            case .currency: ["currency", "валюта"]
            case .note: ["note", "комментарий", "примечание", "документ", "заказ", "order", "comment"]
            }
        }
    }

    public struct Row: Sendable {
        public let line: Int
        /// The card the row goes to, by name; what the file says when none was found.
        public let client: String
        public let slug: String?
        /// Problems by column.
        public let problems: [Column: ValidationError.Problem]
        public let alreadyLogged: Bool
    }

    public struct Preview: Sendable {
        public let encoding: TextDecoding.Encoding
        public let rows: [Row]
        public let fileProblems: [ImportPreview.FileProblem]
        /// Columns the file lacks: the amount, and the client's name or INN.
        public let missing: [Column]

        public var problemCount: Int { fileProblems.count + missing.count + rows.reduce(0) { $0 + $1.problems.count } }
        public var canImport: Bool { problemCount == 0 && rows.contains { !$0.alreadyLogged } }
    }

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public func preview(_ bytes: [UInt8], for principal: Principal) async throws -> Preview {
        let policy = AccessPolicy(principal)
        try policy.requireClients(.clientsEdit)
        return try await database.reader.read { db in try Self.read(bytes, policy: policy, db).preview }
    }

    /// Logs every row not logged already; throws ``PurchaseImportRejected`` and writes nothing when any row has a problem.
    public func commit(_ bytes: [UInt8], for principal: Principal) async throws -> (added: Int, skipped: Int) {
        let policy = AccessPolicy(principal)
        try policy.requireClients(.clientsEdit)
        let author = try principal.authorId()
        return try await database.writer.write { db in
            let (preview, purchases) = try Self.read(bytes, policy: policy, db, author: author)
            guard preview.canImport else { throw PurchaseImportRejected(preview: preview) }
            for var purchase in purchases { try purchase.insert(db) }
            let skipped = preview.rows.count - purchases.count
            try AuditLog.record(.purchasesImported, by: principal, subject: "\(purchases.count) added, \(skipped) already logged", db)
            return (purchases.count, skipped)
        }
    }

    private static func read(_ bytes: [UInt8], policy: AccessPolicy, _ db: Database, author: Int64 = 0) throws -> (preview: Preview, purchases: [Purchase]) {
        let (encoding, read) = SpreadsheetFile.read(bytes)
        let table: CSVTable
        switch read {
        case .success(let read): table = read
        case .failure(let problem): return (Preview(encoding: encoding, rows: [], fileProblems: [problem], missing: []), [])
        }
        let positions = Dictionary(table.header.enumerated().compactMap { index, header in
            let name = header.trimmingCharacters(in: .whitespaces).lowercased()
            return Column.allCases.first { $0.names.contains(name) }.map { ($0, index) }
        }) { first, _ in first }
        let missing = [positions[.amount] == nil ? Column.amount : nil,
                       positions[.client] == nil && positions[.inn] == nil ? Column.client : nil].compactMap { $0 }
        guard missing.isEmpty else { return (Preview(encoding: encoding, rows: [], fileProblems: [], missing: missing), []) }

        // Only cards the importer may change take purchases.
        let cards = try Client.filter(Client.live).filter(policy.readableClients()).fetchAll(db)
        let byINN = Dictionary(cards.filter { !$0.inn.isEmpty }.map { ($0.inn, $0) }) { first, _ in first }
        let byName = Dictionary(cards.map { (ClientLookup.key(ofName: $0.name), $0) }) { first, _ in first }
        let stored: SQLRequest<Purchase> = """
            SELECT purchase.* FROM purchase JOIN client ON client.id = purchase.clientId
            WHERE client.deletedAt IS NULL AND \(policy.readableClients())
            """
        var logged = Set(try stored.fetchAll(db).map(Self.identity))
        var rows: [Row] = [], purchases: [Purchase] = []
        for row in table.rows where !row.isBlank {
            func value(_ column: Column) -> String {
                positions[column].flatMap { $0 < row.fields.count ? row.fields[$0] : nil }?.trimmingCharacters(in: .whitespaces) ?? ""
            }
            let name = value(.client), inn = value(.inn)
            let card = inn.isEmpty ? byName[ClientLookup.key(ofName: name)] : byINN[inn] ?? byName[ClientLookup.key(ofName: name)]
            var problems: [Column: ValidationError.Problem] = [:]
            if card == nil { problems[inn.isEmpty ? .client : .inn] = name.isEmpty && inn.isEmpty ? .required : .notFound }
            var draft = PurchaseDraft()
            draft.date = value(.date)
            draft.amount = value(.amount)
            draft.currency = value(.currency)
            draft.note = value(.note)
            var purchase: Purchase?
            do {
                purchase = try draft.purchase(of: card?.id ?? 0, by: author)
            } catch let error as ValidationError {
                for (field, problem) in error.fields { if let column = Column(rawValue: field) { problems[column] = problem } }
            }
            let repeated = purchase.map { card != nil && !logged.insert(Self.identity($0)).inserted } ?? false
            if let purchase, problems.isEmpty, !repeated { purchases.append(purchase) }
            rows.append(Row(line: row.line, client: card?.name ?? (name.isEmpty ? inn : name), slug: card?.slug, problems: problems,
                            alreadyLogged: repeated))
        }
        return (Preview(encoding: encoding, rows: rows, fileProblems: [], missing: []), purchases)
    }

    /// What makes two purchases the same one.
    private static func identity(_ purchase: Purchase) -> String {
        "\(purchase.clientId)|\(purchase.date)|\(purchase.amount)|\(purchase.currency)|\(purchase.note)"
    }
}

/// The spreadsheet has problems: no purchase was logged. The preview says what they are.
public struct PurchaseImportRejected: Error, Sendable {
    public let preview: PurchaseImport.Preview
}
