"""Self-assessments (แบบประเมินตนเอง): dated, scored checklists whose items come from the sources."""
