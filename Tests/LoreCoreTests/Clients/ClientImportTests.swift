import Foundation
import GRDB
import Testing
@testable import LoreCore
import ZIPFoundation

/// Importing spreadsheets as people actually save them, and exporting them back.
@Suite struct ClientImportTests {
    static func cp1251(_ text: String) -> [UInt8] { HandCP1251.encode(text) }
    static func utf8(_ text: String, bom: Bool = false) -> [UInt8] { (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8) }

    static let excel = """
        Название;ИНН;Статус;Телефон;Email;Контактное лицо;Примечание\r
        ООО "Ромашка";7707083893;активный;+7 495 123-45-67;info@romashka.ru;Иван Иванов;"Первая строка\r
        вторая строка"\r
        ИП Петров;500100732259;лид;;petrov@mail.ru;;\r

        """

    func importer(_ world: TestWorld) -> ClientImport { ClientImport(database: world.database) }

    @Test func anExcelFileInWindows1251WithSemicolonsImportsEveryRowAndContact() async throws {
        let world = try await TestWorld()
        let bytes = Self.cp1251(Self.excel)
        let preview = try await importer(world).preview(bytes, for: world.principal)
        #expect(preview.encoding == .windows1251 && preview.delimiter == ";")
        #expect(preview.mapping == [.client("name"), .client("inn"), .client("status"), .client("phones"), .client("emails"), .contact("name"), .client("notes")])
        #expect(preview.rows.map(\.line) == [2, 4], "a line break inside quotes moves the next row's line")
        #expect(preview.canImport)
        let result = try await importer(world).commit(bytes, for: world.principal)
        #expect(result == ImportResult(created: 2, merged: 0, skipped: 0))
        let (items, _) = try await world.clientQueries.list(ClientFilter(), for: world.principal)
        let romashka = try #require(items.first { $0.client.inn == "7707083893" }?.client)
        #expect(romashka.name == "ООО \"Ромашка\"" && romashka.status == .active && romashka.notes == "Первая строка\nвторая строка")
        #expect(try await world.count("SELECT COUNT(*) FROM clientContact WHERE name = 'Иван Иванов'") == 1)
        #expect(try await world.count("SELECT COUNT(*) FROM auditEntry WHERE action = 'clients.imported'") == 1)
    }

    @Test func googleSheetsUTF8WithCommasAndABOMReadsTheSame() async throws {
        let world = try await TestWorld()
        let text = "Name,INN,Emails\r\nРомашка,7707083893,\"a@romashka.ru, b@romashka.ru\"\r\n"
        for bytes in [Self.utf8(text), Self.utf8(text, bom: true)] {
            let preview = try await importer(world).preview(bytes, for: world.principal)
            #expect(preview.delimiter == "," && preview.canImport && preview.rows.first?.name == "Ромашка")
        }
    }

    @Test func aFileWithProblemsImportsNothingAndNamesEveryProblemWithItsLine() async throws {
        let world = try await TestWorld()
        let text = "Название;ИНН;Email;Телефон;Менеджер\nХороший;7707083893;ok@x.ru;;\nПлохой;1234567890;не-почта;12;nobody-here\n;;;;\n;500100732259;;;\n"
        let bytes = Self.utf8(text)
        let preview = try await importer(world).preview(bytes, for: world.principal)
        #expect(!preview.canImport)
        let byLine = Dictionary(uniqueKeysWithValues: preview.rows.map { ($0.line, $0.problems) })
        #expect(byLine[2]?.isEmpty == true)
        #expect(byLine[3] == ["inn": .invalidRequisite, "emails": .invalidEmail, "phones": .invalidPhone, "manager": .notFound])
        #expect(byLine[4] == nil, "a blank row is no row")
        #expect(byLine[5] == ["name": .required])
        await #expect(throws: ImportRejected.self) { try await importer(world).commit(bytes, for: world.principal) }
        #expect(try await world.count("SELECT COUNT(*) FROM client") == 0, "all or nothing: not even the good row")
        #expect(try await world.count("SELECT COUNT(*) FROM auditEntry WHERE action = 'clients.imported'") == 0)
    }

    @Test(arguments: [
        ("", ImportPreview.FileProblem.empty),
        ("Name;INN\n\"Broken;1\n", .unterminatedQuote(line: 2)),
        ("Phone;INN\n+7 495 123-45-67;7707083893\n", .noNameColumn),
    ])
    func brokenFilesAreRefusedWithTheReason(text: String, problem: ImportPreview.FileProblem) async throws {
        let world = try await TestWorld()
        let preview = try await importer(world).preview(Self.utf8(text), for: world.principal)
        #expect(preview.fileProblems.contains(problem))
        #expect(!preview.canImport)
    }

    @Test func aChosenMappingOverridesTheHeadersAndAColumnUsedTwiceIsAProblem() async throws {
        let world = try await TestWorld()
        let bytes = Self.utf8("A;B\nРомашка;7707083893\n")
        #expect(try await importer(world).preview(bytes, for: world.principal).fileProblems == [.noNameColumn])
        #expect(try await importer(world).preview(bytes, mapping: [.client("name"), .client("inn")], for: world.principal).canImport)
        #expect(try await importer(world).preview(bytes, mapping: [.client("name"), .client("name")], for: world.principal).fileProblems == [.columnTwice(.client("name"))])
    }

    @Test func duplicatesAreFoundByTaxIDEmailOrNameAndSkippedOrMerged() async throws {
        let world = try await TestWorld()
        var draft = ClientDraft()
        draft.name = "Ромашка"
        draft.inn = "7707083893"
        draft.phones = "+7 495 000-00-00"
        let existing = try await world.clients.create(draft, by: world.principal)
        try await world.contact("Анна", on: existing, email: "anna@romashka.ru")
        let text = """
            Название;ИНН;Email;Сайт;Контактное лицо
            Ромашка Новая;7707083893;;romashka.ru;Пётр
            Другая;;anna@romashka.ru;;
            ромашка;;;;
            Новая;500100732259;;;
            Новая;500100732259;;;

            """
        let bytes = Self.utf8(text)
        let preview = try await importer(world).preview(bytes, for: world.principal)
        #expect(preview.rows.map { $0.duplicate?.reason } == [.inn, .email, .name, nil, .inn])
        #expect(preview.rows[4].duplicate?.line == 5 && preview.rows[4].duplicate?.slug == nil, "repeats an earlier row")
        #expect(preview.rows.map(\.decision) == [.skip, .skip, .skip, .create, .skip], "duplicates are skipped unless told otherwise")
        let result = try await importer(world).commit(bytes, decisions: [2: .merge], for: world.principal)
        #expect(result == ImportResult(created: 1, merged: 1, skipped: 3))
        let merged = try #require(try await world.stored(existing))
        #expect(merged.name == "Ромашка" && merged.phones == "+7 495 000-00-00", "what the card holds is never overwritten")
        #expect(merged.website == "romashka.ru", "empty fields are filled")
        #expect(try await world.count("SELECT COUNT(*) FROM clientContact WHERE clientId = ?", [existing.id!]) == 2)
    }

    @Test func importNeedsTheRightToEditClients() async throws {
        let world = try await TestWorld()
        let reader = try await world.user("reader", roles: [world.role("Readers", [.clientsRead])])
        let nobody = try await world.user("nobody")
        await #expect(throws: AccessDenied.self) { try await importer(world).preview(Self.utf8("Name\nX\n"), for: reader) }
        await #expect(throws: NotFound.self) { try await importer(world).preview(Self.utf8("Name\nX\n"), for: nobody) }
    }

    @Test func exportNeedsItsRightRecordsWhoExportedWhatAndReadsBackAsImported() async throws {
        let world = try await TestWorld()
        let sales = try await world.user("sales", roles: [world.role("Sales", [.clientsRead, .clientsEdit])])
        try await world.client("Ромашка", status: .active)
        try await world.client("Лютик", status: .lead)
        let export = ClientExport(database: world.database)
        await #expect(throws: AccessDenied.self) { try await export.export(ClientFilter(), format: .csv(delimiter: ";"), for: sales) }
        var filter = ClientFilter()
        filter.status = .active
        let (data, count) = try await export.export(filter, format: .csv(delimiter: ";"), for: world.principal)
        #expect(count == 1)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "a byte order mark, so Excel reads Cyrillic as UTF-8")
        let subjects = try await world.database.reader.read { db in
            try String.fetchAll(db, sql: "SELECT subject FROM auditEntry WHERE action = 'clients.exported'")
        }
        #expect(subjects == ["status=active; 1 rows"])
        // What was exported imports again, found as the same client.
        let preview = try await importer(world).preview(Array(data), for: world.principal)
        #expect(preview.rows.count == 1 && preview.rows[0].duplicate?.reason == .name && preview.fileProblems.isEmpty)
    }

    @Test func anExportCanHaveARowForEveryPerson() async throws {
        let world = try await TestWorld()
        let romashka = try await world.client("Ромашка", status: .active)
        try await world.client("Лютик", status: .lead)
        try await world.contact("Анна", on: romashka)
        try await world.contact("Борис", on: romashka)
        let export = ClientExport(database: world.database)
        let (first, firstCount) = try await export.export(ClientFilter(), format: .csv(delimiter: ";"), for: world.principal)
        let (every, everyCount) = try await export.export(ClientFilter(), format: .csv(delimiter: ";"), everyContact: true, for: world.principal)
        #expect(firstCount == 2 && everyCount == 3, "two cards; three rows: Ромашка's two people and Лютик with none")
        let text = String(decoding: every, as: UTF8.self)
        #expect(text.contains("Анна") && text.contains("Борис") && !String(decoding: first, as: UTF8.self).contains("Борис"))
    }

    @Test func someoneWhoSeesOnlyTheirOwnClientsImportsForThemselvesAndNeverLearnsOfOthers() async throws {
        let world = try await TestWorld()
        let own = try await world.user("own", roles: [world.role("Own", [.clientsRead, .clientsEdit, .clientsOnlyOwn])])
        try await world.client("Чужой клиент")
        let preview = try await importer(world).preview(Self.utf8("Название\nЧужой клиент\n"), for: own)
        #expect(preview.rows.first?.duplicate == nil, "a card hidden from the importer is not revealed as a duplicate")
        _ = try await importer(world).commit(Self.utf8("Название\nМой клиент\n"), for: own)
        let (items, total) = try await world.clientQueries.list(ClientFilter(), for: own)
        #expect(total == 1 && items.first?.client.managerId == own.userId)
    }
}

/// The list as an Excel workbook: a real .xlsx whose sheet holds every column and the text as typed.
@Suite struct ClientXLSXExportTests {
    @Test func theWorkbookHoldsTheHeaderAndEveryCardAsText() async throws {
        let world = try await TestWorld()
        var draft = ClientDraft()
        draft.name = "Ромашка & Co <опт>"
        draft.inn = "7707083893"
        draft.notes = "=HYPERLINK(\"http://evil\")"
        _ = try await world.clients.create(draft, by: world.principal)
        let (data, count) = try await ClientExport(database: world.database).export(ClientFilter(), format: .xlsx, for: world.principal)
        #expect(count == 1 && data.starts(with: [0x50, 0x4B]))
        let archive = try Archive(data: data, accessMode: .read)
        #expect(Set(archive.map(\.path)) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                                              "xl/worksheets/sheet1.xml"])
        var sheet = Data()
        _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { sheet.append($0) }
        let xml = String(decoding: sheet, as: UTF8.self)
        #expect(xml.contains("<t xml:space=\"preserve\">Name</t>") && xml.contains("Ромашка &amp; Co &lt;опт&gt;") && xml.contains("7707083893"))
        #expect(xml.contains("t=\"inlineStr\"") && !xml.contains("<f>"), "every cell is text: nothing becomes a formula")
        #expect(XLSXWriter.columnName(0) == "A" && XLSXWriter.columnName(25) == "Z" && XLSXWriter.columnName(26) == "AA" && XLSXWriter.columnName(701) == "ZZ")
    }
}
