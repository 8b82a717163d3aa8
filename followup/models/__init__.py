from followup.models.findings import Finding, FindingSource, FindingState, Step, StepEvidence

__all__ = ["Finding", "FindingSource", "FindingState", "Step", "StepEvidence"]
