from .document import main

main()
