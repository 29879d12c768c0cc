import Foundation
import GRDB

/// The client list's search box: a card is found by its name, legal name, INN, e-mail or phone,
/// or by one of its people's names, e-mails or phones. Letters match in any case and alphabet;
/// a phone matches however it is written (`+7 (912) 345-67-89`, `8 912 345 67 89`, `9123456789`).
enum ClientLookup {
    /// Lower-case text, as SQLite's own `lower` does only for Latin letters.
    static let lower = DatabaseFunction("lore_lower", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0])?.lowercased()
    }

    /// The digits of a text: how phones are compared.
    static let digits = DatabaseFunction("lore_digits", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map { String($0.unicodeScalars.filter { CharacterSet.decimalDigits.contains($0) && $0.isASCII }) }
    }

    /// A name as people tell two companies apart: no case, quotes, punctuation or legal form
    /// («ООО "Ромашка"» and «Ромашка, ООО» are one name).
    static let nameKey = DatabaseFunction("lore_name_key", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(key(ofName:))
    }

    static func key(ofName name: String) -> String {
        let legalForms: Set<String> = ["ооо", "оао", "зао", "пао", "ао", "ип", "нко", "llc", "ltd", "inc", "gmbh", "co"]
        return name.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { !legalForms.contains($0) }.joined(separator: " ")
    }

    static func register(_ db: Database) {
        db.add(function: lower)
        db.add(function: digits)
        db.add(function: nameKey)
    }

    /// The condition for cards that may be the same client as `draft`: the same INN, an e-mail
    /// or phone in common, or the same name but for case, quotes and legal form.
    static func sameClient(as draft: ClientDraft) -> SQL {
        var alternatives: [SQL] = []
        let inn = draft.inn.trimmingCharacters(in: .whitespaces)
        if !inn.isEmpty { alternatives.append("client.inn = \(inn)") }
        let nameKey = key(ofName: draft.name)
        if !nameKey.isEmpty { alternatives.append("lore_name_key(client.name) = \(nameKey)") }
        for email in draft.emails.split(whereSeparator: { ",; \n".contains($0) }) where email.contains("@") {
            alternatives.append("lore_lower(client.emails) LIKE \("%" + email.lowercased() + "%")")
        }
        for phone in draft.phones.split(whereSeparator: { ",;\n".contains($0) }) {
            if let digits = phoneDigits(String(phone)) { alternatives.append("lore_digits(client.phones) LIKE \("%" + digits + "%")") }
        }
        guard !alternatives.isEmpty else { return "0" }
        return "(" + alternatives.joined(separator: " OR ") + ")"
    }

    /// A LIKE pattern (with `ESCAPE '\\'`) for text containing `text`, in lowercase.
    static func containing(_ text: String) -> String {
        let words = text.lowercased().trimmingCharacters(in: .whitespaces)
        return "%" + words.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }

    /// The condition for the cards `text` finds.
    static func condition(_ text: String) -> SQL {
        let pattern = containing(text)
        var sql: SQL = """
            (lore_lower(client.name) LIKE \(pattern) ESCAPE '\\' OR lore_lower(client.legalName) LIKE \(pattern) ESCAPE '\\'
             OR lore_lower(client.emails) LIKE \(pattern) ESCAPE '\\'
             OR EXISTS (SELECT 1 FROM clientContact p WHERE p.clientId = client.id
                        AND (lore_lower(p.name) LIKE \(pattern) ESCAPE '\\' OR lore_lower(p.email) LIKE \(pattern) ESCAPE '\\'
            """
        if let phone = phoneDigits(text.trimmingCharacters(in: .whitespaces)) {
            let digits = "%" + phone + "%"
            sql += " OR lore_digits(p.phones) LIKE \(digits)))"
            sql += " OR client.inn LIKE \(phone + "%") OR lore_digits(client.phones) LIKE \(digits))"
        } else {
            sql += ")))"
        }
        return sql
    }

    /// What to look for among phone numbers and INNs: five digits or more, the country's 7 or
    /// trunk 8 of a Russian number left out, as numbers are written either way.
    static func phoneDigits(_ text: String) -> String? {
        guard text.allSatisfy({ $0.isNumber || " +-()".contains($0) }) else { return nil }
        var digits = String(text.filter { $0.isASCII && $0.isNumber })
        guard digits.count >= 5 else { return nil }
        if digits.count == 11, digits.first == "7" || digits.first == "8" { digits.removeFirst() }
        return digits
    }
}
