"""Realisations, evidence, verification, achievement, dashboards and reports (later issues)."""
