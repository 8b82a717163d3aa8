"""Core models: the road map edition, agencies, teams and risks, and user accounts with roles."""

from roadmap.models.accounts import Role, UserProfile
from roadmap.models.agencies import Agency, AgencyQuerySet, AgencySpelling
from roadmap.models.editions import (
    DocumentTable,
    EditionStatus,
    LegalBasis,
    RoadmapEdition,
    RoadmapEditionQuerySet,
)
from roadmap.models.teams import Risk, RiskSolution, Team, TeamMember

__all__ = [
    "Agency",
    "AgencyQuerySet",
    "AgencySpelling",
    "DocumentTable",
    "EditionStatus",
    "LegalBasis",
    "RoadmapEdition",
    "RoadmapEditionQuerySet",
    "Risk",
    "Role",
    "RiskSolution",
    "Team",
    "TeamMember",
    "UserProfile",
]
