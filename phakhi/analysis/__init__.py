"""Network analysis runs: feeds the engine from the database and stores what it found."""
