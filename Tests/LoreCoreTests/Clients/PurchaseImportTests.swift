import Foundation
import GRDB
import Testing
@testable import LoreCore

/// Purchases from an accounting export: each row finds its card by INN or name, every problem
/// is named by line, nothing is logged while any remains, and loading the file again adds nothing.
@Suite struct PurchaseImportTests {
    func importer(_ world: TestWorld) -> PurchaseImport { PurchaseImport(database: world.database) }

    @Test func rowsFindTheirCardsByINNOrNameAndAFileLoadsOnce() async throws {
        let world = try await TestWorld()
        var draft = ClientDraft()
        draft.name = "Ромашка"
        draft.inn = "7707083893"
        let romashka = try await world.clients.create(draft, by: world.principal)
        let lutik = try await world.client("ООО «Лютик»")
        let file = ClientImportTests.utf8("""
            Контрагент;ИНН;Дата;Сумма;Комментарий
            ООО Ромашка;7707083893;02.11.2026;12 500,50;Счёт 14
            Лютик;;2026-10-01;3000;
            """)
        let preview = try await importer(world).preview(file, for: world.principal)
        #expect(preview.canImport && preview.rows.map(\.slug) == [romashka.slug, lutik.slug])
        #expect(try await importer(world).commit(file, for: world.principal) == (2, 0))
        let bought = try await world.clientQueries.purchases(ofClient: romashka.id!, for: world.principal)
        #expect(bought.map(\.amount) == [1_250_050] && bought.first?.date == "2026-11-02" && bought.first?.note == "Счёт 14")

        let again = try await importer(world).preview(file, for: world.principal)
        #expect(again.rows.allSatisfy(\.alreadyLogged) && !again.canImport, "nothing new to log")
        #expect(try await world.count("SELECT COUNT(*) FROM purchase") == 2)
        #expect(try await world.count("SELECT COUNT(*) FROM auditEntry WHERE action = 'purchases.imported'") == 1)
    }

    @Test func aFileWithProblemsLogsNothingAndSaysWhereTheyAre() async throws {
        let world = try await TestWorld()
        try await world.client("Ромашка")
        let file = ClientImportTests.utf8("Клиент,Дата,Сумма\nРомашка,01.11.2026,100\nВасилёк,01.11.2026,200\nРомашка,вчера,много\n")
        let preview = try await importer(world).preview(file, for: world.principal)
        #expect(preview.rows.map(\.problems) == [[:], [.client: .notFound], [.date: .invalidDate, .amount: .invalidNumber]])
        await #expect(throws: PurchaseImportRejected.self) { try await importer(world).commit(file, for: world.principal) }
        #expect(try await world.count("SELECT COUNT(*) FROM purchase") == 0)
        let noAmount = try await importer(world).preview(ClientImportTests.utf8("Клиент;Дата\nРомашка;01.11.2026\n"), for: world.principal)
        #expect(noAmount.missing == [.amount] && !noAmount.canImport)
    }

    @Test func cardsTheImporterMayNotSeeAreNotFound() async throws {
        let world = try await TestWorld()
        try await world.client("Чужой клиент")
        let own = try await world.user("own", roles: [world.role("Own", [.clientsRead, .clientsEdit, .clientsOnlyOwn])])
        let preview = try await importer(world).preview(ClientImportTests.utf8("Клиент;Сумма\nЧужой клиент;100\n"), for: own)
        #expect(preview.rows.first?.problems == [.client: .notFound] && preview.rows.first?.slug == nil)
        let reader = try await world.user("reader", roles: [world.role("Reader", [.clientsRead])])
        await #expect(throws: AccessDenied.self) { try await importer(world).preview(ClientImportTests.utf8("Клиент;Сумма\nx;1\n"), for: reader) }
    }
}
