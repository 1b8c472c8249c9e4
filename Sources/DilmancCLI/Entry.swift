import ArgumentParser
import DilmancText
import Foundation
import Formats
import MemoryStore
import Segmenting

/// Runs `dilmanc` and maps every error to one line on stderr and an exit status:
/// 2 for usage and input errors, 3 for internal ones.
public enum Entry {
    public static func main(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try DilmancCommand.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let code as ExitCode {
            // A command's verdict (check's 1 for findings): nothing to print.
            exit(code.rawValue)
        } catch let error as CLIError {
            Terminal.error(error.message)
            exit(error.exitCode.rawValue)
        } catch let error as SRXError {
            Terminal.error(error.description)
            exit(2)
        } catch let error as TMXError {
            Terminal.error(error.description)
            exit(2)
        } catch let error as FileFormatError {
            Terminal.error(error.description)
            exit(2)
        } catch let error as MemoryStoreError {
            Terminal.error(error.description)
            exit(2)
        } catch let error as ICUError {
            Terminal.error(error.description)
            exit(3)
        } catch {
            let code = DilmancCommand.exitCode(for: error)
            if code == .success {
                // --help and --version.
                print(DilmancCommand.fullMessage(for: error))
                exit(0)
            }
            if code == .validationFailure {
                Terminal.error(DilmancCommand.message(for: error))
                Terminal.standardError.write(DilmancCommand.usageString(for: error) ?? "")
                exit(2)
            }
            Terminal.error(DilmancCommand.fullMessage(for: error))
            exit(code == .failure ? 3 : code.rawValue)
        }
    }
}

extension DilmancCommand {
    static func usageString(for error: Error) -> String? {
        let full = fullMessage(for: error)
        let message = message(for: error)
        let rest = full.replacingOccurrences(of: "Error: " + message, with: "").trimmingCharacters(in: .whitespacesAndNewlines)
        return rest.isEmpty ? nil : rest + "\n"
    }
}
