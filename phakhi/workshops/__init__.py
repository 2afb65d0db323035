"""Live workshop sessions that participants join on their phones."""
