"""``python -m deficiency evaluate FILE|-``: a scenario as JSON in, the result as JSON out."""

from deficiency.interface.cli import main

raise SystemExit(main())
