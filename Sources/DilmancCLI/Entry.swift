import ArgumentParser
import Foundation
import Workflows

/// Runs `dilmanc` and maps every error to one line on stderr and an exit status:
/// 2 for usage and input errors, 3 for internal ones.
public enum Entry {
    public static func main(_ arguments: [String]? = nil) -> Never {
        do {
            let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
            if arguments.first == "help", let unknown = unknownCommand(Array(arguments.dropFirst())) {
                throw DilmancError(.usage, "no such command '\(unknown)'; 'dilmanc --help' lists the commands")
            }
            var command = try DilmancCommand.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let code as ExitCode {
            // A command's verdict (check's 1 for findings): nothing to print.
            exit(code.rawValue)
        } catch let error where DilmancError.mapping(error) != nil {
            // Dilmanc's own errors, of any layer: one line, the kind's status.
            let mapped = DilmancError.mapping(error)!
            Terminal.error(mapped.message)
            exit(mapped.kind.exitStatus)
        } catch {
            let code = DilmancCommand.exitCode(for: error)
            if code == .success {
                // --help and --version.
                print(DilmancCommand.fullMessage(for: error))
                exit(0)
            }
            if code == .validationFailure {
                Terminal.error(DilmancCommand.message(for: error))
                Terminal.status(DilmancCommand.usageString(for: error) ?? "")
                exit(2)
            }
            Terminal.error(DilmancCommand.fullMessage(for: error))
            exit(code == .failure ? 3 : code.rawValue)
        }
    }
}

/// The first name of `path` (`memory`, `expor`) that is not a subcommand of
/// the one before it, or nil when the whole path names a command.
private func unknownCommand(_ path: [String]) -> String? {
    var commands: [any ParsableCommand.Type] = DilmancCommand.configuration.subcommands
    for name in path where !name.hasPrefix("-") {
        guard let command = commands.first(where: { $0._commandName == name }) else { return name }
        commands = command.configuration.subcommands
    }
    return nil
}

extension DilmancCommand {
    static func usageString(for error: Error) -> String? {
        let full = fullMessage(for: error)
        let message = message(for: error)
        let rest = full.replacingOccurrences(of: "Error: " + message, with: "").trimmingCharacters(in: .whitespacesAndNewlines)
        return rest.isEmpty ? nil : rest + "\n"
    }
}
