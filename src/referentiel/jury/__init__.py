"""A jury session: its candidates (read from a spreadsheet's CSV) and the sheets each one gets."""

from .candidates import CandidateError, read_candidates
from .session import Candidate, Session
from .sheets import Sheet, blank_sheets, candidate_sheets

__all__ = [
    "Candidate",
    "CandidateError",
    "Session",
    "Sheet",
    "blank_sheets",
    "candidate_sheets",
    "read_candidates",
]
