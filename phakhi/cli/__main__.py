import sys

from phakhi.cli import main

sys.exit(main())
