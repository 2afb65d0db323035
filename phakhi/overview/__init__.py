"""A workspace at a glance: the home page's figures, latest analysis and recent changes
(reads only, in ``selectors``)."""
