"""Domain models and the rules on them: questions, sessions, dates, prompts. No Textual below this package."""

from __future__ import annotations

from typing import TYPE_CHECKING

from growtui import lazy_exports

_EXPORTS = {
    **dict.fromkeys(("Lang", "Localized", "NonEmpty", "Phase", "Score", "Strict"), "common"),
    **dict.fromkeys(("QUESTIONS_SCHEMA_VERSION", "FollowUp", "Hint", "Kind", "Question", "QuestionFile"),
                    "question"),
    **dict.fromkeys(("MAX_CARRIES", "SESSION_SCHEMA_VERSION", "Action", "ActionStatus", "Asked", "Decision",
                     "FollowUpItem", "Option", "Outcome", "ScaleAnswer", "Session", "Status", "new_session_id",
                     "now", "review_status"), "session"),
    "parse_date": "dates",
    **dict.fromkeys(("MORE_OPTIONS", "ONE_HIGHER", "TO_TEN", "Prompt", "is_motivation", "parse_score", "prompt_for"),
                    "prompts"),
    "json_schema": "schemas",
    **dict.fromkeys(("covered_phases", "duration_minutes", "has_content"), "progress"),
}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:
    from growtui.model.common import (
        Lang as Lang,
    )
    from growtui.model.common import (
        Localized as Localized,
    )
    from growtui.model.common import (
        NonEmpty as NonEmpty,
    )
    from growtui.model.common import (
        Phase as Phase,
    )
    from growtui.model.common import (
        Score as Score,
    )
    from growtui.model.common import (
        Strict as Strict,
    )
    from growtui.model.dates import (
        parse_date as parse_date,
    )
    from growtui.model.progress import (
        covered_phases as covered_phases,
    )
    from growtui.model.progress import (
        duration_minutes as duration_minutes,
    )
    from growtui.model.progress import (
        has_content as has_content,
    )
    from growtui.model.prompts import (
        MORE_OPTIONS as MORE_OPTIONS,
    )
    from growtui.model.prompts import (
        ONE_HIGHER as ONE_HIGHER,
    )
    from growtui.model.prompts import (
        TO_TEN as TO_TEN,
    )
    from growtui.model.prompts import (
        Prompt as Prompt,
    )
    from growtui.model.prompts import (
        is_motivation as is_motivation,
    )
    from growtui.model.prompts import (
        parse_score as parse_score,
    )
    from growtui.model.prompts import (
        prompt_for as prompt_for,
    )
    from growtui.model.question import (
        QUESTIONS_SCHEMA_VERSION as QUESTIONS_SCHEMA_VERSION,
    )
    from growtui.model.question import (
        FollowUp as FollowUp,
    )
    from growtui.model.question import (
        Hint as Hint,
    )
    from growtui.model.question import (
        Kind as Kind,
    )
    from growtui.model.question import (
        Question as Question,
    )
    from growtui.model.question import (
        QuestionFile as QuestionFile,
    )
    from growtui.model.schemas import (
        json_schema as json_schema,
    )
    from growtui.model.session import (
        MAX_CARRIES as MAX_CARRIES,
    )
    from growtui.model.session import (
        SESSION_SCHEMA_VERSION as SESSION_SCHEMA_VERSION,
    )
    from growtui.model.session import (
        Action as Action,
    )
    from growtui.model.session import (
        ActionStatus as ActionStatus,
    )
    from growtui.model.session import (
        Asked as Asked,
    )
    from growtui.model.session import (
        Decision as Decision,
    )
    from growtui.model.session import (
        FollowUpItem as FollowUpItem,
    )
    from growtui.model.session import (
        Option as Option,
    )
    from growtui.model.session import (
        Outcome as Outcome,
    )
    from growtui.model.session import (
        ScaleAnswer as ScaleAnswer,
    )
    from growtui.model.session import (
        Session as Session,
    )
    from growtui.model.session import (
        Status as Status,
    )
    from growtui.model.session import (
        new_session_id as new_session_id,
    )
    from growtui.model.session import (
        now as now,
    )
    from growtui.model.session import (
        review_status as review_status,
    )
