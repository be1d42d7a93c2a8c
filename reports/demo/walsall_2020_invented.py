"""What the demo invents around the transcribed plan (walsall_2020_plan.py), as plain data.

The transcription alone is a plan nobody has reported on. To show the app at work, the demo
stands in October 2020, with two quarters reported and the third open, and adds, each marked so:

* DEMO_USERS (fictional people, never the real officers the seed names), PRIORITY_LEADS (each
  priority's lead officer, one of them) and OWNED_ACTIONS;
* the five priority delivery groups (DELIVERY_GROUPS) and the board secretary's seat
  (BOARD_MEMBERS): their terms of reference and titles start "Demo:";
* the four 2020 board MEETINGS and their MEETING_RECORDS, with agenda, attendance, decisions and
  minutes (every text starts "Demo:"), and Cabinet's decision of 23 October 2019;
* Cabinet's decision and Full Council's approval in APPROVALS (notes start "Demo:"), after the
  transcribed trail;
* which EqIA actions are marked done (EQIA_ACTIONS_DONE);
* the REPORTING_PERIODS' deadlines and statuses; DEMO_UPDATES (every progress text starts "Demo
  update: "); DEMO_READINGS (every narrative starts "Demo reading: "), and what MEASURE_NOTES adds
  to a measure's baseline note about them.

None of it is the partnership's real reporting.

Judgement calls, each explained again beside its data:

* The governance diagram (Appendix B) did not survive into the text, so the thematic groups
  are not the seed's: the demo gives each priority a delivery group (marked "Demo:") so the
  structure page has something beneath the board.
* The plan is approved by Full Council ("That Cabinet recommend to Council that the ... Plan
  2020 is approved as the Community Safety Plan for the borough"). The seed is the report to
  Cabinet, not its minutes, and records neither decision: the demo takes Cabinet's
  recommendation as made on 23 October 2019 and Full Council's approval as given on 5 November
  2019 (the EqIA's "Proposal start date (due or actual date) 5/11/19"; it expects approval "by
  Council in November 2019"). Both are marked "Demo:". So the plan is approved, and active since
  1 January 2020, through its trail.
* EqIA actions 1 to 7 (the approvals, up to Cabinet on 23 October 2019) are marked done, on their
  outcome dates, because the approvals trail records them; the last three (feedback to the
  public, the 12-month review, setting up governance) are left open.

Plain data only: no Django imports, no database access. Records are keyed as in
walsall_2020_plan.py: organisations and boards by their "key", priorities by their order,
commitments as ``(priority order, index)`` with index 0-based into ``one_year + three_years``,
measures as ``(priority order, measure order)``, meetings as ``(board key, date)``.
"""

from datetime import date
from decimal import Decimal

# Demo: fictional people. The password is set by the loader; these are the README's demo logins.
DEMO_USERS = [
    {
        "email": "admin@demo.example",
        "full_name": "Demo Admin",
        "organisation": "council",
        "role": "admin",
        "superuser": True,
        "job_title": "Partnership admin (demo)",
    },
    {
        "email": "secretary@demo.example",
        "full_name": "Demo Board Secretary",
        "organisation": "council",
        "role": "secretary",
        "superuser": False,
        "job_title": "Community Safety Officer, board secretary (demo)",
    },
    {
        "email": "lead.violence@demo.example",
        "full_name": "Demo Violence Lead",
        "organisation": "wmp",
        "role": "contributor",
        "superuser": False,
        "job_title": "Inspector, Walsall Partnerships (demo)",
    },
    {
        "email": "lead.prevent@demo.example",
        "full_name": "Demo Prevent Lead",
        "organisation": "council",
        "role": "contributor",
        "superuser": False,
        "job_title": "Prevent Co-ordinator (demo)",
    },
    {
        "email": "lead.drugs@demo.example",
        "full_name": "Demo Drugs Lead",
        "organisation": "public_health",
        "role": "contributor",
        "superuser": False,
        "job_title": "Substance Misuse Commissioner (demo)",
    },
    {
        "email": "lead.soc@demo.example",
        "full_name": "Demo SOC Lead",
        "organisation": "ccg",
        "role": "contributor",
        "superuser": False,
        "job_title": "Designated Safeguarding Lead (demo)",
    },
    {
        "email": "lead.reoffending@demo.example",
        "full_name": "Demo Reoffending Lead",
        "organisation": "crc",
        "role": "contributor",
        "superuser": False,
        "job_title": "Senior Probation Manager (demo)",
    },
    {
        "email": "owner@demo.example",
        "full_name": "Demo Housing Officer",
        "organisation": "whg",
        "role": "contributor",
        "superuser": False,
        "job_title": "Tenancy Sustainment Manager (demo)",
    },
    {
        "email": "officer@demo.example",
        "full_name": "Demo Council Officer",
        "organisation": "council",
        "role": "viewer",
        "superuser": False,
        "job_title": "Policy Officer (demo)",
    },
]


# Demo: each priority's lead officer, one of the fictional DEMO_USERS, keyed by priority order.
PRIORITY_LEADS = {
    1: "lead.violence@demo.example",
    2: "lead.prevent@demo.example",
    3: "lead.drugs@demo.example",
    4: "lead.soc@demo.example",
    5: "lead.reoffending@demo.example",
}


# Demo: actions owned by someone other than the priority lead. Only one commitment plainly falls
# to a housing provider; the plan itself does not name Walsall Housing Group against it, so it
# is not among that commitment's "organisations".
OWNED_ACTIONS = {
    "owner@demo.example": [
        # "Increase access to stable and sustainable accommodation, especially for those leaving
        # custodial settings"
        (5, 6),
    ],
}


# Demo: the thematic groups of Appendix B are not the seed's: the governance diagram did not
# survive into the text (only "Valuing and listening to our communities" and "WEST MIDLANDS
# FIRE SERVICE" remain). The plan gives each priority a lead "responsible for operational
# plans and the delivery of a number of actions and outcomes" (cabinet report 4.3), so the
# demo gives each priority a delivery group, chaired by its fictional demo lead.
DELIVERY_GROUPS = [
    {
        "key": f"group_{order}",
        "name": f"{title} delivery group",
        "kind": "thematic",
        "parent": "board",
        "meeting_frequency": "Monthly",
        "terms_of_reference": (
            "Demo: invented for the demo, since the cabinet report's governance diagram is not legible. "
            f"Delivers the {title.lower()} priority of the Safer Walsall Partnership Plan 2020 and "
            "reports its progress to the Partnership Board each quarter."
        ),
        "members": [
            {
                "name": name,
                "title": f"Demo: {job}",
                "organisation": organisation,
                "position": "chair",
                "demo_user": email,
            }
        ],
    }
    for order, title, name, job, organisation, email in [
        (
            1,
            "Violence reduction",
            "Demo Violence Lead",
            "Inspector, Walsall Partnerships",
            "wmp",
            "lead.violence@demo.example",
        ),
        (
            2,
            "Prevent extremist activity",
            "Demo Prevent Lead",
            "Prevent Co-ordinator",
            "council",
            "lead.prevent@demo.example",
        ),
        (
            3,
            "Reduce drug and alcohol misuse",
            "Demo Drugs Lead",
            "Substance Misuse Commissioner",
            "public_health",
            "lead.drugs@demo.example",
        ),
        (
            4,
            "Serious and organised crime",
            "Demo SOC Lead",
            "Designated Safeguarding Lead",
            "ccg",
            "lead.soc@demo.example",
        ),
        (
            5,
            "Reduce offending and re-offending",
            "Demo Reoffending Lead",
            "Senior Probation Manager",
            "crc",
            "lead.reoffending@demo.example",
        ),
    ]
]


# Demo: seats added to a transcribed board's members, keyed by the board's key.
BOARD_MEMBERS = {
    "board": [
        # Demo: the board secretary's seat, held by the fictional demo secretary.
        {
            "name": "Demo Board Secretary",
            "title": "Demo: Community Safety Officer, board secretary",
            "organisation": "council",
            "position": "secretary",
            "demo_user": "secretary@demo.example",
        },
    ],
}


_DEMO_MEETING_NOTE = "Demo: date invented for the demo; the plan says only that the board meets quarterly."
MEETINGS = [
    # Demo: the third Tuesday of the month after each quarter ends.
    {
        "board": "board",
        "date": date(2020, 4, 21),
        "title": "Quarterly board meeting: 2020 Q1 progress",
        "notes": _DEMO_MEETING_NOTE,
    },
    {
        "board": "board",
        "date": date(2020, 7, 21),
        "title": "Quarterly board meeting: 2020 Q2 progress",
        "notes": _DEMO_MEETING_NOTE,
    },
    {
        "board": "board",
        "date": date(2020, 10, 20),
        "title": "Quarterly board meeting: 2020 Q3 progress",
        "notes": _DEMO_MEETING_NOTE,
    },
    {
        "board": "board",
        "date": date(2021, 1, 19),
        "title": "Quarterly board meeting: 2020 Q4 progress",
        "notes": _DEMO_MEETING_NOTE,
    },
]


# Demo: who attends the 2020 board meetings, and the agenda each follows.
_DEMO_PEOPLE_PRESENT = [
    ("Demo Board Secretary", "secretary@demo.example", "council", "secretary"),
    ("Demo Violence Lead", "lead.violence@demo.example", "wmp", "in_attendance"),
    ("Demo Prevent Lead", "lead.prevent@demo.example", "council", "in_attendance"),
    ("Demo Drugs Lead", "lead.drugs@demo.example", "public_health", "in_attendance"),
    ("Demo SOC Lead", "lead.soc@demo.example", "ccg", "in_attendance"),
    ("Demo Reoffending Lead", "lead.reoffending@demo.example", "crc", "in_attendance"),
]


def _demo_attendance(apologies: set[str]) -> list[dict]:
    return [
        {
            "name": name,
            "demo_user": email,
            "organisation": organisation,
            "position": position,
            "status": "apologies" if name in apologies else "present",
        }
        for name, email, organisation, position in _DEMO_PEOPLE_PRESENT
    ]


def _demo_agenda(quarter: str) -> list[dict]:
    return [
        {
            "title": "Demo: Apologies, and the minutes of the last meeting",
            "presenter": "Chair",
            "paper": "",
        },
        {
            "title": f"Demo: {quarter} progress report",
            "presenter": "Demo Board Secretary",
            "paper": f"Demo: the {quarter} board pack, made from the leads' accepted updates.",
        },
        {
            "title": "Demo: Exceptions: red and amber actions",
            "presenter": "Priority leads",
            "paper": "",
        },
        {"title": "Demo: Any other business", "presenter": "Chair", "paper": ""},
    ]


# What the demo adds to each meeting's record, keyed by (board key, meeting date): Cabinet's
# decision, which the seed does not record, and the 2020 meetings' records (every text "Demo:").
MEETING_RECORDS = {
    ("cabinet", date(2019, 10, 23)): {
        "decisions": [
            {
                "kind": "decision",
                "agenda_item": 1,
                "text": "Demo: the plan comes from the report to Cabinet, not its minutes, so Cabinet's "
                "decision is not recorded. The demo takes the report's first recommendation as agreed: "
                "that Cabinet recommend to Council that the Safer Walsall Partnership Plan 2020 is approved "
                "as the Community Safety Plan for the borough.",
            }
        ],
    },
    ("board", date(2020, 4, 21)): {
        "agenda": _demo_agenda("2020 Q1"),
        "attendance": _demo_attendance({"Demo SOC Lead"}),
        "decisions": [
            {
                "reference": "SWP 20/04/1",
                "kind": "decision",
                "agenda_item": 2,
                "text": "Demo: Noted the 2020 Q1 progress report.",
            },
            {
                "reference": "SWP 20/04/2",
                "kind": "action",
                "agenda_item": 3,
                "text": "Demo: Bring a recovery plan for each amber action to the next meeting.",
                "owner": "Priority leads",
                "due_on": date(2020, 7, 21),
            },
        ],
        "minutes": "Demo: minutes invented for the demo. The board received the 2020 Q1 progress report, "
        "noted the actions rated amber and asked the priority leads for recovery plans.",
        "minutes_approved_on": date(2020, 7, 21),
    },
    ("board", date(2020, 7, 21)): {
        "agenda": _demo_agenda("2020 Q2"),
        "attendance": _demo_attendance({"Demo Drugs Lead"}),
        "decisions": [
            {
                "reference": "SWP 20/07/1",
                "kind": "decision",
                "agenda_item": 2,
                "text": "Demo: Noted the 2020 Q2 progress report and the effect of the COVID-19 lockdown on "
                "delivery.",
            },
            {
                "reference": "SWP 20/07/2",
                "kind": "action",
                "agenda_item": 4,
                "text": "Demo: Circulate the reporting timetable for the rest of 2020.",
                "owner": "Board secretary",
                "due_on": date(2020, 8, 31),
            },
        ],
        # Not yet agreed: the next meeting (20 October 2020) is still to come in the demo.
        "minutes": "Demo: draft minutes invented for the demo. The board received the 2020 Q2 progress "
        "report and discussed the effect of the COVID-19 lockdown on the plan's delivery.",
        "minutes_approved_on": None,
    },
    ("board", date(2020, 10, 20)): {"agenda": _demo_agenda("2020 Q3")},
}


# Demo: the approvals the seed does not record, after the transcribed trail (see the judgement
# calls above).
APPROVALS = [
    {
        "stage": "cabinet",
        "body": "Cabinet",
        "date": date(2019, 10, 23),
        "outcome": "approved",
        "notes": "Demo: the plan comes from the report to this meeting, not its minutes; its decision is not "
        "recorded. The report asks 'That Cabinet recommend to Council that the Safer Walsall Partnership "
        "Plan 2020 is approved as the Community Safety Plan for the borough'; the demo takes that as "
        "agreed (EqIA: 'Cabinet recommendations', 23/10/19).",
        "meeting": ("cabinet", date(2019, 10, 23)),
    },
    {
        "stage": "council",
        "body": "Full Council",
        "date": date(2019, 11, 5),
        "outcome": "approved",
        "notes": "Demo: the cabinet report does not record Full Council's decision or its date. The "
        "EqIA expects the plan to 'be approved by Council in November 2019' and gives 5/11/19 as the "
        "proposal start date, which the demo uses as the date of approval.",
    },
]


# Demo: which of the EqIA's "Action and monitoring plan" actions are done, by their place in
# EQUALITY_IMPACT_ASSESSMENT["actions"] (1-based), each on its outcome date. Actions 1 to 7 are the
# approvals, up to Cabinet on 23 October 2019, which the approvals trail records; the last three
# (feedback to the public, the 12-month review, setting up governance) are left open.
EQIA_ACTIONS_DONE = {1, 2, 3, 4, 5, 6, 7}


# Demo: deadlines (two weeks before each invented meeting) and statuses are invented; the demo
# stands in October 2020, with Q3 open for updates.
REPORTING_PERIODS = [
    {
        "label": "2020 Q1",
        "start": date(2020, 1, 1),
        "end": date(2020, 3, 31),
        "update_deadline": date(2020, 4, 7),
        "meeting_date": date(2020, 4, 21),
        "status": "locked",
    },
    {
        "label": "2020 Q2",
        "start": date(2020, 4, 1),
        "end": date(2020, 6, 30),
        "update_deadline": date(2020, 7, 7),
        "meeting_date": date(2020, 7, 21),
        "status": "locked",
    },
    {
        "label": "2020 Q3",
        "start": date(2020, 7, 1),
        "end": date(2020, 9, 30),
        "update_deadline": date(2020, 10, 6),
        "meeting_date": date(2020, 10, 20),
        "status": "open",
    },
    {
        "label": "2020 Q4",
        "start": date(2020, 10, 1),
        "end": date(2020, 12, 31),
        "update_deadline": date(2021, 1, 5),
        "meeting_date": date(2021, 1, 19),
        "status": "planned",
    },
]


# Demo: what a measure's baseline note says about its demo readings, keyed by (priority order,
# measure order) and added after the transcribed note.
MEASURE_NOTES = {
    (3, 3): "Demo readings record sentences made; completions are in the narrative.",
}


# Demo: what each numeric measure's demo readings cover (priorities.measure_periods.ValueCovers),
# keyed like MEASURE_NOTES. The plan says nothing of it; these match DEMO_READINGS below.
MEASURE_COVERS = {
    (1, 2): "rolling_year",  # public place violence: offences in the 12 months to the quarter's end
    (1, 3): "rolling_year",  # domestic abuse
    (3, 1): "at_quarter_end",  # drug users in structured treatment
    (3, 2): "quarter",  # successful completions, a rate for the quarter
    (3, 3): "quarter",  # DRR and ATR sentences made in the quarter
    (4, 3): "rolling_year",  # knife crime
    (5, 1): "rolling_year",  # repeat offenders over the preceding 12 months
}


# Demo: invented quarterly updates. Keys are (priority order, commitment index). Q1 and Q2 2020
# are accepted; a few Q3 entries show the open cycle (draft or submitted). Q2 reflects the
# COVID-19 lockdown from March 2020.
DEMO_UPDATES = {
    # ---- 1 Violence reduction ----
    (1, 0): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Survey questions on perceptions of violent crime agreed with "
            "partners, and listening events held in Walsall town centre, Bloxwich and Darlaston "
            "in February.",
            "outcomes": "3 community listening events held; 214 survey responses",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Face-to-face listening events were suspended from late March by the "
            "COVID-19 lockdown. The survey moved online and to partners' social media; small "
            "outdoor sessions restart when guidance allows.",
            "recovery_plan": "Demo: Keep the online survey open through the summer and promote it "
            "through community groups to reach people who are not online. Hold small, socially "
            "distanced outdoor listening sessions from August 2020, starting in Willenhall and "
            "Caldmore.",
            "outcomes": "Online survey launched; 388 responses",
        },
        "2020 Q3": {
            "rag": "green",
            "state": "submitted",
            "progress": "Demo update: Survey results shared with the board's violence leads, and two "
            "socially distanced community sessions held in Willenhall and Caldmore.",
            "outcomes": "Survey results report circulated",
        },
    },
    (1, 1): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Walsall violence reduction working group set up with police, council, "
            "health and youth justice; a Violence Reduction Unit link officer attends each "
            "month.",
            "outcomes": "Terms of reference agreed",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: The working group met online through lockdown and agreed a shared "
            "problem profile of violence, vulnerability and exploitation with VRU analysts.",
            "outcomes": "Joint problem profile drafted",
        },
    },
    (1, 2): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Briefing on positive childhood experiences prepared with Public "
            "Health and shared with early help staff; first parents' conversation held in "
            "Pelsall.",
            "outcomes": "1 parent session; 40 staff briefed",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Community conversations could not take place in person during "
            "lockdown. The material was turned into short online resources for parents; "
            "sessions are rescheduled for the autumn.",
            "recovery_plan": "Demo: Share the online resources through schools, early help and health "
            "visitors over the summer. Run the rescheduled parents' conversations in small groups or "
            "online from October 2020.",
            "outcomes": "Online resource pack published",
        },
    },
    (1, 3): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Victims Code compliance checks added to case reviews, and vulnerable "
            "victims offered a follow-up call within 7 days.",
            "outcomes": "Victims Code checks in place",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Most court hearings were adjourned from March, lengthening waits for "
            "victims and witnesses. Contact moved to telephone and video, and every adjourned "
            "case is being followed up.",
            "recovery_plan": "Demo: Keep contacting every victim and witness in an adjourned case by "
            "telephone or video, and give each a named contact and their new hearing date. Police and "
            "council victim services to review all adjourned cases together by the end of July 2020.",
            "outcomes": "",
        },
    },
    (1, 4): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Monthly partnership tasking now reviews threats and anticipated "
            "demand; a joint plan for the Easter and summer peaks has been drafted.",
            "outcomes": "Monthly partnership tasking in place",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Partners re-planned around lockdown demand, focusing joint patrols "
            "and anti-social behaviour responses on parks and open spaces.",
            "outcomes": "Lockdown demand plan agreed",
        },
    },
    (1, 5): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Mental health related police demand mapped with the CCG, and partners "
            "agreed to seek longer street triage hours.",
            "outcomes": "Demand mapping completed",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Mental health related calls rose in lockdown. Street triage "
            "continued, but the extension was delayed by staff redeployment; the CCG expects to "
            "confirm funding by September.",
            "recovery_plan": "Demo: Keep street triage running at its current hours and track mental "
            "health related calls each month. The CCG is to confirm funding for the longer hours by "
            "September 2020, so that the extension can start in the autumn.",
            "outcomes": "",
        },
    },
    (1, 6): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Each partner asked to review its services against the resilient "
            "communities model, with returns due in the summer.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Five partner returns received, including how lockdown community "
            "support networks could be kept going afterwards.",
            "outcomes": "5 partner returns",
        },
    },
    (1, 8): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Draft three-year prevention approach, covering early help, education "
            "and youth diversion, presented to the board.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Detached youth work continued in hotspot areas through lockdown, and "
            "VRU-funded youth projects moved online.",
            "outcomes": "",
        },
    },
    (1, 9): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Referral route to a domestic abuse perpetrator programme agreed with "
            "probation and children's services, and MARAC actions reviewed for consistency.",
            "outcomes": "Perpetrator referral route agreed",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Domestic abuse reports rose in lockdown. MARAC moved to weekly "
            "virtual meetings; the perpetrator programme paused group work for one-to-one phone "
            "sessions, with groups restarting in the autumn.",
            "recovery_plan": "Demo: Keep weekly virtual MARAC meetings while reports stay high, and "
            "continue one-to-one phone sessions on the perpetrator programme. Restart group work in "
            "small, socially distanced groups from October 2020.",
            "outcomes": "Weekly virtual MARAC in place",
        },
        "2020 Q3": {
            "rag": "red",
            "state": "submitted",
            "progress": "Demo update: Group work on the perpetrator programme could not restart when local "
            "restrictions returned in September, and 34 referrals are waiting for a place.",
            "recovery_plan": "Demo: Run the programme's groups online from November 2020, and ask the "
            "Violence Reduction Unit to fund a second facilitator until the waiting list is cleared. "
            "Report progress to the board in January.",
            "outcomes": "No groups held this quarter; one-to-one sessions continued",
        },
    },
    # ---- 2 Prevent extremist activity ----
    (2, 0): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Counter Terrorism Local Profile briefings given to the board and to "
            "schools' designated safeguarding leads.",
            "outcomes": "2 briefings delivered",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Online briefing for partners on the risk of online radicalisation "
            "while young people spend more time at home.",
            "outcomes": "60 staff briefed online",
        },
    },
    (2, 1): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Prevent community advisory group met twice and helped design two "
            "projects funded by the Home Office.",
            "outcomes": "2 community projects designed",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: The advisory group kept meeting online, and both projects were "
            "redesigned for online delivery.",
            "outcomes": "",
        },
    },
    (2, 2): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Referral pathway for concerns of radicalisation reviewed with police "
            "and children's services; a single referral form agreed.",
            "outcomes": "Single referral form agreed",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: The new referral process went live in May and has been used by "
            "schools and health partners.",
            "outcomes": "Process live from May 2020",
        },
    },
    (2, 3): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Hate crime awareness sessions held in two secondary schools and a "
            "community association, and reporting leaflets refreshed.",
            "outcomes": "3 awareness sessions",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Face-to-face sessions stopped in lockdown. An online reporting "
            "campaign ran in June, and partners are watching for hate incidents linked to "
            "COVID-19.",
            "recovery_plan": "Demo: Keep promoting online reporting and check hate incident reports "
            "each month for any linked to COVID-19. Restart awareness sessions in schools and "
            "community venues with social distancing from September 2020.",
            "outcomes": "Online campaign ran in June",
        },
        "2020 Q3": {
            "rag": "green",
            "state": "submitted",
            "progress": "Demo update: Awareness sessions resumed in September with social distancing, and "
            "plans for Hate Crime Awareness Week in October agreed.",
            "outcomes": "2 sessions in September",
        },
    },
    (2, 4): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Six third party reporting centres signed up to the common standards, "
            "and training for their staff booked.",
            "outcomes": "6 reporting centres signed up",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Most reporting centres were closed in lockdown, so online and "
            "telephone reporting was promoted instead. Centre staff training moves online in "
            "the summer.",
            "recovery_plan": "Demo: Keep promoting online and telephone reporting while the centres "
            "are closed. Deliver the centre staff training online in August 2020, so that each centre "
            "meets the common standards when it reopens.",
            "outcomes": "",
        },
    },
    (2, 5): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Prevent Duty self-assessment template issued to all statutory "
            "partners.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Four partners returned self-assessments; the common gap, staff "
            "training, is being met through the Fire Service's e-learning.",
            "outcomes": "4 self-assessments returned",
        },
    },
    (2, 6): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Channel panel reviews now record how each support plan fits the "
            "individual's needs.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: The Channel panel met virtually throughout lockdown, and intervention "
            "providers continued support by video call.",
            "outcomes": "",
        },
    },
    (2, 7): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: West Midlands Fire Service opened its Prevent e-learning module on E "
            "Learn to partner staff.",
            "outcomes": "E-learning module live",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Take-up rose during lockdown as staff worked from home.",
            "outcomes": "312 completions to date",
        },
    },
    (2, 8): {
        "2020 Q1": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Mapping of third sector support started late because of a staff "
            "vacancy; One Walsall is helping to finish it by June.",
            "recovery_plan": "Demo: One Walsall is helping to finish the mapping of third sector "
            "support while the vacant post is filled. The completed map is due by the end of June "
            "2020.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Mapping slipped again as voluntary groups turned to the COVID-19 "
            "response. It is now due in September.",
            "recovery_plan": "Demo: Finish the mapping from desk research and a short online survey of "
            "voluntary groups, including those set up in the COVID-19 response. The completed map is "
            "due by the end of September 2020.",
            "outcomes": "",
        },
    },
    (2, 9): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Partnership protocol for responding to extremist material and "
            "activity agreed and tested in a table-top exercise.",
            "outcomes": "Response protocol agreed",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: The protocol was used twice to respond to online extremist material "
            "aimed at local communities during lockdown.",
            "outcomes": "",
        },
    },
    (2, 10): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Home Office funded Prevent projects running in schools and community "
            "venues.",
            "outcomes": "4 projects running",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Projects in community venues paused in lockdown; two moved online and "
            "the others are rescheduled for the autumn term.",
            "recovery_plan": "Demo: Keep the two projects running online, and restart the others in "
            "schools and community venues with social distancing in the autumn term. Providers to "
            "confirm revised delivery plans by the end of August 2020.",
            "outcomes": "",
        },
    },
    (2, 11): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Prevent information sharing agreement refreshed and signed by police, "
            "council and health partners.",
            "outcomes": "Information sharing agreement signed",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Secure email routes confirmed for all partners while working remotely.",
            "outcomes": "",
        },
    },
    (2, 13): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: A Prevent Duty lead named in every partner organisation.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: The Prevent Duty leads' network met online in June to share practice.",
            "outcomes": "",
        },
    },
    # ---- 3 Reduce drug and alcohol misuse ----
    (3, 0): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Criminal justice referrals into treatment rose on the same quarter "
            "last year, helped by a treatment worker in-reaching to police custody.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: New referrals fell in lockdown as arrests and court hearings dropped. "
            "The service moved to telephone assessment and opened a self-referral line; "
            "referrals recovered in June.",
            "recovery_plan": "Demo: Keep telephone assessment and the self-referral line, and restart "
            "the treatment worker's in-reach to police custody when access allows. Referrals from each "
            "stage of the criminal justice system are checked monthly, with a review in September "
            "2020.",
            "outcomes": "Self-referral line opened",
        },
    },
    (3, 1): {
        "2020 Q1": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Review of the statement of licensing policy began, but its public "
            "consultation slipped from March to the summer.",
            "recovery_plan": "Demo: Finish the draft statement of licensing policy with the police and "
            "the licensing team, so that public consultation can run over the summer of 2020.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Licensed premises were closed in lockdown and consultation is now "
            "planned for the autumn; public health data on alcohol-related harm has been added "
            "to the evidence.",
            "recovery_plan": "Demo: Run the public consultation on the draft licensing policy in the "
            "autumn, with the public health data on alcohol-related harm as part of the evidence. Take "
            "the revised policy to the council's licensing committee by December 2020.",
            "outcomes": "",
        },
    },
    (3, 2): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Young people's substance misuse service and youth services agreed a "
            "joint referral route and screening tool.",
            "outcomes": "Joint screening tool agreed",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Youth sessions moved online in lockdown and detached outreach resumed "
            "in June to reach young people most at risk.",
            "outcomes": "",
        },
    },
    (3, 3): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: The treatment service now attends the weekly Integrated Offender "
            "Management meeting, and each drug-using IOM client has a named keyworker.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: IOM meetings continued virtually and prescribing was kept up for "
            "every IOM client through lockdown.",
            "outcomes": "",
        },
    },
    (3, 4): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Drug and alcohol education sessions delivered in six secondary "
            "schools and two youth clubs.",
            "outcomes": "8 settings reached",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: School closures from 20 March stopped classroom sessions. Resources "
            "went to schools for home learning and targeted one-to-one work continued by "
            "phone.",
            "recovery_plan": "Demo: Keep targeted one-to-one work going by phone and send schools the "
            "home learning resources. Rebook sessions with the six schools and two youth clubs for the "
            "autumn term 2020, in line with each setting's COVID-19 arrangements.",
            "outcomes": "",
        },
    },
    (3, 5): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Outline business case for a Family Drug and Alcohol Court agreed with "
            "Children's Services, and a first meeting held with the judiciary.",
            "outcomes": "Outline business case agreed",
        },
        "2020 Q2": {
            "rag": "red",
            "state": "accepted",
            "progress": "Demo update: Family court capacity was cut sharply by COVID-19 and new initiatives "
            "are on hold.",
            "recovery_plan": "Demo: Finish the business case and staffing model now, to launch in "
            "early 2021 when the court can take it on.",
            "outcomes": "",
        },
        "2020 Q3": {
            "rag": "amber",
            "state": "draft",
            "progress": "Demo update: The judiciary will revisit the proposal in November; funding for a "
            "part-time co-ordinator is being sought.",
            "recovery_plan": "Demo: Take the finished business case to the judiciary in November, and "
            "bid for funding for a part-time co-ordinator before then. If the judiciary agrees, launch "
            "in early 2021 as planned.",
            "outcomes": "",
        },
    },
    (3, 6): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Treatment service outcomes mapped against the Walsall Plan and the "
            "partnership's priorities.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: The draft specification for recommissioning the service now refers to "
            "the Safer Walsall Partnership priorities.",
            "outcomes": "",
        },
    },
    (3, 8): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Joint working protocol for people in treatment agreed with housing "
            "and homelessness services.",
            "outcomes": "Joint protocol agreed",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Joint work helped people placed in emergency accommodation in "
            "lockdown to start or stay in treatment.",
            "outcomes": "",
        },
    },
    (3, 9): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Two new mutual-aid groups started and six peer mentors completed "
            "training.",
            "outcomes": "2 groups; 6 peer mentors trained",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Groups moved online in lockdown and attendance roughly halved; peer "
            "mentors kept in touch with members by phone.",
            "recovery_plan": "Demo: Peer mentors keep phoning members and help those without devices "
            "to join online meetings. Restart face-to-face mutual-aid groups in small, socially "
            "distanced meetings from September 2020.",
            "outcomes": "",
        },
    },
    (3, 10): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Two secondary schools agreed to pilot a peer educator scheme from the "
            "summer term.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: The pilot could not start while schools were closed; it is "
            "rescheduled for the spring term 2021.",
            "recovery_plan": "Demo: Keep the two pilot schools signed up and prepare the peer educator "
            "training during the autumn term. Agree a spring term 2021 start date with both schools by "
            "December 2020.",
            "outcomes": "",
        },
    },
    # ---- 4 Serious and organised crime ----
    (4, 0): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Serious and organised crime local profile for Walsall commissioned "
            "from police and council analysts.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: First draft of the local profile shared with the board, showing where "
            "organised crime groups are active.",
            "outcomes": "Draft local profile",
        },
    },
    (4, 1): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Awareness sessions on serious and organised crime delivered to "
            "frontline staff in housing, the council and health.",
            "outcomes": "5 sessions; 120 staff",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Training planned for April to June was postponed in lockdown. A "
            "shorter online session is being built to run from September.",
            "recovery_plan": "Demo: Build a shorter online awareness session on serious and organised "
            "crime and run it for frontline staff from September 2020, offering first places to the "
            "staff whose training was postponed.",
            "outcomes": "",
        },
    },
    (4, 2): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Partnership intelligence form launched so that partners other than "
            "the police can share information on exploitation.",
            "outcomes": "Intelligence form live",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Partner intelligence submissions rose, mostly about suspected "
            "cuckooing and county lines activity.",
            "outcomes": "47 partner submissions",
        },
    },
    (4, 3): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Diversion offer for young people on the edge of organised crime "
            "agreed with youth justice and the voluntary sector.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: First referrals to the diversion offer received; mentoring continued "
            "by phone and video in lockdown.",
            "outcomes": "First referrals received",
        },
    },
    (4, 4): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Modern slavery operational pathway drafted, covering first responder "
            "duties, National Referral Mechanism referrals and victim support.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Pathway signed off by partners in June and first responder guidance "
            "issued to staff.",
            "outcomes": "Pathway signed off",
        },
        "2020 Q3": {
            "rag": "green",
            "state": "submitted",
            "progress": "Demo update: The pathway is in use; two multi-agency disruption visits carried out "
            "and businesses briefed through the Black Country Chamber of Commerce.",
            "outcomes": "2 disruption visits",
        },
    },
    (4, 5): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: With West Midlands Fire Service, a mandatory training package on "
            "Safeguarding awareness, Modern Slavery, Self-Neglect and Dementia agreed for "
            "partner staff.",
            "outcomes": "Training package agreed",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Classroom training was suspended in lockdown. The Fire Service turned "
            "two of the four modules into e-learning; the other two follow by October.",
            "recovery_plan": "Demo: The Fire Service is turning the remaining two modules into "
            "e-learning by October 2020. Partners will check their staff's completions each month "
            "until everyone has done all four.",
            "outcomes": "2 of 4 modules online",
        },
    },
    (4, 6): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Multi-agency panel agreed for people caught up in organised "
            "criminality, with probation, the CRC and housing.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: The panel met virtually and agreed support plans for its first cases.",
            "outcomes": "First support plans agreed",
        },
    },
    (4, 7): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Child and adult exploitation data brought together in one partnership "
            "dataset for the first time.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Analysis of the combined data shows the ages and places most "
            "affected; shared with the safeguarding boards.",
            "outcomes": "",
        },
    },
    (4, 8): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Walsall joined a county lines meeting with partners in neighbouring "
            "Black Country towns.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Joint work with neighbouring areas continued in lockdown as county "
            "lines activity adapted to quieter streets.",
            "outcomes": "",
        },
    },
    (4, 10): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Contact made with the regional anti-slavery network to share the "
            "Walsall operating model.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Walsall's modern slavery pathway shared with the regional network as "
            "an example of practice.",
            "outcomes": "",
        },
    },
    (4, 11): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: A 4P plan agreed with named partner leads for Prepare, Prevent, "
            "Pursue and Protect, and for Partnership.",
            "outcomes": "4P plan agreed",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: 4P plan reviewed in June: Pursue and Protect on track; Prevent work "
            "in schools delayed by closures.",
            "outcomes": "",
        },
    },
    # ---- 5 Reduce offending and re-offending ----
    (5, 0): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Integrated Offender Management cohort refreshed using the strategic "
            "assessment's repeat offender analysis.",
            "outcomes": "IOM cohort refreshed",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Home visits to the highest-risk offenders continued with COVID-19 "
            "precautions; others were contacted by phone.",
            "outcomes": "",
        },
    },
    (5, 1): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Education, training and employment status now checked at every youth "
            "justice assessment, with a named education link for each child.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: School closures disrupted education for children working with the "
            "youth justice service. Staff helped families get devices and home learning packs; "
            "attendance will be tracked closely from September.",
            "recovery_plan": "Demo: Track attendance weekly from September 2020 for every child "
            "working with the youth justice service, with the named education link following up any "
            "absence. Catch-up support for children who fell behind during closures is agreed with "
            "each school.",
            "outcomes": "Devices provided to 14 children",
        },
    },
    (5, 2): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Victim contact standards for youth justice cases agreed with the "
            "police.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Victim contact continued by phone and letter, and victims' views were "
            "recorded in all new youth justice assessments.",
            "outcomes": "",
        },
    },
    (5, 3): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Draft early identification model agreed, drawing on referrals from "
            "schools, police and early help.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: The model is being tested with referrals from two localities.",
            "outcomes": "",
        },
    },
    (5, 4): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Training on Adverse Childhood Experiences delivered to probation and "
            "youth justice staff.",
            "outcomes": "3 training sessions",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Case file audit started on how ACEs are recorded in offender "
            "assessments.",
            "outcomes": "",
        },
    },
    (5, 5): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Referral route from probation to local mental health services "
            "reviewed with the CCG.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Mental health services moved mostly to remote appointments, which "
            "some people on probation found hard to use. The CCG is reviewing access for this "
            "group by September.",
            "recovery_plan": "Demo: The CCG will finish its review of access for people on probation "
            "by September 2020. Meanwhile, probation offices offer a private room and a phone so that "
            "people can take remote appointments there.",
            "outcomes": "",
        },
    },
    (5, 6): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Walsall Housing Group agreed a protocol with probation and the CRC to "
            "plan housing before release for people leaving custody.",
            "outcomes": "Pre-release housing protocol agreed",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: People released from custody during lockdown were housed through the "
            "emergency accommodation arrangements, and tenancies offered to those ready to move "
            "on.",
            "outcomes": "12 prison leavers housed",
        },
        "2020 Q3": {
            "rag": "green",
            "state": "draft",
            "progress": "Demo update: Pre-release protocol reviewed with the prisons that serve Walsall; "
            "tenancy sustainment support offered to everyone housed under it.",
            "outcomes": "",
        },
    },
    (5, 7): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Multi-agency risk management arrangements reviewed so that abuse, "
            "neglect and exploitation risks are shared between partners.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Probation and police increased checks on domestic abuse perpetrators "
            "under supervision during lockdown.",
            "outcomes": "",
        },
    },
    (5, 8): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: An out-of-court disposal panel now reviews every young person "
            "eligible for diversion.",
            "outcomes": "Diversion panel in place",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: The diversion panel continued online; first-time entrants were below "
            "the same quarter last year.",
            "outcomes": "",
        },
    },
    (5, 9): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Screening for the Personality Disorder Pathway extended to every new "
            "case that meets the criteria.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Screening continued in lockdown, with case consultations moved to "
            "video.",
            "outcomes": "",
        },
    },
    (5, 11): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Restorative Justice referrals received from police, probation and "
            "youth justice, and conferences held.",
            "outcomes": "9 restorative conferences",
        },
        "2020 Q2": {
            "rag": "red",
            "state": "accepted",
            "progress": "Demo update: Face-to-face restorative conferences stopped in lockdown and most "
            "cases are on hold.",
            "recovery_plan": "Demo: Offer indirect restorative work by letter and video now, and "
            "restart conferences with social distancing from September.",
            "outcomes": "",
        },
        "2020 Q3": {
            "rag": "amber",
            "state": "draft",
            "progress": "Demo update: Indirect restorative work resumed and the first socially distanced "
            "conferences are booked for October.",
            "recovery_plan": "Demo: Hold the first socially distanced conferences in October 2020, "
            "then work through the cases on hold, oldest first. Indirect work by letter and video "
            "continues for victims who prefer it.",
            "outcomes": "",
        },
    },
    (5, 12): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Family engagement work offered to people on probation who have "
            "children.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Family contact supported by phone and video while prison visits were "
            "stopped.",
            "outcomes": "",
        },
    },
    (5, 13): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Knife crime sessions in schools built on the Youth of Walsall 'Real "
            "Knives, Real Lives' campaign.",
            "outcomes": "4 school sessions",
        },
        "2020 Q2": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Mentoring for young people at risk of gang involvement continued in "
            "lockdown by phone and socially distanced walks.",
            "outcomes": "",
        },
    },
    (5, 14): {
        "2020 Q1": {
            "rag": "green",
            "state": "accepted",
            "progress": "Demo update: Completion rates for community orders and licences reviewed each "
            "month.",
            "outcomes": "",
        },
        "2020 Q2": {
            "rag": "amber",
            "state": "accepted",
            "progress": "Demo update: Unpaid work and group programmes were suspended in lockdown, so many "
            "orders cannot finish on time. Unpaid work is restarting in small groups, with "
            "orders nearest their end date first.",
            "recovery_plan": "Demo: Restart unpaid work in small groups, orders nearest their end date "
            "first, and deliver group programme sessions one-to-one in the meantime. From July 2020, "
            "orders at risk of running out are reviewed each month, and the court is asked for more "
            "time where needed.",
            "outcomes": "",
        },
    },
}


# Demo: what two leads wrote for the board about 2020 Q2, and the secretary's asks of the board, all
# accepted (issue 19). Keyed by quarter; commentary by priority order. Every text starts "Demo".
DEMO_BOARD_NOTES = {
    "2020 Q2": {
        "commentary": {
            1: "Demo commentary: Lockdown moved most of this priority's work online. Five actions slipped "
            "to amber because face-to-face work stopped, not because partners withdrew, and each has a "
            "dated plan to restart from August or October. Domestic abuse reports rose, and MARAC now "
            "meets weekly.",
            3: "Demo commentary: The Family Drug and Alcohol Court (3.6) is red: the court cannot take the "
            "service on until early 2021. The business case will be ready by September. Treatment "
            "referrals from custody fell while in-reach was suspended and are checked monthly.",
        },
        "asks": "Demo asks: Agree a start in early 2021 for the Family Drug and Alcohol Court "
        "(action 3.6).\n\nNote that five Violence reduction actions are amber because of lockdown, each "
        "with a dated plan to restart.\n\nAsk the CCG to confirm funding for the street triage "
        "extension (action 1.6) by September 2020.",
    },
}

# Demo: invented readings. Keys are (priority order, measure order 1..3). Numeric values are
# counts for the quarter (public place violence, domestic abuse, knife crime), the number at the
# quarter's end (people in treatment; repeat offenders over the preceding 12 months), a rate for
# the quarter (%), or sentences made in the quarter.
# Counts of offences are rolling 12-month totals, as partnerships report them, so each reading
# compares like for like with its annual baseline.
DEMO_READINGS = {
    (1, 1): {
        "2020 Q1": {
            "value": None,
            "narrative": "Demo reading: Violence reduction working group formed with police, council, "
            "health, youth justice and the VRU; shared approach agreed in principle.",
        },
        "2020 Q2": {
            "value": None,
            "narrative": "Demo reading: Shared problem profile drafted with the VRU; joint working "
            "continued online through lockdown.",
        },
    },
    (1, 2): {
        "2020 Q1": {
            "value": Decimal("3652"),
            "narrative": "Demo reading: Public place violence offences in the 12 months to March 2020, "
            "a rolling year so it compares with the 2018/19 baseline.",
        },
        "2020 Q2": {
            "value": Decimal("3489"),
            "narrative": "Demo reading: 12 months to June 2020. Fewer offences in lockdown with the "
            "night-time economy closed.",
        },
    },
    (1, 3): {
        "2020 Q1": {
            "value": Decimal("3301"),
            "narrative": "Demo reading: Domestic abuse offences in the 12 months to March 2020.",
        },
        "2020 Q2": {
            "value": Decimal("3390"),
            "narrative": "Demo reading: 12 months to June 2020. Domestic abuse offences rose in lockdown; "
            "MARAC moved to weekly meetings.",
        },
    },
    (2, 1): {
        "2020 Q1": {
            "value": None,
            "narrative": "Demo reading: Partners briefed on local vulnerabilities and the referral process "
            "for concerns reviewed.",
        },
        "2020 Q2": {
            "value": None,
            "narrative": "Demo reading: New referral process live from May; referrals from schools fell "
            "while schools were closed.",
        },
    },
    (2, 2): {
        "2020 Q1": {
            "value": None,
            "narrative": "Demo reading: Support plans in place for every case the Channel panel accepted.",
        },
        "2020 Q2": {
            "value": None,
            "narrative": "Demo reading: Channel support continued by video call throughout lockdown.",
        },
    },
    (2, 3): {
        "2020 Q1": {
            "value": None,
            "narrative": "Demo reading: Hate crime awareness sessions held in schools and communities; six "
            "reporting centres signed up to common standards.",
        },
        "2020 Q2": {
            "value": None,
            "narrative": "Demo reading: Online reporting campaign ran in June; hate incidents linked to "
            "COVID-19 monitored.",
        },
    },
    (3, 1): {
        "2020 Q1": {
            "value": Decimal("1238"),
            "narrative": "Demo reading: Drug users in structured treatment at the end of the quarter.",
        },
        "2020 Q2": {
            "value": Decimal("1201"),
            "narrative": "Demo reading: Fewer criminal justice referrals in lockdown; numbers recovering in "
            "June.",
        },
    },
    (3, 2): {
        "2020 Q1": {
            "value": Decimal("21.4"),
            "narrative": "Demo reading: Share of people leaving treatment in the quarter who completed it "
            "successfully.",
        },
        "2020 Q2": {
            "value": Decimal("19.6"),
            "narrative": "Demo reading: Fewer successful completions while group work and face-to-face "
            "reviews stopped.",
        },
    },
    (3, 3): {
        "2020 Q1": {
            "value": Decimal("27"),
            "narrative": "Demo reading: 27 DRR and ATR sentences made; 15 completed.",
        },
        "2020 Q2": {
            "value": Decimal("8"),
            "narrative": "Demo reading: Only 8 made while courts sat far less in lockdown; 11 completed.",
        },
    },
    (4, 1): {
        "2020 Q1": {
            "value": None,
            "narrative": "Demo reading: Local profile of serious and organised crime commissioned.",
        },
        "2020 Q2": {
            "value": None,
            "narrative": "Demo reading: Draft local profile shared; partner intelligence submissions "
            "increasing.",
        },
    },
    (4, 2): {
        "2020 Q1": {
            "value": None,
            "narrative": "Demo reading: Modern slavery pathway drafted and exploitation data combined.",
        },
        "2020 Q2": {
            "value": None,
            "narrative": "Demo reading: Modern slavery pathway signed off; reports of cuckooing from "
            "housing partners acted on.",
        },
    },
    (4, 3): {
        "2020 Q1": {
            "value": Decimal("258"),
            "narrative": "Demo reading: Knife crime offences in the 12 months to March 2020.",
        },
        "2020 Q2": {
            "value": Decimal("241"),
            "narrative": "Demo reading: 12 months to June 2020. Lower in lockdown; partners expect a rise "
            "as restrictions ease.",
        },
    },
    (5, 1): {
        "2020 Q1": {
            "value": Decimal("471"),
            "narrative": "Demo reading: Repeat offenders (two or more offences in the previous 12 months) "
            "at the end of the quarter.",
        },
        "2020 Q2": {
            "value": Decimal("452"),
            "narrative": "Demo reading: Down slightly, with fewer offences overall in lockdown.",
        },
    },
    (5, 2): {
        "2020 Q1": {
            "value": None,
            "narrative": "Demo reading: Anti-social behaviour reports and risk management arrangements "
            "reviewed with partners.",
        },
        "2020 Q2": {
            "value": None,
            "narrative": "Demo reading: Anti-social behaviour reports rose in lockdown, many about breaches "
            "of COVID-19 rules; risk of harm managed at weekly partner meetings.",
        },
    },
    (5, 3): {
        "2020 Q1": {
            "value": None,
            "narrative": "Demo reading: Education, training and employment status checked for every child "
            "at youth justice assessment.",
        },
        "2020 Q2": {
            "value": None,
            "narrative": "Demo reading: Home learning support given during school closures; return to "
            "school planned for September.",
        },
    },
}
