/// An uploaded spreadsheet (CSV as Excel or Google Sheets save it) read as a table, or what is
/// wrong with the file as a whole: shared by the imports of cards and of purchases.
enum SpreadsheetFile {
    static func read(_ bytes: [UInt8]) -> (encoding: TextDecoding.Encoding, table: Result<CSVTable, ImportPreview.FileProblem>) {
        let (text, encoding) = TextDecoding.decode(bytes)
        if bytes.count > ClientImport.maxBytes { return (encoding, .failure(.tooLarge)) }
        do {
            return (encoding, .success(try CSVReader.read(text)))
        } catch {
            let problem: ImportPreview.FileProblem = switch error.kind {
            case .empty: .empty
            case .tooLarge: .tooLarge
            case .tooWide: .tooManyColumns
            case .unterminatedQuote: .unterminatedQuote(line: error.line)
            }
            return (encoding, .failure(problem))
        }
    }
}
