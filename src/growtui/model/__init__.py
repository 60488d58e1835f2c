"""Domain models and the rules on them: questions, sessions, dates, prompts. No Textual below this package."""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui import lazy_exports

_EXPORTS = {
    **dict.fromkeys(("Lang", "Localized", "NonEmpty", "Phase", "PhaseId", "Score", "Section", "Strict"), "common"),
    **dict.fromkeys(
        (
            "DEFAULT_MAX_ACTIONS",
            "DEFAULT_TYPE",
            "Check",
            "ChecklistItem",
            "Choice",
            "ConversationType",
            "Depth",
            "PhaseChecklist",
            "PhaseDef",
            "RecordField",
            "RecordKind",
            "Style",
            "TypeId",
            "TypePhase",
        ),
        "types",
    ),
    **dict.fromkeys(("QUESTIONS_SCHEMA_VERSION", "FollowUp", "Hint", "Kind", "Question", "QuestionFile"), "question"),
    **dict.fromkeys(
        (
            "MAX_CARRIES",
            "AnswerDraft",
            "MAX_CARRY_COUNT",
            "MAX_PHASE_SECONDS",
            "ClosingSection",
            "MAX_PREPARED_QUESTIONS",
            "PreparationSection",
            "DEFAULT_PHASES",
            "Source",
            "SESSION_SCHEMA_VERSION",
            "Action",
            "ActionStatus",
            "Asked",
            "Decision",
            "FollowUpItem",
            "Option",
            "Outcome",
            "ScaleAnswer",
            "Session",
            "Status",
            "new_session_id",
            "now",
            "review_status",
        ),
        "session",
    ),
    "parse_date": "dates",
    **dict.fromkeys(
        ("GRACE_DAYS", "RHYTHM_DAYS", "RHYTHM_SCHEMA_VERSION", "DueState", "RhythmFile", "RhythmId", "due_state"),
        "rhythm",
    ),
    **dict.fromkeys(("DirectionSection", "Experience", "StyleCheck", "StyleChoice"), "direction"),
    **dict.fromkeys(("checklist_state", "ticked"), "readiness"),
    **dict.fromkeys(("MORE_OPTIONS", "ONE_HIGHER", "Prompt", "is_motivation", "parse_score", "prompt_for"), "prompts"),
    **dict.fromkeys(("OLDEST_SESSION_FORMAT", "SESSION_REQUIRED", "json_schema"), "schemas"),
    **dict.fromkeys(("covered_phases", "duration_minutes", "has_content", "is_blank"), "progress"),
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:
    from growtui.model.common import (
        Lang as Lang,
        Localized as Localized,
        NonEmpty as NonEmpty,
        Phase as Phase,
        PhaseId as PhaseId,
        Score as Score,
        Section as Section,
        Strict as Strict,
    )
    from growtui.model.dates import (
        parse_date as parse_date,
    )
    from growtui.model.direction import (
        DirectionSection as DirectionSection,
        Experience as Experience,
        StyleCheck as StyleCheck,
        StyleChoice as StyleChoice,
    )
    from growtui.model.progress import (
        covered_phases as covered_phases,
        duration_minutes as duration_minutes,
        has_content as has_content,
        is_blank as is_blank,
    )
    from growtui.model.prompts import (
        MORE_OPTIONS as MORE_OPTIONS,
        ONE_HIGHER as ONE_HIGHER,
        Prompt as Prompt,
        is_motivation as is_motivation,
        parse_score as parse_score,
        prompt_for as prompt_for,
    )
    from growtui.model.question import (
        QUESTIONS_SCHEMA_VERSION as QUESTIONS_SCHEMA_VERSION,
        FollowUp as FollowUp,
        Hint as Hint,
        Kind as Kind,
        Question as Question,
        QuestionFile as QuestionFile,
    )
    from growtui.model.readiness import (
        checklist_state as checklist_state,
        ticked as ticked,
    )
    from growtui.model.rhythm import (
        GRACE_DAYS as GRACE_DAYS,
        RHYTHM_DAYS as RHYTHM_DAYS,
        RHYTHM_SCHEMA_VERSION as RHYTHM_SCHEMA_VERSION,
        DueState as DueState,
        RhythmFile as RhythmFile,
        RhythmId as RhythmId,
        due_state as due_state,
    )
    from growtui.model.schemas import (
        OLDEST_SESSION_FORMAT as OLDEST_SESSION_FORMAT,
        SESSION_REQUIRED as SESSION_REQUIRED,
        json_schema as json_schema,
    )
    from growtui.model.session import (
        DEFAULT_PHASES as DEFAULT_PHASES,
        MAX_CARRIES as MAX_CARRIES,
        MAX_CARRY_COUNT as MAX_CARRY_COUNT,
        MAX_PHASE_SECONDS as MAX_PHASE_SECONDS,
        MAX_PREPARED_QUESTIONS as MAX_PREPARED_QUESTIONS,
        SESSION_SCHEMA_VERSION as SESSION_SCHEMA_VERSION,
        Action as Action,
        ActionStatus as ActionStatus,
        AnswerDraft as AnswerDraft,
        Asked as Asked,
        ClosingSection as ClosingSection,
        Decision as Decision,
        FollowUpItem as FollowUpItem,
        Option as Option,
        Outcome as Outcome,
        PreparationSection as PreparationSection,
        ScaleAnswer as ScaleAnswer,
        Session as Session,
        Source as Source,
        Status as Status,
        new_session_id as new_session_id,
        now as now,
        review_status as review_status,
    )
    from growtui.model.types import (
        DEFAULT_MAX_ACTIONS as DEFAULT_MAX_ACTIONS,
        DEFAULT_TYPE as DEFAULT_TYPE,
        Check as Check,
        ChecklistItem as ChecklistItem,
        Choice as Choice,
        ConversationType as ConversationType,
        Depth as Depth,
        PhaseChecklist as PhaseChecklist,
        PhaseDef as PhaseDef,
        RecordField as RecordField,
        RecordKind as RecordKind,
        Style as Style,
        TypeId as TypeId,
        TypePhase as TypePhase,
    )
