import DilmancCLI

Entry.main()
