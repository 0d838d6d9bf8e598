from ravel.cli import main

main()
