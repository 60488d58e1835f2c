"""Domain models. No Textual import may appear anywhere below this package."""

from growtui.model.common import Lang, Localized, Phase
from growtui.model.question import Hint, Kind, Question, QuestionFile
from growtui.model.session import (
    Action,
    ActionStatus,
    Asked,
    Decision,
    FollowUpItem,
    Option,
    Outcome,
    ScaleAnswer,
    Session,
    Status,
)

__all__ = [
    "Action", "ActionStatus", "Asked", "Decision", "FollowUpItem", "Hint", "Kind", "Lang",
    "Localized", "Option", "Outcome", "Phase", "Question", "QuestionFile", "ScaleAnswer",
    "Session", "Status",
]
