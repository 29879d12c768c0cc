import Foundation
import GRDB

/// An order or purchase logged on a card: what the analysis of who buys how often and how much
/// (``ClientAnalysis``) is made of.
public struct Purchase: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var clientId: Int64
    /// `YYYY-MM-DD`.
    public var date: String
    /// In hundredths (kopecks, cents): money is never a floating-point number.
    public var amount: Int64
    public var currency: String
    public var note: String
    public var createdById: Int64
    public var createdAt: Date

    public static let databaseTableName = "purchase"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    static func createTable(_ db: Database) throws {
        try db.create(table: databaseTableName) { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("client", onDelete: .cascade).notNull()
            t.column("date", .text).notNull()
            t.column("amount", .integer).notNull()
            t.column("currency", .text).notNull()
            t.column("note", .text).notNull()
            t.belongsTo("createdBy", inTable: "user").notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "purchase_client", on: databaseTableName, columns: ["clientId", "date"])
    }
}

/// A purchase as typed: `12 500,50` or `12500.5`, a day, a currency (RUB unless said).
public struct PurchaseDraft: Sendable, Equatable {
    public var date = ""
    public var amount = ""
    public var currency = ""
    public var note = ""

    public init() {}

    public static let defaultCurrency = "RUB"

    func purchase(of clientId: Int64, by author: Int64, now: Date = Date()) throws -> Purchase {
        var v = Validator()
        let day = v.day("date", date) ?? (date.trimmingCharacters(in: .whitespaces).isEmpty ? DayDate(now).iso : nil)
        if let day, let parsed = DayDate(iso: day), parsed > DayDate(now) { v.add("date", .invalidDate) }
        let cents = Self.cents(amount)
        if amount.trimmingCharacters(in: .whitespaces).isEmpty { v.add("amount", .required) } else if cents == nil { v.add("amount", .invalidNumber) }
        let code = currency.trimmingCharacters(in: .whitespaces).uppercased()
        if !code.isEmpty, code.count != 3 || !code.allSatisfy({ $0.isASCII && $0.isLetter }) { v.add("currency", .invalidText) }
        let note = v.text("note", note, required: false, maxBytes: FieldKind.shortText)
        try v.check()
        return Purchase(id: nil, clientId: clientId, date: day ?? DayDate(now).iso, amount: cents ?? 0,
                        currency: code.isEmpty ? Self.defaultCurrency : code, note: note, createdById: author, createdAt: now)
    }

    /// Hundredths from `12 500,50`, `12500.5` or `12 500`; nil for anything else, negative or absurd.
    static func cents(_ text: String) -> Int64? {
        let cleaned = text.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" }.replacingOccurrences(of: ",", with: ".")
        guard let match = cleaned.wholeMatch(of: /(\d{1,12})(?:\.(\d{1,2}))?/), let whole = Int64(match.1) else { return nil }
        let fraction = match.2.map { String($0).padding(toLength: 2, withPad: "0", startingAt: 0) }.flatMap { Int64($0) } ?? 0
        return whole * 100 + fraction
    }
}
