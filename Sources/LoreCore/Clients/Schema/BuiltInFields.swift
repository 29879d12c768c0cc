/// The built-in fields of a client card and of a person on it — the one place a field is
/// declared. Adding one is a line here, a stored property on the record and a migration.
extension Client: SchemaRecord {
    /// Built once: every draft, form and schema load reads it.
    public static let builtInFields: [SchemaField<Client>] = [
        .init("name", .init(ru: "Название", en: "Name"), .title, .main, \.name, header: "Name",
              aliases: ["название", "наименование", "клиент", "компания", "client", "company"], inHeading: true),
        .init("kind", .init(ru: "Тип", en: "Kind"), .choice(ClientKind.allCases.map(\.rawValue), labels: "client_kind", optional: false), .main,
              header: "Kind", aliases: ["тип", "type"], importValues: [
                  "компания": "company", "организация": "company", "юрлицо": "company", "частное лицо": "person", "физлицо": "person",
                  "ип": "person", "person": "person", "company": "company",
              ], inHeading: true, defaultValue: ClientKind.company.rawValue,
              read: { $0.kind.rawValue }, write: { $0.kind = ClientKind(rawValue: $1) ?? $0.kind }),
        .init("status", .init(ru: "Статус", en: "Status"), .choice(ClientStatus.allCases.map(\.rawValue), labels: "client_status", optional: false),
              .main, header: "Status", aliases: ["статус", "стадия"], importValues: [
                  "лид": "lead", "активный": "active", "постоянный": "regular", "спящий": "dormant", "бывший": "former",
              ] + ClientStatus.allCases.lowercasedValues, inHeading: true, defaultValue: ClientStatus.lead.rawValue,
              read: { $0.status.rawValue }, write: { $0.status = ClientStatus(rawValue: $1) ?? $0.status }),
        .init("segment", .init(ru: "Сегмент", en: "Segment"), .line, .main, \.segment, header: "Segment", aliases: ["сегмент", "отрасль"]),
        .init("source", .init(ru: "Источник", en: "Source"), .line, .main, \.source, header: "Source", aliases: ["источник"]),
        .init("frequency", .init(ru: "Покупает", en: "Buys"), .choice(PurchaseFrequency.allCases.map(\.rawValue), labels: "frequency", optional: true),
              .main, \.frequency, header: "Buys", aliases: ["частота", "частота покупок", "frequency"], importValues: [
                  "разово": "oneOff", "иногда": "occasional", "регулярно": "regular",
              ] + PurchaseFrequency.allCases.lowercasedValues),
        .init("manager", .init(ru: "Ответственный менеджер", en: "Responsible manager"), .user, .main, header: "Manager",
              aliases: ["менеджер", "ответственный", "responsible"],
              read: { $0.managerId.map(String.init) ?? "" }, write: { $0.managerId = Int64($1) }),
        .init("tags", .init(ru: "Метки", en: "Tags"), .tags, .main, header: "Tags", aliases: ["теги", "метки", "tag"],
              hint: .init(ru: "Через запятую.", en: "Separated by commas."), inHeading: true,
              read: { $0.tags.joined(separator: ", ") },
              write: { $0.tags = $1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }),
        .init("phones", .init(ru: "Телефоны", en: "Phones"), .phones, .contacts, \.phones, header: "Phones",
              aliases: ["телефон", "телефоны", "phone"], hint: severalValues),
        .init("emails", .init(ru: "Эл. почта", en: "E-mails"), .emails, .contacts, \.emails, header: "Emails",
              aliases: ["email", "e-mail", "почта", "эл. почта", "электронная почта"], hint: severalValues),
        .init("website", .init(ru: "Сайт", en: "Website"), .website, .contacts, \.website, header: "Website", aliases: ["сайт", "site", "web"]),
        .init("address", .init(ru: "Адрес офиса", en: "Office address"), .text(rows: 2), .contacts, \.address, header: "Address",
              aliases: ["адрес", "фактический адрес", "адрес офиса", "office address"]),
        .init("officeHours", .init(ru: "Часы работы", en: "Office hours"), .line, .contacts, \.officeHours, header: "Office hours",
              aliases: ["часы работы", "режим работы", "hours"]),
        .init("legalName", .init(ru: "Полное наименование", en: "Full legal name"), .line, .legal, \.legalName, header: "Legal name",
              aliases: ["полное наименование", "юридическое название", "юр. название", "full legal name"]),
        .init("inn", .init(ru: "ИНН", en: "Tax ID (INN)"), .requisite(.inn), .legal, \.inn, header: "INN", aliases: ["инн", "tax id"],
              hint: .init(ru: "10 цифр у организации, 12 у физлица или ИП; контрольные цифры проверяются.",
                          en: "10 digits for a company, 12 for a person; the check digits are verified.")),
        .init("kpp", .init(ru: "КПП", en: "KPP"), .requisite(.kpp), .legal, \.kpp, header: "KPP", aliases: ["кпп"]),
        .init("ogrn", .init(ru: "ОГРН", en: "OGRN"), .requisite(.ogrn), .legal, \.ogrn, header: "OGRN", aliases: ["огрн", "огрнип"]),
        .init("legalAddress", .init(ru: "Юридический адрес", en: "Legal address"), .text(rows: 2), .legal, \.legalAddress, header: "Legal address",
              aliases: ["юридический адрес", "юр. адрес"]),
        .init("bankDetails", .init(ru: "Банковские реквизиты", en: "Bank details"), .text(rows: 3), .legal, \.bankDetails, header: "Bank details",
              aliases: ["банковские реквизиты", "реквизиты", "bank"]),
        .init("preferences", .init(ru: "Предпочтения", en: "Preferences"), .text(rows: 3), .notes, \.preferences, header: "Preferences",
              aliases: ["предпочтения"], hint: .init(ru: "Что покупают, как с ними лучше общаться, о чём помнить.",
                                                     en: "What they buy, how they like to be approached, what to remember.")),
        .init("notes", .init(ru: "Заметки", en: "Notes"), .markdown, .notes, \.notes, header: "Notes",
              aliases: ["заметки", "примечание", "примечания", "комментарий", "comment", "note"],
              hint: .init(ru: "Markdown; ссылки на статьи — [[Название]].", en: "Markdown; link articles with [[Title]].")),
    ]

    private static let severalValues = FieldLabel(ru: "Несколько значений — через запятую.", en: "Several values may be separated by commas.")
}

extension ClientContact: SchemaRecord {
    public static let builtInFields: [SchemaField<ClientContact>] = [
        .init("name", .init(ru: "Имя", en: "Name"), .title, .main, \.name, header: "Contact",
              aliases: ["контакт", "контактное лицо", "contact name", "contact person"]),
        .init("position", .init(ru: "Должность", en: "Position"), .line, .main, \.position, header: "Contact position",
              aliases: ["должность", "position", "должность контакта"]),
        .init("phones", .init(ru: "Телефоны", en: "Phones"), .phones, .contacts, \.phones, header: "Contact phone",
              aliases: ["телефон контакта", "телефон контактного лица"], hint: .init(ru: "Несколько значений — через запятую.",
                                                                                    en: "Several values may be separated by commas.")),
        .init("email", .init(ru: "Эл. почта", en: "E-mail"), .email, .contacts, \.email, header: "Contact email",
              aliases: ["email контакта", "почта контакта", "e-mail контакта"]),
        .init("messengers", .init(ru: "Мессенджеры", en: "Messengers"), .line, .contacts, \.messengers, header: "Contact messengers",
              aliases: ["мессенджеры"]),
        .init("preferredChannel", .init(ru: "Удобный канал", en: "Preferred channel"),
              .choice(ContactChannel.allCases.map(\.rawValue), labels: "channel", optional: true), .contacts, \.preferredChannel,
              header: "Contact preferred channel", aliases: ["удобный канал"], importValues: ContactChannel.allCases.lowercasedValues),
        .init("callWhen", .init(ru: "Когда звонить", en: "When to call"), .line, .contacts, \.callWhen, header: "Contact: when to call",
              aliases: ["когда звонить"]),
        .init("doNotCall", .init(ru: "Когда не звонить", en: "When not to call"), .line, .contacts, \.doNotCall,
              header: "Contact: when not to call", aliases: ["когда не звонить"]),
        .init("birthday", .init(ru: "День рождения", en: "Birthday"), .birthday, .notes, \.birthday, header: "Contact birthday",
              aliases: ["день рождения", "birthday"],
              hint: .init(ru: "ДД.ММ.ГГГГ или ДД.ММ, если год неизвестен.", en: "DD.MM.YYYY, or DD.MM when the year is not known.")),
        .init("notes", .init(ru: "Личные заметки", en: "Personal notes"), .text(rows: 4), .notes, \.notes, header: "Contact notes",
              aliases: ["заметки о контакте"],
              hint: .init(ru: "Интересы, семейные даты, с которыми стоит поздравить.", en: "Interests, family dates worth a greeting.")),
    ]
}

private extension Array where Element: RawRepresentable<String> {
    /// Each raw value by its lowercased form, so an import matches "ONEOFF" as well as "oneOff".
    var lowercasedValues: [String: String] {
        Dictionary(map { ($0.rawValue.lowercased(), $0.rawValue) }) { first, _ in first }
    }
}

private func + (lhs: [String: String], rhs: [String: String]) -> [String: String] {
    lhs.merging(rhs) { first, _ in first }
}
