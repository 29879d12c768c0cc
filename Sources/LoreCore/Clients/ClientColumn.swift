/// A column of a client spreadsheet, as exported and as recognised on import. Headers are
/// matched case-insensitively against the English and Russian names people actually use.
public enum ClientColumn: String, Sendable, CaseIterable {
    case name, kind, status, segment, source, frequency, manager, legalName, inn, kpp, ogrn, legalAddress, bankDetails,
         address, phones, emails, website, officeHours, preferences, tags, notes,
         contactName, contactPosition, contactPhone, contactEmail

    /// The header written on export (English; the importer reads it back).
    public var header: String {
        switch self {
        case .name: "Name"
        case .kind: "Kind"
        case .status: "Status"
        case .segment: "Segment"
        case .source: "Source"
        case .frequency: "Buys"
        case .manager: "Manager"
        case .legalName: "Legal name"
        case .inn: "INN"
        case .kpp: "KPP"
        case .ogrn: "OGRN"
        case .legalAddress: "Legal address"
        case .bankDetails: "Bank details"
        case .address: "Address"
        case .phones: "Phones"
        case .emails: "Emails"
        case .website: "Website"
        case .officeHours: "Office hours"
        case .preferences: "Preferences"
        case .tags: "Tags"
        case .notes: "Notes"
        case .contactName: "Contact"
        case .contactPosition: "Contact position"
        case .contactPhone: "Contact phone"
        case .contactEmail: "Contact email"
        }
    }

    /// Other names for the column, lowercased.
    var aliases: [String] {
        switch self {
        case .name: ["название", "наименование", "клиент", "компания", "client", "company"]
        case .kind: ["тип", "type"]
        case .status: ["статус", "стадия"]
        case .segment: ["сегмент", "отрасль"]
        case .source: ["источник"]
        case .frequency: ["частота", "частота покупок", "frequency"]
        case .manager: ["менеджер", "ответственный", "responsible"]
        case .legalName: ["полное наименование", "юридическое название", "юр. название", "full legal name"]
        case .inn: ["инн", "tax id"]
        case .kpp: ["кпп"]
        case .ogrn: ["огрн", "огрнип"]
        case .legalAddress: ["юридический адрес", "юр. адрес"]
        case .bankDetails: ["банковские реквизиты", "реквизиты", "bank"]
        case .address: ["адрес", "фактический адрес", "адрес офиса", "office address"]
        case .phones: ["телефон", "телефоны", "phone"]
        case .emails: ["email", "e-mail", "почта", "эл. почта", "электронная почта"]
        case .website: ["сайт", "site", "web"]
        case .officeHours: ["часы работы", "режим работы", "hours"]
        case .preferences: ["предпочтения"]
        case .tags: ["теги", "метки", "tag"]
        case .notes: ["заметки", "примечание", "примечания", "комментарий", "comment", "note"]
        case .contactName: ["контакт", "контактное лицо", "contact name", "contact person"]
        case .contactPosition: ["должность", "position"]
        case .contactPhone: ["телефон контакта", "телефон контактного лица"]
        case .contactEmail: ["email контакта", "почта контакта", "e-mail контакта"]
        }
    }

    /// The column a header names, if any.
    static func matching(_ header: String) -> ClientColumn? {
        let key = header.trimmingCharacters(in: .whitespaces).lowercased()
        return allCases.first { $0.header.lowercased() == key || $0.rawValue.lowercased() == key }
            ?? allCases.first { $0.aliases.contains(key) }
    }
}
