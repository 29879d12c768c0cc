import Foundation
import LoreCore

/// The import preview: how the file was read, a field chooser per column with a sample value,
/// every problem with its line, and a choice for each duplicate. The file itself travels in
/// the form (base64), so checking again and importing need no state on the server.
struct ImportPreviewView {
    struct Column {
        let index: Int
        let header: String
        let sample: String
        let options: [Choice]
    }

    struct Row {
        let line: Int
        let name: String
        let problems: [String]
        let duplicate: String?
        let decisions: [Choice]?
    }

    let data: String
    let summary: String
    let fileProblems: [String]
    let columns: [Column]
    let columnCount: Int
    let rows: [Row]
    let hiddenRows: String?
    let lines: String
    let canImport: Bool
    let problemSummary: String?

    /// Rows shown one by one; past this, problems are still counted.
    static let shownRows = 500

    init(_ preview: ImportPreview, data bytes: [UInt8], t: Translations) {
        data = Data(bytes).base64EncodedString()
        summary = t.format("import_summary", [
            "rows": String(preview.rows.count), "encoding": preview.encoding.rawValue,
            "delimiter": preview.delimiter == "\t" ? "Tab" : String(preview.delimiter),
        ])
        fileProblems = preview.fileProblems.map { Self.message(for: $0, preview.schema, t) }
        columns = preview.header.enumerated().map { index, header in
            let chosen = index < preview.mapping.count ? preview.mapping[index]?.rawValue ?? "" : ""
            return Column(index: index, header: header, sample: String(preview.samples[safe: index]?.prefix(60) ?? ""),
                          options: [Choice(value: "", label: t["import_ignore_column"], selected: chosen.isEmpty)]
                              + preview.schema.columns.map { Choice(value: $0.rawValue, label: Self.label($0.rawValue, preview.schema, t),
                                                                    selected: $0.rawValue == chosen) })
        }
        columnCount = preview.header.count
        let interesting = preview.rows.filter { !$0.problems.isEmpty || $0.duplicate != nil }
        rows = interesting.prefix(Self.shownRows).map { row in
            Row(line: row.line, name: row.name,
                problems: row.problems.sorted { $0.key < $1.key }.map { field, problem in
                    "\(Self.label(field, preview.schema, t)): \(t.message(for: problem))"
                },
                duplicate: row.duplicate.map { duplicate in
                    duplicate.line.map { t.format("import_duplicate_row", ["line": String($0), "reason": t["import_reason_\(duplicate.reason.rawValue)"]]) }
                        ?? t.format("import_duplicate_card", ["name": duplicate.name, "reason": t["import_reason_\(duplicate.reason.rawValue)"]])
                },
                decisions: row.duplicate.map { duplicate in
                    ImportPreview.Decision.allCases.filter { $0 != .merge || duplicate.slug != nil }.map {
                        Choice(value: $0.rawValue, label: t["import_decision_\($0.rawValue)"], selected: $0 == row.decision)
                    }
                })
        }
        hiddenRows = interesting.count > Self.shownRows ? t.format("import_more_rows", ["n": String(interesting.count - Self.shownRows)]) : nil
        lines = preview.rows.filter { $0.duplicate != nil }.map { String($0.line) }.joined(separator: ",")
        canImport = preview.canImport
        problemSummary = preview.problemCount == 0 ? nil : t.plural("import_problems", preview.problemCount)
    }
}

extension ImportPreviewView {
    /// What is wrong with an uploaded file as a whole, in words.
    static func message(for problem: ImportPreview.FileProblem, _ schema: ClientSchema, _ t: Translations) -> String {
        switch problem {
        case .empty: t["import_empty"]
        case .tooLarge: t["import_too_large"]
        case .tooManyColumns: t.format("import_too_many_columns", ["max": String(CSVReader.maxColumns)])
        case .unterminatedQuote(let line): t.format("import_unterminated_quote", ["line": String(line)])
        case .noNameColumn: t["import_no_name_column"]
        case .columnTwice(let column): t.format("import_column_twice", ["field": Self.label(column.rawValue, schema, t)])
        }
    }

    /// A column's field by name, the person's fields marked as theirs.
    static func label(_ column: String, _ schema: ClientSchema, _ t: Translations) -> String {
        schema.column(rawValue: column).flatMap(schema.label(of:)).map(t.label) ?? column
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
