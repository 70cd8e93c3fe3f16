"""`python -m alianza.cli`: the same command line as the `alianza` script."""

from . import main

main()
