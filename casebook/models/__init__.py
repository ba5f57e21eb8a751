from .cases import CasePage, CaseRecommendation
from .meetings import MeetingCase, MeetingIndexPage, MeetingPage
from .pages import CasebookIndexPage
from .vocabulary import CaseStatus, TargetGroup, Theme

__all__ = [
    "CasePage",
    "CaseRecommendation",
    "CaseStatus",
    "CasebookIndexPage",
    "MeetingCase",
    "MeetingIndexPage",
    "MeetingPage",
    "TargetGroup",
    "Theme",
]
