"""The plan workbook's sheets and columns: one definition for the template, the importer and the export.

Sheet and column names are matched as swp/sheets/headers.py matches headings: case, punctuation and
spacing ignored, with the synonyms listed here, so a partnership's own workbook with "Item No."
or "Lead partner" headings is read as well as ours. Words with a fixed meaning (a partner's kind,
an action's horizon) are read as a Vocabulary (swp.sheets.values.parse_choice): the label we write,
the stored value, or a common synonym, in any case. Anything else is an error on that cell, never
a guess.
"""

from governance.models import Organisation
from priorities.models import Measure, Plan

from ..models import Action, Rag
from .shapes import Sheet, field_of, vocabulary

# The Partners sheet's kind for a group of the partnership (a delivery or thematic group) rather
# than an organisation: such a row becomes a governance Board, which can lead a priority.
GROUP = "group"


LIST_HELP = "Separate several with a semicolon (;) or put each on its own line in the cell."

# The Plan sheet is a list of fields, one a row: the field's name in column A, its value in B.
PLAN = Sheet(
    "plan",
    "Plan",
    ("plan details", "the plan", "about the plan"),
    "One row for each detail of the plan: the name of the detail in column A, its value in column B.",
    (
        field_of(
            "title",
            "Title",
            "Required. The plan's name; it must differ from the partnership's other plans.",
            "Safer Borough Community Safety Plan 2021/22",
            synonyms=("plan title", "name", "plan name"),
            required=True,
        ),
        field_of(
            "period",
            "Period",
            "The years the plan covers, as written: 2021 (January to December), "
            "2021/22 (April 2021 to March 2022), or 2021/22 to 2023/24. Or give Starts and Ends instead.",
            "2021/22",
            synonyms=("plan period", "years", "covers"),
        ),
        field_of(
            "starts",
            "Starts",
            "The first day of the plan, a date like 01/04/2021. Needed if Period is blank.",
            "01/04/2021",
            synonyms=("start", "start date", "period start", "from"),
        ),
        field_of(
            "ends",
            "Ends",
            "The last day of the plan, a date like 31/03/2022. Needed if Period is blank.",
            "31/03/2022",
            synonyms=("end", "end date", "period end", "to"),
        ),
        field_of(
            "vision",
            "Vision",
            "Optional. The plan's vision statement.",
            "“Working together so that everyone feels safe” – our vision",
            synonyms=("vision statement",),
        ),
        field_of(
            "aims",
            "Aims",
            "Optional. The plan's aims. " + LIST_HELP,
            "Keeping people safe from harm; Reducing reoffending",
            synonyms=("our aims", "aim"),
        ),
        field_of(
            "quarter_scheme",
            "Quarter scheme",
            "Optional. Calendar (Q1 is January to March) or Financial "
            "(Q1 is April to June). Blank: financial when Period is written like 2021/22, "
            "otherwise calendar.",
            "Financial",
            synonyms=("quarters", "reporting quarters"),
        ),
        field_of(
            "red",
            "Red means",
            "Optional. What a red rating means in this plan. Blank: the usual wording.",
            "Off track and needs the board's help",
            synonyms=("red", "red definition"),
        ),
        field_of(
            "amber",
            "Amber means",
            "Optional. What an amber rating means.",
            "At risk, with a plan to recover",
            synonyms=("amber", "amber definition"),
        ),
        field_of(
            "green",
            "Green means",
            "Optional. What a green rating means.",
            "On track",
            synonyms=("green", "green definition"),
        ),
        field_of(
            "assessment",
            "Strategic assessment",
            "Optional. The title of the strategic assessment the "
            "plan rests on. Needed if there are baseline statistics.",
            "Strategic assessment 2020",
            synonyms=("assessment", "strategic assessment title"),
        ),
        field_of(
            "assessment_on",
            "Assessment completed on",
            "Optional. The date the strategic assessment was "
            "completed, like 31/01/2020. Blank if the plan does not say.",
            "31/01/2020",
            synonyms=("assessment date", "assessment completed"),
        ),
        field_of(
            "assessment_summary",
            "Assessment summary",
            "Optional. A summary of the assessment.",
            "",
            synonyms=("strategic assessment summary",),
        ),
    ),
)

PARTNERS = Sheet(
    "partners",
    "Partners",
    ("partner organisations", "organisations", "partnership members", "members"),
    "One row for each partner organisation, and for each group (such as a violence reduction group) "
    "that leads a priority. An organisation already in the partnership with the same name is used "
    "as it is; new ones are added.",
    (
        field_of(
            "name",
            "Name",
            "Required. The organisation's or group's full name.",
            "Safer Borough Police",
            synonyms=("organisation", "partner", "organisation name", "partner name"),
            required=True,
        ),
        field_of(
            "short_name",
            "Short name",
            "Optional. A shorter name, such as an abbreviation.",
            "SBP",
            synonyms=("abbreviation", "short"),
        ),
        field_of(
            "kind",
            "Kind",
            "Optional. One of: Police, Council, Fire and rescue, Health, Probation, "
            "Community rehabilitation company, Housing, Public health, Youth justice, Education, "
            "Voluntary and community, Police and crime commissioner, Business, Other; or Group for a "
            "group of the partnership. Blank: Other.",
            "Police",
            synonyms=("type", "organisation type", "sector"),
        ),
        field_of(
            "membership",
            "Membership",
            "Optional. Statutory responsible authority, or Associate member. "
            "Blank: Associate member. Not used for groups.",
            "Statutory responsible authority",
            synonyms=("member type", "status", "statutory"),
        ),
    ),
)

PRIORITIES = Sheet(
    "priorities",
    "Priorities",
    ("priority", "strategic priorities", "our priorities"),
    "One row for each priority and each sub-priority, in the plan's order.",
    (
        field_of(
            "reference",
            "Reference",
            "Required. The priority's number: 1, 2 … and for sub-priorities 1.1, "
            "1.2, even 1.1.1. Each must differ.",
            "1.1",
            synonyms=("ref", "number", "no", "priority number", "priority reference", "item no"),
            required=True,
        ),
        field_of(
            "title",
            "Title",
            "Required. The priority's name, different from the others'.",
            "Violence reduction",
            synonyms=("priority", "priority title", "name"),
            required=True,
        ),
        field_of(
            "parent",
            "Part of",
            "Optional. For a sub-priority, the reference of the priority it belongs to. "
            "Blank: worked out from the reference (1.1 is part of 1), if there is such a priority.",
            "1",
            synonyms=("parent", "parent reference", "sub priority of", "belongs to"),
        ),
        field_of(
            "lead_bodies",
            "Lead bodies",
            "Optional. The lead partners and lead groups, by their names (or short "
            "names) on the Partners sheet. The first is the lead partner; a priority may have several, "
            "or none. " + LIST_HELP,
            "Safer Borough Police; Violence Reduction Group",
            synonyms=(
                "lead partner",
                "lead partners",
                "lead organisation",
                "lead organisations",
                "lead",
                "strategic lead",
                "lead body",
            ),
        ),
        field_of(
            "lead_as_written",
            "Lead as written",
            "Optional. The lead in the plan's own words, when it is not "
            "simply the partners named, such as “All partners” or “Joint: police and council”.",
            "All partners",
            synonyms=("lead wording",),
        ),
        field_of(
            "lead_officer",
            "Lead officer",
            "Optional. The lead officer's name or job title, as the plan "
            "gives it. They need not have an account.",
            "Superintendent J. Smith",
            synonyms=("lead officer name", "responsible lead"),
        ),
        field_of(
            "lead_support_officer",
            "Lead support officer",
            "Optional. As the plan gives it.",
            "",
            synonyms=("support officer",),
        ),
        field_of(
            "aim",
            "Aim",
            "Optional. What the priority aims to do.",
            "To reduce violence on our streets",
            synonyms=("our aim", "aims"),
        ),
        field_of(
            "why",
            "Why it is a priority",
            "Optional. Why it matters.",
            "Violent crime rose by 12% last year",
            synonyms=("why", "why is this a priority", "rationale", "background"),
        ),
        field_of(
            "you_told_us",
            "You told us",
            "Optional. What residents said in the consultation.",
            "",
            synonyms=("consultation", "you said"),
        ),
        field_of(
            "statistics",
            "Statistics cited",
            "Optional. The baseline statistics it rests on, by their "
            "reference or label on the Baseline statistics sheet. " + LIST_HELP,
            "S1; S2",
            synonyms=("statistics", "cites", "evidence"),
        ),
    ),
)

MEASURES = Sheet(
    "measures",
    "Measures",
    ("success measures", "success will be measured by", "indicators", "performance measures", "outcomes"),
    "One row for each way a priority's success is measured: a number with a baseline and target, or "
    "an outcome described in words.",
    (
        field_of(
            "priority",
            "Priority reference",
            "Required. The reference of its priority or sub-priority.",
            "1",
            synonyms=("priority", "priority ref", "ref"),
            required=True,
        ),
        field_of(
            "title",
            "Title",
            "Required. What is measured.",
            "Recorded violent offences",
            synonyms=("measure", "indicator", "success measure", "description"),
            required=True,
        ),
        field_of(
            "kind",
            "Kind",
            "Optional. Numeric indicator, or Qualitative outcome (described in words). "
            "Blank: numeric if it has a baseline or target value, otherwise an outcome.",
            "Numeric indicator",
            synonyms=("type", "measure type"),
        ),
        field_of(
            "unit", "Unit", "Optional. What the numbers count, such as offences, people or %.", "offences"
        ),
        field_of(
            "unit_type",
            "Unit type",
            "Optional. count (whole numbers), percentage, rate, or money. Blank: "
            "percentage for a unit of %, money for £, otherwise count.",
            "count",
            synonyms=("number type",),
        ),
        field_of(
            "direction",
            "Direction",
            "Needed for a numeric indicator: Higher is better, or Lower is better.",
            "Lower is better",
            synonyms=("better when", "polarity", "good is"),
        ),
        field_of(
            "baseline_value",
            "Baseline value",
            "Optional. A number: £ signs, commas and % are allowed.",
            "3,700",
            synonyms=("baseline",),
        ),
        field_of(
            "baseline_period",
            "Baseline period",
            "Optional. The period the baseline covers, as written.",
            "2019/20",
        ),
        field_of(
            "baseline_source",
            "Baseline source",
            "Optional. Where the baseline comes from.",
            "Strategic assessment, January 2020",
        ),
        field_of("baseline_note", "Baseline note", "Optional. Caveats, or why there is no baseline.", ""),
        field_of(
            "baseline_statistic",
            "Baseline statistic",
            "Optional. The baseline statistic it comes from, by "
            "its reference or label on the Baseline statistics sheet.",
            "S1",
        ),
        field_of(
            "target_value",
            "Target value",
            "Optional. A number. Words here (“Reduce by a tenth”) are kept as "
            "the target description instead.",
            "3,500",
            synonyms=("target",),
        ),
        field_of(
            "target_description",
            "Target description",
            "Optional. The target in words, when it is not a number.",
            "Fewer repeat victims than last year",
            synonyms=("target in words",),
        ),
    ),
)

ACTIONS = Sheet(
    "actions",
    "Actions",
    ("delivery plan", "performance delivery plan", "action plan", "commitments"),
    "One row for each action of the delivery plan.",
    (
        field_of(
            "reference",
            "Reference",
            "Required. The action's item number, such as 1.1 or 1.1.1; each must differ.",
            "1.1.1",
            synonyms=("ref", "item no", "item number", "item", "no", "action no"),
            required=True,
        ),
        field_of(
            "priority",
            "Priority reference",
            "Optional. The reference of its priority or sub-priority. Blank: "
            "worked out from the action's reference (1.1.1 belongs to 1.1, or else to 1).",
            "1.1",
            synonyms=("priority", "priority ref", "sub priority"),
        ),
        field_of(
            "overall_objective",
            "Overall objective",
            "Required. The commitment, as the plan words it.",
            "Reduce knife crime among young people",
            synonyms=("commitment", "action", "what we will do"),
            required=True,
        ),
        field_of(
            "objective",
            "Objective",
            "Optional. The specific objective the lead will deliver.",
            "Run knife-awareness sessions in every secondary school",
            synonyms=("specific objective",),
        ),
        field_of(
            "horizon",
            "Horizon",
            "Optional. Over the coming year, Over the next three years, or Over more than three years "
            "(one year, three years, five years, ten years). Blank: over the coming year.",
            "Over the coming year",
            synonyms=("timeframe",),
        ),
        field_of(
            "responsible_officer",
            "Responsible officer",
            "Optional. As the plan names them; they need not have an account.",
            "Community Safety Manager",
            synonyms=("officer", "responsible person", "lead officer"),
        ),
        field_of(
            "organisations",
            "Responsible organisations",
            "Optional. Partner organisations by their names or "
            "short names on the Partners sheet. " + LIST_HELP,
            "Safer Borough Police; Safer Borough Council",
            synonyms=("responsible organisation", "responsible partners", "organisations", "partners"),
        ),
        field_of(
            "start",
            "Start date",
            "Optional. A date like 01/04/2021.",
            "01/04/2021",
            synonyms=("start", "starts"),
        ),
        field_of(
            "deadline",
            "Deadline",
            "Optional. A date like 31/03/2022. Words (“Ongoing”, “March 2022”, "
            "“2021/22”) are kept as the timescale instead.",
            "31/03/2022",
            synonyms=("due", "due date", "deadline date", "end date"),
        ),
        field_of(
            "timescale",
            "Timescale",
            "Optional. The deadline in words, when it is not a date.",
            "Ongoing",
            synonyms=("timescale as written", "timescales", "when"),
        ),
        field_of(
            "status",
            "Status",
            "Optional. Not started, In progress, Complete or Cancelled. Blank: not started.",
            "Not started",
            synonyms=("action status",),
        ),
        field_of(
            "themes",
            "Themes",
            "Optional. The cross-cutting themes it contributes to, such as Domestic abuse. " + LIST_HELP,
            "Domestic abuse",
            synonyms=("theme", "cross cutting themes"),
        ),
        # Where the action stood when the plan was brought in (issue 15 item 7): the last quarter's
        # report, loaded as that quarter's accepted update.
        field_of(
            "rag",
            "Latest RAG",
            "Optional, for a plan brought in part way through: the RAG rating last reported (Red, Amber "
            "or Green), with the quarter in “Reported for”.",
            "Amber",
            synonyms=(
                "rag",
                "rag status",
                "rag rating",
                "rag evaluation",
                "rag evaluation on target",
                "on target",
                "current rag",
                "last rag",
            ),
        ),  # fmt: skip
        field_of(
            "progress",
            "Latest progress",
            "Optional. The progress last reported, as written.",
            "Sessions held in 12 of 14 schools",
            synonyms=("progress", "progress update", "latest update", "progress narrative"),
        ),
        field_of(
            "recovery_plan",
            "What is being done",
            "Optional; needed with a red or amber rating. What is being done to get it back on track.",
            "Two schools booked for May",
            synonyms=("recovery plan", "actions to get back on track"),
        ),
        field_of(
            "outcomes",
            "Actual outcomes",
            "Optional. The outcomes last reported.",
            "",
            synonyms=("outcomes", "actual outcomes of specific actions"),
        ),
        field_of(
            "reported_for",
            "Reported for",
            "Needed with a latest RAG: the quarter it was reported for, by its label on the Reporting "
            "periods sheet (such as 2021/22 Q2) or a date in it. It becomes that quarter's accepted update.",
            "2021/22 Q2",
            synonyms=("quarter", "reporting period", "reported in", "as at", "quarter reported"),
        ),
    ),
)

THEMES = Sheet(
    "themes",
    "Themes",
    ("cross cutting themes", "theme"),
    "Optional. One row for each theme that cuts across priorities. Themes named only on the Actions "
    "sheet are added too, without a description.",
    (
        field_of(
            "name",
            "Name",
            "Required. The theme's name.",
            "Domestic abuse",
            synonyms=("theme",),
            required=True,
        ),
        field_of("description", "Description", "Optional.", "A joint accountability of every priority"),
        field_of(
            "priorities",
            "Priorities",
            "Optional. The references of the priorities it cuts across. " + LIST_HELP,
            "1; 2",
            synonyms=("priority references",),
        ),
    ),
)

STATISTICS = Sheet(
    "statistics",
    "Baseline statistics",
    ("statistics", "baseline", "baselines", "strategic assessment", "data", "key statistics"),
    "Optional. The figures from the strategic assessment that the plan rests on, each with its period "
    "and source where the plan gives them. They need the strategic assessment's title on the Plan sheet.",
    (
        field_of(
            "reference",
            "Reference",
            "Optional. A short label for linking it from the Measures and Priorities sheets, such as S1.",
            "S1",
            synonyms=("ref", "id"),
        ),
        field_of(
            "label",
            "Label",
            "Required. What the figure is.",
            "Recorded crimes of public place violence",
            synonyms=("statistic", "description", "what"),
            required=True,
        ),
        field_of(
            "value",
            "Value",
            "Required. A number: £ signs, commas and % are allowed (a cell Excel shows as 26% is 26); "
            "negative numbers too.",
            "3,700",
            synonyms=("figure", "number"),
            required=True,
        ),
        field_of(
            "unit",
            "Unit",
            "Optional. What it counts, such as offences, people or %. Blank if the plan does not say.",
            "offences",
        ),
        field_of(
            "period",
            "Period",
            "Optional. The period it covers, as written. Blank if the plan does not say.",
            "2019/20",
            synonyms=("year",),
        ),
        field_of(
            "source",
            "Source",
            "Optional. Where it comes from. Blank if the plan does not say.",
            "Strategic assessment, January 2020",
        ),
        field_of("note", "Note", "Optional. Caveats.", "", synonyms=("notes", "caveat")),
    ),
)

# Written by the export, beside the template's sheets. Only the quarters are read back on import.
PERIODS = Sheet(
    "periods",
    "Reporting periods",
    ("quarters", "reporting quarters"),
    "Optional. The plan's reporting quarters. Blank: quarters are made from the plan's period and "
    "quarter scheme. They start not yet open, whatever the Status column says.",
    (
        field_of(
            "label",
            "Label",
            "Required. Such as 2021 Q1.",
            "2021/22 Q1",
            synonyms=("quarter", "period"),
            required=True,
        ),
        field_of(
            "start",
            "Start",
            "Required. A date.",
            "01/04/2021",
            synonyms=("starts", "start date"),
            required=True,
        ),
        field_of(
            "end", "End", "Required. A date.", "30/06/2021", synonyms=("ends", "end date"), required=True
        ),
        field_of(
            "deadline",
            "Update deadline",
            "Required. The last day for updates.",
            "14/07/2021",
            synonyms=("deadline",),
            required=True,
        ),
        field_of("status", "Status", "Export only.", ""),
        field_of("meeting", "Board meeting", "Export only.", ""),
    ),
)

UPDATES = Sheet(
    "updates",
    "Updates",
    ("quarterly updates", "progress updates"),
    "Export only: every quarterly update, as it stands.",
    imported=False,
)
READINGS = Sheet(
    "readings",
    "Readings",
    ("measure readings",),
    "Export only: every reading of a measure, per quarter.",
    imported=False,
)
HISTORY = Sheet(
    "history",
    "History",
    ("change history", "audit trail"),
    "Export only: who changed what in the plan, and when.",
    imported=False,
)
READ_ME = Sheet("read_me", "Read me", ("readme", "instructions", "guidance", "notes"), "", imported=False)

# The blank template has every sheet its Read me describes, Reporting periods among them.
TEMPLATE_SHEETS = (PLAN, PARTNERS, PRIORITIES, MEASURES, ACTIONS, THEMES, STATISTICS, PERIODS)
EXPORT_SHEETS = (*TEMPLATE_SHEETS, UPDATES, READINGS, HISTORY)
ALL_SHEETS = (READ_ME, *EXPORT_SHEETS)


# Words with a fixed meaning ------------------------------------------------------------------------

ORGANISATION_KIND = vocabulary(
    "a kind of partner",
    [*Organisation.Kind.choices, (GROUP, "Group")],
    {
        "fire service": "fire", "fire & rescue": "fire", "nhs": "health", "ccg": "health",
        "clinical commissioning group": "health", "local authority": "council", "crc": "rehabilitation",
        "voluntary": "voluntary", "charity": "voluntary", "vcs": "voluntary", "college": "education",
        "school": "education", "police and crime commissioner": "pcc", "delivery group": GROUP,
        "thematic group": GROUP, "sub group": GROUP, "subgroup": GROUP, "working group": GROUP,
        "board": GROUP, "partnership group": GROUP,
    },
)  # fmt: skip
MEMBERSHIP = vocabulary(
    "a kind of membership",
    Organisation.Membership.choices,
    {"responsible authority": "responsible_authority", "statutory": "responsible_authority",
     "statutory partner": "responsible_authority", "associate": "associate", "non statutory": "associate"},
)  # fmt: skip
HORIZON = vocabulary(
    "a horizon",
    Action.Horizon.choices,
    {"one year": "one_year", "1 year": "one_year", "coming year": "one_year", "this year": "one_year",
     "short term": "one_year", "three years": "three_years", "3 years": "three_years",
     "next three years": "three_years", "longer term": "three_years", "long term": "three_years",
     "more than three years": "longer", "over three years": "longer", "beyond three years": "longer",
     "four years": "longer", "4 years": "longer", "five years": "longer", "5 years": "longer",
     "ten years": "longer", "10 years": "longer", "next five years": "longer", "next ten years": "longer",
     "over the next five years": "longer", "over the next ten years": "longer"},
)  # fmt: skip
ACTION_STATUS = vocabulary(
    "an action status",
    Action.Status.choices,
    {"completed": "complete", "done": "complete", "started": "in_progress"},
)
MEASURE_KIND = vocabulary(
    "a kind of measure",
    Measure.Kind.choices,
    {"number": "numeric", "numeric": "numeric", "indicator": "numeric", "quantitative": "numeric",
     "outcome": "qualitative", "described outcome": "qualitative", "narrative": "qualitative"},
)  # fmt: skip
DIRECTION = vocabulary(
    "a direction",
    Measure.Direction.choices,
    {"higher": "higher", "up": "higher", "increase": "higher", "more is better": "higher",
     "lower": "lower", "down": "lower", "reduce": "lower", "decrease": "lower", "less is better": "lower"},
)  # fmt: skip
UNIT_TYPE = vocabulary(
    "a unit type",
    Measure.UnitType.choices,
    {"count": "count", "number": "count", "whole number": "count", "percentage": "percentage",
     "percent": "percentage", "%": "percentage", "rate": "rate", "money": "money", "£": "money",
     "pounds": "money"},
    shown=["count", "percentage", "rate", "money"],
)  # fmt: skip
QUARTER_SCHEME = vocabulary(
    "a quarter scheme",
    Plan.QuarterScheme.choices,
    {"calendar": "calendar", "calendar year": "calendar", "january": "calendar",
     "financial": "financial", "financial year": "financial", "april": "financial"},
    shown=["Calendar", "Financial"],
)  # fmt: skip
RAG = vocabulary("a RAG rating", Rag.choices, {"r": "red", "a": "amber", "g": "green"})
