import Foundation
@testable import LoreCore
@testable import LoreWeb
import Testing

/// The sidebar's tree, written as HTML without the templates.
@Suite struct SidebarHTMLTests {
    func category(_ id: Int64, _ path: String, _ title: String) -> LoreCore.Category {
        Category(id: id, parentId: nil, slug: path, path: path, title: title, description: "", position: 0, createdById: 1, createdAt: Date(),
                 updatedById: 1, updatedAt: Date(), hidesHistoryFromReaders: false)
    }

    @Test func nestsMarksTheCurrentCategoryAndEscapes() {
        let tree = [CategoryNode(category: category(1, "hr", "HR & <People>"), articleCount: 3, children: [
            CategoryNode(category: category(2, "hr/onboarding", "Адаптация \"новичков\""), articleCount: 0, children: []),
        ])]
        let html = SidebarHTML.items(tree, current: 2)
        #expect(html == """
            <li class="tree-node">
              <a href="/c/hr">HR &amp; &lt;People&gt;</a> <span class="count">3</span>
              <ul><li class="tree-node current">
              <a href="/c/hr/onboarding" aria-current="page">Адаптация &quot;новичков&quot;</a>
            </li>
            </ul>
            </li>

            """)
        #expect(SidebarHTML.items([], current: nil).isEmpty)
    }
}
