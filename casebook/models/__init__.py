from .cases import CasePage, CaseRecommendation
from .collaborations import (
    CollaborationInitiative,
    CollaborationKind,
    CollaborationPage,
    CollaborationPartner,
    PartnerKind,
)
from .funding import FundingIndexPage, FundingPage, FundingRound
from .meetings import (
    MaterialKind,
    MeetingCase,
    MeetingIndexPage,
    MeetingMaterial,
    MeetingPage,
    MeetingSeries,
)
from .methods import MethodIndexPage, MethodPage
from .pages import CasebookIndexPage
from .vocabulary import CaseStatus, TargetGroup, Theme

__all__ = [
    "CasePage",
    "CaseRecommendation",
    "CaseStatus",
    "CasebookIndexPage",
    "CollaborationInitiative",
    "CollaborationKind",
    "CollaborationPage",
    "CollaborationPartner",
    "FundingIndexPage",
    "FundingPage",
    "FundingRound",
    "MaterialKind",
    "MeetingCase",
    "MeetingIndexPage",
    "MeetingMaterial",
    "MeetingPage",
    "MeetingSeries",
    "MethodIndexPage",
    "MethodPage",
    "PartnerKind",
    "TargetGroup",
    "Theme",
]
