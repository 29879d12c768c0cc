import Hummingbird
import LoreCore

/// The spreadsheet a person uploaded for an import, or why there is none, in words.
enum SpreadsheetUpload {
    struct Refused: Error {
        let message: String
        let status: HTTPResponse.Status
    }

    static func read(_ request: Request, t: Translations) async throws -> Result<[UInt8], Refused> {
        let form: MultipartForm
        do {
            form = try await MultipartForm.read(from: request, limit: ClientImport.maxBytes + 64 << 10)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return .failure(Refused(message: t["import_too_large"], status: .contentTooLarge))
        }
        guard let file = form.file("file"), !file.data.isEmpty else {
            return .failure(Refused(message: t["import_no_file"], status: .unprocessableContent))
        }
        return .success(file.data)
    }
}
