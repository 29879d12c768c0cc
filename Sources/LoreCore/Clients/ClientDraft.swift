import Foundation
import GRDB

/// A client card as a person typed it. ``apply(to:_:)`` checks every field and reports all
/// problems at once, so the form comes back with everything typed kept and each problem marked.
public struct ClientDraft: Sendable, Equatable {
    public var name = ""
    public var kind = ClientKind.company.rawValue
    public var status = ClientStatus.lead.rawValue
    public var segment = ""
    public var source = ""
    public var frequency = ""
    /// A user id as text; empty for nobody.
    public var manager = ""
    public var legalName = ""
    public var inn = ""
    public var kpp = ""
    public var ogrn = ""
    public var legalAddress = ""
    public var bankDetails = ""
    public var address = ""
    public var phones = ""
    public var emails = ""
    public var website = ""
    public var officeHours = ""
    public var preferences = ""
    /// Comma-separated.
    public var tags = ""
    public var notes = ""

    public init() {}

    public init(_ client: Client) {
        name = client.name
        kind = client.kind.rawValue
        status = client.status.rawValue
        segment = client.segment
        source = client.source
        frequency = client.frequency
        manager = client.managerId.map(String.init) ?? ""
        legalName = client.legalName
        inn = client.inn
        kpp = client.kpp
        ogrn = client.ogrn
        legalAddress = client.legalAddress
        bankDetails = client.bankDetails
        address = client.address
        phones = client.phones
        emails = client.emails
        website = client.website
        officeHours = client.officeHours
        preferences = client.preferences
        tags = client.tags.joined(separator: ", ")
        notes = client.notes
    }

    /// Every field by the name forms and merges use.
    public static var fields: [(name: String, path: WritableKeyPath<ClientDraft, String>)] { [
        ("name", \.name), ("kind", \.kind), ("status", \.status), ("segment", \.segment), ("source", \.source),
        ("frequency", \.frequency), ("manager", \.manager), ("legalName", \.legalName), ("inn", \.inn), ("kpp", \.kpp),
        ("ogrn", \.ogrn), ("legalAddress", \.legalAddress), ("bankDetails", \.bankDetails), ("address", \.address),
        ("phones", \.phones), ("emails", \.emails), ("website", \.website), ("officeHours", \.officeHours),
        ("preferences", \.preferences), ("tags", \.tags), ("notes", \.notes),
    ] }

    /// The text fields an import may fill when a card has them empty.
    static var mergeableFields: [WritableKeyPath<ClientDraft, String>] {
        [
        \.segment, \.source, \.frequency, \.manager, \.legalName, \.inn, \.kpp, \.ogrn, \.legalAddress, \.bankDetails,
        \.address, \.phones, \.emails, \.website, \.officeHours, \.preferences, \.notes,
        ]
    }

    static let shortText = 300
    static let longText = 4_000
    static let notesLimit = 100_000

    /// Writes the checked values into `client`; throws ``ValidationError`` naming every bad field.
    func apply(to client: inout Client, _ db: Database) throws {
        var v = Validator()
        client.name = v.text("name", name, maxBytes: Self.shortText)
        if Slug.make(from: client.name).isEmpty, !client.name.isEmpty { v.add("name", .invalidText) }
        client.kind = v.choice("kind", kind, ClientKind.self) ?? client.kind
        client.status = v.choice("status", status, ClientStatus.self) ?? client.status
        client.segment = v.text("segment", segment, required: false, maxBytes: Self.shortText)
        client.source = v.text("source", source, required: false, maxBytes: Self.shortText)
        client.frequency = v.optionalChoice("frequency", frequency, PurchaseFrequency.self)
        // A manager who has left stays on the card until someone picks another.
        let keptManager = client.managerId.map(String.init) == manager.trimmingCharacters(in: .whitespaces) && client.id != nil
        client.managerId = keptManager ? client.managerId : try v.user("manager", manager, db)
        client.legalName = v.text("legalName", legalName, required: false, maxBytes: Self.shortText)
        client.inn = v.requisite("inn", inn, RussianRequisites.isValidINN)
        client.kpp = v.requisite("kpp", kpp, RussianRequisites.isValidKPP)
        client.ogrn = v.requisite("ogrn", ogrn, RussianRequisites.isValidOGRN)
        client.legalAddress = v.text("legalAddress", legalAddress, required: false, maxBytes: Self.longText)
        client.bankDetails = v.text("bankDetails", bankDetails, required: false, maxBytes: Self.longText)
        client.address = v.text("address", address, required: false, maxBytes: Self.longText)
        client.phones = v.list("phones", phones, valid: ContactFormat.isValidPhone, problem: .invalidPhone)
        client.emails = v.list("emails", emails, valid: ContactFormat.isValidEmail, problem: .invalidEmail)
        client.website = v.text("website", website, required: false, maxBytes: Self.shortText)
        if !client.website.isEmpty, !ContactFormat.isValidWebsite(client.website) { v.add("website", .invalidWebsite) }
        client.officeHours = v.text("officeHours", officeHours, required: false, maxBytes: Self.shortText)
        client.preferences = v.text("preferences", preferences, required: false, maxBytes: Self.longText)
        client.tags = v.tags("tags", tags)
        client.notes = v.text("notes", notes, required: false, maxBytes: Self.notesLimit)
        try v.check()
    }
}

extension Validator {
    /// One of an enumeration's raw values.
    mutating func choice<Value: RawRepresentable<String>>(_ field: String, _ text: String, _: Value.Type) -> Value? {
        let value = Value(rawValue: text.trimmingCharacters(in: .whitespaces))
        if value == nil { add(field, .notFound) }
        return value
    }

    /// One of an enumeration's raw values, or empty.
    mutating func optionalChoice<Value: RawRepresentable<String>>(_ field: String, _ text: String, _: Value.Type) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "" }
        return choice(field, trimmed, Value.self)?.rawValue ?? trimmed
    }

    /// An active user's id, or nil for none.
    mutating func user(_ field: String, _ text: String, _ db: Database) throws -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let id = Int64(trimmed), try User.filter(key: id).filter(Column("isActive") == true).fetchCount(db) == 1 else {
            add(field, .notFound)
            return nil
        }
        return id
    }

    /// A Russian requisite (tax ID and the like): optional, but checked when given.
    mutating func requisite(_ field: String, _ text: String, _ isValid: (String) -> Bool) -> String {
        let value = self.text(field, text, required: false, maxBytes: 32)
        if !value.isEmpty, !isValid(value) { add(field, .invalidRequisite) }
        return value
    }

    /// A field holding several values (phones, e-mails), each of which must be well formed.
    /// Kept as typed, one per line, so a person's own order and notes survive.
    mutating func list(_ field: String, _ text: String, required: Bool = false, valid: (String) -> Bool,
                       problem: ValidationError.Problem) -> String {
        let value = self.text(field, text, required: required, maxBytes: ClientDraft.shortText * 4)
        let items = ContactFormat.list(value)
        if items.contains(where: { !valid($0) }) { add(field, problem) }
        return items.joined(separator: ", ")
    }

    mutating func tags(_ field: String, _ text: String) -> [String] {
        let value = self.text(field, text, required: false, maxBytes: ClientDraft.longText)
        var seen = Set<String>()
        return value.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    mutating func day(_ field: String, _ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let day = DateInput.parseDay(trimmed) else {
            add(field, .invalidDate)
            return nil
        }
        return day.iso
    }
}
