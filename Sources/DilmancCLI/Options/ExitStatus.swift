/// The EXIT STATUS section of every command's help, after its examples.
enum ExitStatus {
    static let standard = """

        EXIT STATUS
          0  success
          2  usage error or bad input (missing, malformed or unreadable file)
          3  internal error (ICU or the system failed)
        """
}
