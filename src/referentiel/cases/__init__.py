"""Case studies written by instructors: their front matter, and what they prepare."""

from .frontmatter import front_matter, read_case_study
from .model import CaseStudy, cases_of_competence, cases_of_modality, prepared_criteria

__all__ = [
    "CaseStudy",
    "cases_of_competence",
    "cases_of_modality",
    "front_matter",
    "prepared_criteria",
    "read_case_study",
]
