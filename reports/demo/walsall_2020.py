"""The Safer Walsall Partnership Plan 2020, as plain data for the demo.

Transcribed from ``seed/safer-walsall-partnership-plan-2020.txt``: the Walsall Council cabinet
report of 23 October 2019 ("the cabinet report"), the plan itself ("Our Partnership Plan for a
Safer Walsall, 2020 and beyond", "the plan"), its Appendix A (an example performance delivery
plan), Appendix B (the governance structure, a diagram lost in the text) and the Equality
Impact Assessment ("the EqIA"). Page numbers are the plan's own contents page numbers.

What is the seed's and what is invented:

* PARTNERSHIP, ORGANISATIONS, PLAN, STRATEGIC_ASSESSMENT, BASELINE_STATISTICS, PRIORITIES
  (titles, lead partners, texts, measures, commitments), THEMES, the partnership board, the
  Working Party and the two council bodies in BOARDS, the five 2019 MEETINGS and their
  MEETING_RECORDS, APPROVALS (but for the two "Demo:" outcomes), CONSULTATION and
  EQUALITY_IMPACT_ASSESSMENT are transcribed from the seed. Texts are verbatim apart from the
  line-wrap joins and extraction fixes listed in ``TEXT_FIXES``. Where the seed is ambiguous or
  contradicts itself, the choice made is explained in a comment beside it.
* Invented for the demo, and marked so: every ``demo_*`` field; the four 2020 board meeting
  dates; the REPORTING_PERIODS deadlines and statuses; DEMO_USERS (fictional people, never the
  real officers the seed names); OWNED_ACTIONS; DEMO_UPDATES (every progress text starts
  "Demo update: "); DEMO_READINGS (every narrative starts "Demo reading: "); the five priority
  delivery groups in BOARDS and the board secretary's seat (their terms of reference start
  "Demo:"); the agenda, attendance, decisions and minutes of the 2020 meetings (every text starts
  "Demo:"); Cabinet's decision and Full Council's approval in APPROVALS (notes start "Demo:");
  and which EqIA actions are marked done (``demo_done``). None of it is the partnership's real
  reporting.
* Mappings of a measure to a baseline figure, of a commitment to a partner organisation, of a
  commitment to the domestic abuse theme, of a priority to the statistics it cites
  (PRIORITY_STATISTICS), of a consultation finding to the priorities it shaped and to the actions
  that answer it (FINDINGS_ANSWERED_BY) are our reading of the seed; each is explained.

Judgement calls for the governance records (issue 7), each explained again beside its data:

* The governance diagram (Appendix B) did not survive into the text, so the thematic groups
  are not the seed's: the demo gives each priority a delivery group (marked "Demo:") so the
  structure page has something beneath the board. The "Working Party" that signed the plan off
  on 21 August 2019 is the seed's; that it reports to the board is our reading.
* Scrutiny and Overview Committee and Cabinet are council bodies, not part of the partnership:
  recorded as boards of kind "council body" so their meetings can be, and shown apart from the
  partnership's structure. Executive Director and CMT steps have no meeting.
* The plan is approved by Full Council ("That Cabinet recommend to Council that the ... Plan
  2020 is approved as the Community Safety Plan for the borough"). The seed is the report to
  Cabinet, not its minutes, and records neither decision: the demo takes Cabinet's
  recommendation as made on 23 October 2019 and Full Council's approval as given on 5 November
  2019 (the EqIA's "Proposal start date (due or actual date) 5/11/19"; it expects approval "by
  Council in November 2019"). Both are marked "Demo:". So the plan is approved, and active since
  1 January 2020, through its trail.
* Scrutiny "welcomed the outline ... and, endorsed the five priorities": outcome "noted", as a
  scrutiny committee endorses but does not approve. The EqIA's Executive Director and CMT rows
  ("Approval") are "approved"; the seed's own words are in each step's notes.
* The consultation was "during June 2019" (cabinet report 2 and 13; plan p. 7); the EqIA, written
  before it, planned "June-July". June is used, 1 to 30 June (the seed gives no days). The seed
  gives no number of respondents.
* EqIA section 7: one merged cell gives a single reason, and "a positive impact", for all the
  characteristics listed, so each of the nine is recorded as positive with that reason; "Other"
  is blank in the seed and is not recorded. Age, disability, sex and race are flagged as the
  main characteristics affected (EqIA section 2). Words lost in the seed's tables are shown "…".
* EqIA actions 1 to 7 (the approvals, up to Cabinet on 23 October 2019) are marked done, on their
  outcome dates, because the approvals trail records them; the last three (feedback to the
  public, the 12-month review, setting up governance) are left open.

Plain data only: no Django imports, no database access. Commitments are addressed as
``(priority order, index)`` where index is 0-based into ``one_year + three_years``.
"""

from datetime import date
from decimal import Decimal

# Every change made to the seed's wording while transcribing it. Nothing else was altered.
TEXT_FIXES = [
    "Line-wrap joins: commitments the text file wraps over several lines are joined with single spaces "
    "(Reduce offending and re-offending: 'Strengthen pathways to prevent the cycle of reoffending...' (4 "
    "lines) and 'Maximise successful completions of community orders and custodial licences; to "
    "increase...' (2 lines)).",
    "'alcoholrelated' -> 'alcohol-related' (Reduce drug and alcohol misuse, over the coming year, second "
    "commitment).",
    "'quidance' -> 'guidance' (Reduce drug and alcohol misuse, over the next three years, second "
    "commitment).",
    "'1,227drug users' -> '1,227 drug users' (Reduce drug and alcohol misuse, why it is a priority).",
    "Markdown bold markers ('**') removed from 'Prepare' and 'Prevent' in the last Serious and organised "
    "crime commitment; its four sub-bullets are kept as lines of that commitment.",
    "The numbers '1.', '2.', '3.' are dropped from the 'Success will be measured by' items; the measure "
    "order keeps them.",
    "Paragraph breaks inside 'why it is a priority' and 'our aim' texts are kept as blank lines.",
]

# Deliberately NOT fixed (the seed's own wording, kept verbatim): "'public placed violence'",
# "focussing", "some our most deprived communities", "27.5% of individuals offenders",
# "the increase number of children, young people and adult", "Fully engaged in the Home Office
# and National Crime Agency endorse the", "MP's", the missing full stop after "is on the
# increase" (drugs), and the full stop that ends the last item of each list.


PARTNERSHIP = {
    "name": "Safer Walsall Partnership",
    "short_name": "SWP",
    "slug": "safer-walsall",
    "area": "Walsall",
}


# Membership. The seed lists the partnership's members in three places, and they disagree:
#   * cabinet report 4.3: "West Midlands Police, Walsall Council, West Midlands Fire & Rescue
#     Service, NHS Walsall Clinical Commissioning Group, Probation Service, Youth Justice, West
#     Midlands Community Rehabilitation Company and Walsall Housing Group", the board "working
#     closely with the PCC, Walsall College and One Walsall";
#   * plan p. 12 ("About the Safer Walsall Partnership"): the same, without Youth Justice and
#     with Public Health; the board works closely with "West Midlands PCC, Walsall College and
#     One Walsall";
#   * EqIA: "statutory representatives from West Midlands Police, Walsall Council, West Midlands
#     Fire Service, NHS Walsall Clinical Commissioning Group, National Probation Service, Public
#     Health England, Staffordshire & West Midlands Community Rehabilitation Company and NHS
#     Trust", while "Black Country Chamber of Commerce, West Midlands Police and Crime
#     Commissioner, Walsall College, Walsall Housing Group and One Walsall are active members".
# Rule applied: "responsible_authority" for the bodies the EqIA calls statutory representatives
# (the only place the seed itself separates statutory from other members; it agrees with the
# responsible authorities of section 5 of the Crime and Disorder Act 1998: police, council, fire,
# CCG, probation and CRC, with the council's public health function and the unnamed "NHS Trust"
# the EqIA adds); "associate" for the rest.
# So Walsall Housing Group is an associate (EqIA: an "active member"; a housing association is
# not a responsible authority in law) although 4.3 and p. 12 list it among the bodies the
# partnership "comprises"; and Youth Justice (4.3 only; a council-hosted service, not a separate
# responsible authority) is an associate too. An admin can change either in a moment.
# Not members, so not listed: the West Midlands Violence Reduction Unit, the Victims'
# Commission, the Home Office, the National Crime Agency, Neighbourhood Watch, Victim Support,
# the Walsall Economic Board and the EqIA's consultees (Homeserve, "WHG Accord" and others).
ORGANISATIONS = [
    {
        "key": "wmp",
        "name": "West Midlands Police",
        "short_name": "WMP",
        "kind": "police",
        "membership": "responsible_authority",
    },
    {
        "key": "council",
        "name": "Walsall Council",
        "short_name": "Walsall Council",
        "kind": "council",
        "membership": "responsible_authority",
    },
    # Named "West Midlands Fire Service" in the plan, the EqIA, Appendix B and the commitments;
    # the cabinet report 4.3 says "West Midlands Fire & Rescue Service".
    {
        "key": "wmfs",
        "name": "West Midlands Fire Service",
        "short_name": "WMFS",
        "kind": "fire",
        "membership": "responsible_authority",
    },
    # Lead partner for Serious and organised crime, which the plan names "Clinical Commissioning Group".
    {
        "key": "ccg",
        "name": "NHS Walsall Clinical Commissioning Group",
        "short_name": "Walsall CCG",
        "kind": "health",
        "membership": "responsible_authority",
    },
    # "Probation Service" in 4.3 and p. 12; "National Probation Service" in the EqIA and the Chair's message.
    {
        "key": "nps",
        "name": "National Probation Service",
        "short_name": "NPS",
        "kind": "probation",
        "membership": "responsible_authority",
    },
    # Lead partner for Reduce offending and re-offending ("Community Rehabilitation Company").
    # Named as the plan itself (p. 12) and the cabinet report 4.3 name it; the EqIA calls it
    # "Staffordshire & West Midlands Community Rehabilitation Company".
    {
        "key": "crc",
        "name": "West Midlands Community Rehabilitation Company",
        "short_name": "CRC",
        "kind": "rehabilitation",
        "membership": "responsible_authority",
    },
    # Lead partner for Reduce drug and alcohol misuse, named by the plan "Walsall Council Public
    # Health". The plan p. 12 lists "Public Health" as a member and the EqIA "Public Health
    # England"; all three are taken to be this one partner (public health is a council function).
    {
        "key": "public_health",
        "name": "Walsall Council Public Health",
        "short_name": "Public Health",
        "kind": "public_health",
        "membership": "responsible_authority",
    },
    # The EqIA names only "NHS Trust"; it does not say which trust, so none is guessed.
    {
        "key": "nhs_trust",
        "name": "NHS Trust",
        "short_name": "NHS Trust",
        "kind": "health",
        "membership": "responsible_authority",
    },
    {
        "key": "whg",
        "name": "Walsall Housing Group",
        "short_name": "WHG",
        "kind": "housing",
        "membership": "associate",
    },
    # "Youth Justice" (4.3), "the Youth Justice team" (13), "the youth justice service" (commitment).
    {
        "key": "yjs",
        "name": "Youth Justice Service",
        "short_name": "Youth Justice",
        "kind": "youth_justice",
        "membership": "associate",
    },
    # "the PCC" (4.3), "West Midlands PCC" (p. 12), "West Midlands Police and Crime Commissioner" (EqIA).
    {
        "key": "pcc",
        "name": "West Midlands Police and Crime Commissioner",
        "short_name": "PCC",
        "kind": "pcc",
        "membership": "associate",
    },
    {
        "key": "college",
        "name": "Walsall College",
        "short_name": "Walsall College",
        "kind": "education",
        "membership": "associate",
    },
    {
        "key": "one_walsall",
        "name": "One Walsall",
        "short_name": "One Walsall",
        "kind": "voluntary",
        "membership": "associate",
    },
    # Only the EqIA names it, as an active member.
    {
        "key": "bccc",
        "name": "Black Country Chamber of Commerce",
        "short_name": "Chamber of Commerce",
        "kind": "business",
        "membership": "associate",
    },
]


PLAN = {
    "title": "Safer Walsall Partnership Plan 2020",
    # "The Partnership agreed to do a one-year plan for 2020" (cabinet report 2; plan p. 8).
    "period_start": date(2020, 1, 1),
    "period_end": date(2020, 12, 31),
    # The plan's cover, without the quotation marks that enclose it there.
    "vision": (
        "Working together to create inclusive communities where every voice is heard, listened to and "
        "valued, ensuring people feel safe, secure, happy and proud in Walsall"
    ),
    # "Our aims", plan p. 7, in order. (The EqIA lists six bullets mixing aims and priorities;
    # the plan's own three are used.)
    "aims": [
        "Creating safe, strong and resilient communities",
        "Keeping people safe from harm",
        "Reducing offending and preventing reoffending",
    ],
    # The plan year is the calendar year 2020, so Q1 is January to March.
    "quarter_scheme": "calendar",
}


# The seed: "the statutory annual strategic assessment (undertaken in January 2019)" (cabinet
# report 13); "Jan 2019 - Strategic assessment" (Appendix A); "the Safer Walsall Partnership
# strategic assessment 2019" (plan p. 22). The seed gives the month only, never a day: 31 January
# 2019, the last day of that month, is used so the date is never earlier than the real one.
# Note that the seed quotes "2018/19" figures from an assessment dated January 2019, before that
# year ended; they are transcribed as the seed states them.
STRATEGIC_ASSESSMENT = {
    "title": "Safer Walsall Partnership strategic assessment 2019",
    "completed_on": date(2019, 1, 31),
    # Sentences from the cabinet report (13) and Appendix A, in that order.
    "summary": (
        "The five priorities are informed by the statutory annual strategic assessment (undertaken in "
        "January 2019) and consultation with our partners, local communities and businesses, held June "
        "2019. The Partnership came together to review findings from a variety of public consultations and "
        "identify relevant vulnerabilities and threats derived from the data within the strategic "
        "assessment. This has enabled us to understand what our collective data is telling us so that we "
        "could shape and identify our themes and strategic priorities.\n\n"
        "Walsall saw the main increase in violent offences, particularly through violence without injury "
        "and through possession of weapons. In 2018/19, there were 3700 recorded crimes of 'public placed "
        "violence' with a trend of increasing offences. Increases have also been seen in domestic abuse "
        "(3275 offences in 2018/19) and knife crime (261 offences in 2018/19)."
    ),
}


_SA = "Safer Walsall Partnership strategic assessment, January 2019"
BASELINE_STATISTICS = [
    # --- Violence (plan pp. 14-15; Appendix A places them under "Jan 2019 - Strategic assessment") ---
    {
        "key": "public_place_violence",
        "label": "Recorded crimes of public place violence",
        "value": Decimal("3700"),
        "unit": "offences",
        "period": "2018/19",
        "source": _SA,
        "note": "The seed writes 'public placed violence', 'with a trend of increasing offences'. Stated in "
        "the plan (Violence reduction, pp. 14-15), in Appendix A and in the cabinet report (section "
        "4).",
    },
    {
        "key": "domestic_abuse",
        "label": "Recorded domestic abuse offences",
        "value": Decimal("3275"),
        "unit": "offences",
        "period": "2018/19",
        "source": _SA,
        "note": "An increase, says the seed. Stated in the plan (Violence reduction, pp. 14-15), in "
        "Appendix A and in the cabinet report (section 4).",
    },
    {
        "key": "knife_crime",
        "label": "Recorded knife crime offences",
        "value": Decimal("261"),
        "unit": "offences",
        "period": "2018/19",
        "source": _SA,
        "note": "261 is the figure the plan (Violence reduction, pp. 14-15) and Appendix A state. The "
        "covering cabinet report (section 4) says 216 offences in the same year.",
    },
    # --- Drugs and alcohol (plan pp. 18-19; the seed names no source for these) ---
    # The treatment figures are recorded as four statistics, each a plain count, so that the
    # drug treatment count can be a measure's baseline; the "out of" figures are cross-referenced.
    {
        "key": "drug_treatment",
        "label": "Drug users in structured treatment",
        "value": Decimal("1227"),
        "unit": "people",
        "period": "2018/19",
        "source": "Safer Walsall Partnership Plan 2020, Reduce drug and alcohol misuse (pp. 18-19)",
        "note": "Out of an estimated 1,915 drug users (see the next statistic).",
    },
    {
        "key": "estimated_drug_users",
        "label": "Estimated drug users in Walsall",
        "value": Decimal("1915"),
        "unit": "people",
        "period": "2018/19",
        "source": "Safer Walsall Partnership Plan 2020, Reduce drug and alcohol misuse (pp. 18-19)",
        "note": "The plan: '1,227 drug users in structured treatment (out of an estimated 1,915 users)'.",
    },
    {
        "key": "alcohol_treatment",
        "label": "People in alcohol treatment",
        "value": Decimal("392"),
        "unit": "people",
        "period": "2018/19",
        "source": "Safer Walsall Partnership Plan 2020, Reduce drug and alcohol misuse (pp. 18-19)",
        "note": "Out of 3,360 (see the next statistic).",
    },
    {
        "key": "alcohol_treatment_population",
        "label": "Population the alcohol treatment figure is compared with",
        "value": Decimal("3360"),
        "unit": "people",
        "period": "2018/19",
        "source": "Safer Walsall Partnership Plan 2020, Reduce drug and alcohol misuse (pp. 18-19)",
        "note": "The plan says only '392 in alcohol treatment (out of 3,360)'; it does not say what the "
        "3,360 counts (by analogy with the drug figure, presumably an estimate of people who could "
        "be in alcohol treatment).",
    },
    {
        "key": "drug_offender_crime_cost",
        "label": "Crime committed each year by each drug-using offender not in treatment, to support their "
        "addiction",
        "value": Decimal("26000"),
        "unit": "£ per offender per year",
        "period": "Not stated",
        "source": "West Midlands Police and Crime Commissioner, as reported in the Safer Walsall "
        "Partnership Plan 2020, Reduce drug and alcohol misuse (pp. 18-19)",
        "note": "The plan: 'each drug using offender, not in treatment, annually commits £26k in crime to "
        "support their addiction'.",
    },
    # --- Reoffending (plan pp. 22-23) ---
    {
        "key": "repeat_offenders",
        "label": "Repeat offenders (two or more offences recorded in the last 12 months)",
        "value": Decimal("479"),
        "unit": "individuals",
        "period": "12 months to the 2019 strategic assessment",
        "source": "Safer Walsall Partnership strategic assessment 2019, as cited in the plan, Reduce "
        "offending and re-offending (pp. 22-23)",
        "note": "'A higher proportion of repeat offenders than the previous year'.",
    },
    {
        "key": "repeat_offender_share",
        "label": "Repeat offenders as a share of individual offenders",
        "value": Decimal("27.5"),
        "unit": "%",
        "period": "12 months to the 2019 strategic assessment",
        "source": "Safer Walsall Partnership strategic assessment 2019, as cited in the plan, Reduce "
        "offending and re-offending (pp. 22-23)",
        "note": "The 479 repeat offenders were 27.5% of individual offenders.",
    },
    # --- About Walsall (plan p. 11; the seed names no source for these) ---
    {
        "key": "population",
        "label": "Population of Walsall",
        "value": Decimal("283400"),
        "unit": "people",
        "period": "Mid-2018",
        "source": "Safer Walsall Partnership Plan 2020, About Walsall (p. 11)",
        "note": "",
    },
    {
        "key": "population_projected",
        "label": "Projected population of Walsall",
        "value": Decimal("297700"),
        "unit": "people",
        "period": "Projection over the 10 years from mid-2018",
        "source": "Safer Walsall Partnership Plan 2020, About Walsall (p. 11)",
        "note": "'expected to increase by 5% to 297,700 over the next 10 years'.",
    },
    {
        "key": "over_65_growth",
        "label": "Expected growth of the over 65 population",
        "value": Decimal("12.3"),
        "unit": "%",
        "period": "Projection (period not stated)",
        "source": "Safer Walsall Partnership Plan 2020, About Walsall (p. 11)",
        "note": "The plan does not say over what period.",
    },
    {
        "key": "reception_growth",
        "label": "Growth in reception-aged children",
        "value": Decimal("11.34"),
        "unit": "%",
        "period": "2012-2017",
        "source": "Safer Walsall Partnership Plan 2020, About Walsall (p. 11)",
        "note": "",
    },
    {
        "key": "bame",
        "label": "Residents described as belonging to the Black and Minority Ethnic groups (BAME)",
        "value": Decimal("23"),
        "unit": "%",
        "period": "Not stated",
        "source": "Safer Walsall Partnership Plan 2020, About Walsall (p. 11)",
        "note": "",
    },
    {
        "key": "unemployment",
        "label": "Unemployment rate",
        "value": Decimal("3.6"),
        "unit": "%",
        "period": "March 2019",
        "source": "Safer Walsall Partnership Plan 2020, About Walsall (p. 11)",
        "note": "",
    },
    {
        "key": "total_crime_change",
        "label": "Increase in total recorded crime compared with 2016/17",
        "value": Decimal("15.3"),
        "unit": "%",
        "period": "Compared with 2016/17 (latest year not stated)",
        "source": "Safer Walsall Partnership Plan 2020, About Walsall (p. 11)",
        "note": "The seed writes '2016/7'; 'with Walsall having a higher increase in comparison to the rest "
        "of the West Midlands'.",
    },
    {
        "key": "crime_rate_rank",
        "label": "Walsall's crime rate among West Midlands areas, ranked from lowest",
        "value": Decimal("3"),
        "unit": "rank",
        "period": "Not stated",
        "source": "Safer Walsall Partnership Plan 2020, About Walsall (p. 11)",
        "note": "'Walsall has the third lowest crime rate in the West Midlands after Solihull and Dudley'.",
    },
    # Not recorded as evidence: the "Our shared successes" figures (p. 10: over 4000 staff and
    # volunteers trained on modern slavery, 57 people housed, over 2000 Safe and Well Visits, a
    # Neighbourhood Watch of over 50 members), which report past achievements, and the
    # geography of p. 11 (40 square miles, distances to Birmingham, Wolverhampton and Cannock).
]


# Measures: "numeric" only where a figure the plan states plainly underlies the measure (then
# with baseline_statistic), or where the measure is plainly a count or rate although the plan
# gives no baseline. The plan sets no numeric targets, so target_value is always None.
# Linking a measure to a baseline figure is our reading: the plan states the figure on the
# priority page but never attaches it to a measure. Everything else is "qualitative".
_NO_TARGET = (
    "No numeric target is set in the Safer Walsall Partnership Plan 2020; the aim is a reduction on the "
    "2018/19 baseline."
)
_NO_BASELINE = "The plan states no baseline."

PRIORITIES = [
    {
        "order": 1,
        "title": "Violence reduction",
        "lead": "wmp",
        "demo_lead_email": "lead.violence@demo.example",
        # Plan pp. 14-15. This page has no "Why is this a priority?" heading: the first sentence
        # is what residents said, the rest is the evidence.
        "you_told_us": (
            "You told us that anti-social behaviour, youths with knives, muggings, robbery and assault are "
            "your key concerns in Walsall."
        ),
        "why": (
            "Walsall saw the main increase in violent offences, particularly through violence without "
            "injury and through possession of weapons.\n\n"
            "Rates of serious violent crimes continue to be of concern across the country including in the "
            "West Midlands and there is a focus at a regional and national level with the development of a "
            "West Midlands Violence Reduction Unit (VRU). In 2018/19, there were 3700 recorded crimes of "
            "'public placed violence' with a trend of increasing offences. Increases have also been seen in "
            "domestic abuse (3275 offences in 2018/19) and knife crime (261 offences in 2018/19)."
        ),
        # The aim texts continue the heading "Our aim", hence "Is to ...".
        "aim": (
            "Is to reduce violence on the streets of Walsall and build resilient communities by raising "
            "awareness; work with victims and perpetrators of domestic abuse; reduce youth violence through "
            "a model based on Prevention, Diversion, Enforcement and Rehabilitation."
        ),
        "measures": [
            {
                "title": "A developed and embedded shared organisational and community response to violence "
                "prevention and reduction in Walsall",
                "kind": "qualitative",
            },
            {
                "title": "Stopping violence in Walsall before it starts",
                "kind": "numeric",
                "unit": "offences",
                "direction": "lower",
                "baseline_statistic": "public_place_violence",
                "target_value": None,
                "target_description": _NO_TARGET,
            },
            {
                "title": "Protecting the most vulnerable in Walsall from abuse.",
                "kind": "numeric",
                "unit": "offences",
                "direction": "lower",
                "baseline_statistic": "domestic_abuse",
                "target_value": None,
                "target_description": "No numeric target is set in the Safer Walsall Partnership Plan 2020; "
                "the measure is read as fewer recorded domestic abuse offences than "
                "the 2018/19 baseline. A rise can also reflect greater confidence to "
                "report.",
            },
        ],
        "one_year": [
            "Continue to listen to our communities to understand the root causes of the challenge in "
            "Walsall in order to effectively address the problem including community perceptions of safety "
            "relating to violent crime",
            "Develop a co-ordinated approach across the Safer Walsall Partnership to prevent violence "
            "through multi-agency delivery, drawing on the expertise from the newly established Violence "
            "Reduction Unit (VRU) focussing on violence, vulnerability and exploitation",
            "Start a conversation with communities to build awareness and understanding about how positive "
            "childhood experiences can influence life chances and build resilient communities in Walsall",
            "Safeguard vulnerable victims and witnesses and improve their confidence and satisfaction, "
            "embedding the Victims Code and working with the Victims' Commission",
            "Address safer Walsall priorities, threats and anticipated peaks in demand, delivering "
            "interventions that utilise the full capability of the partnership",
            "Work together to lessen the risk and demand associated with mental ill health.",
        ],
        "three_years": [
            "Consider how our services contribute to building resilient communities in Walsall & ensure "
            "effective enhancements are put in place where needed",
            "Apply our key principles for collaboration, governance and scrutiny; make use of what we know "
            "and generate new knowledge where required",
            "Tackle the root causes of violence and stop it before it starts",
            "Stop the progression of violence through early detection, intervention, support and "
            "enforcement for both victims and perpetrators.",
        ],
        # Appendix A (the example performance delivery plan) is this priority: Strategic Lead
        # "West Midlands Police", Lead support officer "Name" (a placeholder), the three measures,
        # the "Jan 2019 - Strategic assessment" text and items 1-3, whose "Overall objective" is
        # one_year[0..2] in slightly different words (item 2: "multi-agency delivery drawing on
        # the expertise from the newly established VRU focusing on ..."; item 3: "We will start a
        # conversation ..."). The priority page's wording is used. Appendix A's Objective,
        # Responsible Officer, Start Date, Deadline, Actual outcomes and RAG columns are blank in
        # the seed.
        "appendix_a_items": {0: "1", 1: "2", 2: "3"},
        "organisations": {},
        # Domestic abuse theme: the aim commits to "work with victims and perpetrators of domestic
        # abuse", and three_years[3] (index 9) is the commitment about "victims and perpetrators".
        "themes": {9: ["domestic_abuse"]},
    },
    {
        "order": 2,
        "title": "Prevent extremist activity",
        "lead": "council",
        "demo_lead_email": "lead.prevent@demo.example",
        # Plan pp. 16-17: only a "You told us" paragraph, no further "why" text.
        "you_told_us": (
            "You told us that you want to promote integration and create a sense of community and, that you "
            "would like more awareness about protecting our children and vulnerable people from becoming "
            "radicalised."
        ),
        "why": "",
        "aim": (
            "Is to support local communities and institutions to challenge and reject the message of "
            "extremism. Prevent in Walsall is delivered in partnership by a wide range of organisations "
            "including the Police, Council, NHS, Fire services and a number of community groups. Together "
            "we recognise that the best long term solution to preventing terrorism is to stop people "
            "becoming terrorists in the first place. To deliver this message effectively, we are fully "
            "committed to working alongside community groups and organisations within Walsall."
        ),
        # All qualitative: the plan gives no hate crime figure, and measure 3 ties hate crime to
        # the Prevent and integration activity meant to reduce it.
        "measures": [
            {
                "title": "Identifying potential vulnerabilities related to extremism or radicalisation",
                "kind": "qualitative",
            },
            {
                "title": "Securing support mechanisms to prevent individuals from being drawn into terrorism",
                "kind": "qualitative",
            },
            {
                "title": "Reducing 'hate crime' through Prevent and integration related activity in our "
                "schools and communities.",
                "kind": "qualitative",
            },
        ],
        "one_year": [
            "Increase the understanding of partners of the local threats and vulnerabilities in relation to "
            "extremism and terrorism",
            "Increase the community role in tackling extremism",
            "Develop an early intervention and identification process which raises potential concerns of "
            "extremism or radicalisation",
            "Increase Hate Crime awareness and reporting",
            "Ensure that the service for victims and perpetrators of hate crime is fully rolled out, where "
            "a network of reporting organisations work to consistent standards",
            "Ensure that Partners consider a complete approach when implementing the Prevent Duty",
            "Continue to ensure that support offered by partners is appropriate for each individual",
            "West Midlands Fire Service will provide access to a range of training materials through E "
            "Learn on Prevent",
            "Identify third sector capacity to increase the range of support available.",
        ],
        "three_years": [
            "Continue to respond to actions of those promoting violent extremism wherever it may present",
            "Develop positive relationships with our community by using Prevent projects",
            "Ensure that information is shared between partners to address any concerns",
            "Ensure that staff are aware of the actions of potential extremist or terrorist and know how to "
            "respond",
            "Support partners to embed the Prevent Duty across all relevant organisations",
            # Near-repeat of one_year[4] in the seed; kept, as the plan lists both.
            "Ensure that the service for victims and perpetrators of hate crime is fully rolled out and a "
            "network of reporting organisations work to consistent standards.",
        ],
        # "West Midlands Fire Service will provide access to ... E Learn on Prevent"
        "organisations": {7: ["wmfs"]},
        "themes": {},
    },
    {
        "order": 3,
        # The page heading; the contents page and p. 4 say "Reduce drugs and alcohol misuse".
        "title": "Reduce drug and alcohol misuse",
        "lead": "public_health",  # "Lead partner: Walsall Council Public Health"
        "demo_lead_email": "lead.drugs@demo.example",
        "you_told_us": (
            "You told us that you want to reduce the number of people taking drugs on our streets including "
            "alcohol and street drinking."
        ),
        "why": (
            "Adult offenders are in the main motivated by Class A substance addiction. The younger "
            "population shows that lower level drug and alcohol use, peer pressure and gang recruitment via "
            "county lines is on the increase\n\n"
            "The link between reducing re-offending and drug and alcohol treatment is long established. The "
            "West Midlands Police and Crime Commissioner reports that each drug using offender, not in "
            "treatment, annually commits £26k in crime to support their addiction. In Walsall in 2018/19 "
            "there were 1,227 drug users in structured treatment (out of an estimated 1,915 users) and 392 "
            "in alcohol treatment (out of 3,360). The integrated drug and alcohol treatment services is an "
            "essential part of Walsall's crime reduction/offender management programme. It is aimed at "
            "engaging drug and alcohol using offenders in treatment, to optimise their recovery from "
            "addiction and to deliver an associated reduction in crime."
        ),
        "aim": (
            "Is to reduce drug and alcohol related offending and anti-social behaviour and prevent or delay "
            "the onset of drug and alcohol misuse in young people."
        ),
        "measures": [
            {
                "title": "Engaging drug and alcohol related offenders in to treatment at each stage of the "
                "criminal justice system (arrest, court, probation and post custody)",
                "kind": "numeric",
                "unit": "people",
                "direction": "higher",
                "baseline_statistic": "drug_treatment",
                "target_value": None,
                "target_description": "No numeric target is set in the Safer Walsall Partnership Plan 2020; "
                "the aim is more people in treatment than the 2018/19 baseline.",
                "baseline_note": "The plan's figure counts all drug users in structured treatment in "
                "2018/19, not only offenders referred through the criminal justice "
                "system.",
            },
            {
                "title": "The rate of people successfully completing drug and alcohol treatment",
                "kind": "numeric",
                "unit": "%",
                "unit_type": "percentage",
                "direction": "higher",
                "baseline_statistic": None,
                "target_value": None,
                "target_description": "No numeric target is set in the Safer Walsall Partnership Plan 2020.",
                "baseline_note": _NO_BASELINE,
            },
            {
                "title": "The number of Drug Rehabilitation Requirements (DRR) and Alcohol Treatment "
                "Requirements (ATR) sentences made and completed.",
                "kind": "numeric",
                "unit": "sentences",
                "direction": "higher",
                "baseline_statistic": None,
                "target_value": None,
                "target_description": "No numeric target is set in the Safer Walsall Partnership Plan 2020.",
                "baseline_note": _NO_BASELINE
                + " Demo readings record sentences made; completions are in the narrative.",
            },
        ],
        "one_year": [
            "Reduce offending by increasing the number of people entering drug and alcohol treatment "
            "services",
            "Develop an effective licensing policy with partners to reduce alcohol-related health harms and "
            "offending",
            "Prevent the early onset of drug and alcohol use in young people through a coordinated "
            "partnership approach",
            "Reduce repeat drug and alcohol related offending by contributing to Walsall's offender "
            "management processes",
            "Develop universal, selective and targeted prevention work with schools, community and youth "
            "services to work with young people who are at risk, or are already engaging in drug and "
            "alcohol offending related behaviour",
            "Establish a Family Drug and Alcohol Court Service with Children's Services and the Judiciary.",
        ],
        "three_years": [
            "Deliver the best outcomes for Walsall residents by aligning the drug and alcohol service's "
            "offer to the Walsall Plan and Safer Walsall Partnership priorities",
            "Promote evidence-based approaches to reduce drug and alcohol related offending through "
            "effective use of data, research and good practice guidance",
            "Build resilience and reduce drug and alcohol misuse and related offending through partnerships "
            "with key agencies to impact positively upon individuals, families and communities",
            "Reduce offending by supporting and promoting recovery from addiction through establishing "
            "peer-led and mutual-aid support groups",
            "Optimise opportunities to identify and train young people to become drug and alcohol peer "
            "educators in Walsall secondary schools.",
        ],
        # Children's Services is a Walsall Council service.
        "organisations": {5: ["council"]},
        "themes": {},
    },
    {
        "order": 4,
        "title": "Serious and organised crime",
        "lead": "ccg",  # "Lead partner: Clinical Commissioning Group"
        "demo_lead_email": "lead.soc@demo.example",
        # The whole first paragraph: its second sentence still reports what residents prioritise.
        "you_told_us": (
            "You told us that you have seen an increase in serious crime committed in your area and want to "
            "reduce the number of cases seen regarding anti-social behaviour, drug dealing, exploitation, "
            "knives and guns. Increased numbers of people exploited for sex work, modern slavery and "
            "criminal activities like begging also remains a priority for residents, businesses and "
            "visitors alike."
        ),
        "why": (
            "Analysis of organised crime within the West Midlands show generations of criminals have taken "
            "advantage and caused harm to some our most deprived communities. They evade justice in many "
            "cases because they operate like a business that rapidly adapts to the changing environment. "
            "The layers of complexity that they create often mean they exist hidden in plain sight. The "
            "symptoms of serious and organised crime include violence, narcotics, fraud and cyber-crime, "
            "organised acquisitive crime and exploitation. The National Crime Agency advocates all partners "
            "working together and moving from 'tackling the symptoms of serious and organised crime to "
            "dismantling the underlying systems'."
        ),
        "aim": (
            "Is to provide a local response to improve the quality of life for our communities through a "
            "partnership approach that tackles persistent criminal behaviour. We will continue to raise "
            "awareness within our communities in order to reduce the risk of exploitation, neglect and/or "
            "criminal activities. Working with the Voluntary & Community Sector (VCS), we aim to minimise "
            "labour exploitation. It is our aim to make Walsall hostile to slavery and provide the best "
            "possible support for victims and potential victims."
        ),
        "measures": [
            {"title": "Reducing serious and organised crime", "kind": "qualitative"},
            {"title": "Reducing the exploitation of vulnerable people", "kind": "qualitative"},
            {
                "title": "Reducing serious crime involving weapons.",
                "kind": "numeric",
                "unit": "offences",
                "direction": "lower",
                "baseline_statistic": "knife_crime",
                "target_value": None,
                "target_description": _NO_TARGET,
                "baseline_note": "Knife crime is the only weapons figure the plan gives (on the Violence "
                "reduction page); the measure also covers other weapons, such as guns.",
            },
        ],
        "one_year": [
            "Ensure a comprehensive understanding of organised crime including who is involved and where it "
            "takes place",
            "Raise awareness, across staff and the community of all elements of serious and organised crime "
            "and how to identify and report it",
            "Gather and share information and intelligence from all partners, including the community, "
            "helping to raise awareness of the threat posed by serious and organised crime and "
            "exploitation",
            "Develop appropriate partnership interventions to deter people from becoming involved in "
            "serious and organised crime",
            "Develop a delivery model of excellence for modern slavery and human trafficking in order to "
            "meet the Modern Slavery Act 2015 statutory requirements including: operational pathways, "
            "pursuance, disruption and awareness",
            "In association with West Midlands Fire Service, identify risks and vulnerabilities by ensuring "
            "that all staff have mandatory training in Safeguarding awareness, Modern Slavery, Self-Neglect "
            "and Dementia",
            "To progress multi-agency interventions to rehabilitate those caught up in criminality ensuring "
            "all agencies are stronger working together.",
        ],
        "three_years": [
            "Expand our understanding of the increase number of children, young people and adult with "
            "vulnerabilities being exploited to commit crimes",
            "Work closely with neighbouring towns, especially in relation to County Lines issues",
            "Design and commission support services for those that are victims and or those that are "
            "affected by neglect, serious and organised crime and antisocial behaviour",
            "Work closely with local, regional and national partners to expand the operating model of "
            "excellence for Modern Slavery and Human Trafficking to ensure Walsall becomes a 'slavery free "
            "community'",
            # One commitment; its four sub-bullets are kept as lines.
            'Fully engaged in the Home Office and National Crime Agency endorse the "Four P" approach to '
            'tackling serious and organised crime: A fifth P, "Partnership" is embedded across Walsall.\n'
            "Prepare: Reducing the impact of this criminality where it does occur\n"
            "Prevent: Preventing and deterring people from engaging in serious and organised crime\n"
            "Pursue: Exploiting opportunities to disrupt and where possible prosecute those engaged in "
            "serious and organised criminality\n"
            "Protect: Taking measures to increase protection for individuals, businesses and communities "
            "from serious and organised crime and safeguarding those most at risk from it.",
        ],
        "organisations": {5: ["wmfs"]},  # "In association with West Midlands Fire Service, ..."
        "themes": {},
    },
    {
        "order": 5,
        "title": "Reduce offending and re-offending",
        "lead": "crc",  # "Lead partner: Community Rehabilitation Company"
        "demo_lead_email": "lead.reoffending@demo.example",
        "you_told_us": (
            "You told us that you are concerned about the increased levels of crime and antisocial "
            "behaviour in the communities."
        ),
        "why": (
            "Analysis shows that the vast majority of offenders committing crimes in Walsall are from the "
            "Walsall area, suggesting intervention should focus on self-containment rather than travelling "
            "offenders from other local authorities.\n\n"
            "We recognise the challenges faced in Walsall, and nationally, from youth violence and knife "
            "crime and remain committed to working with our young people to keep them, victims of crime and "
            "the community safe from violence.\n\n"
            "Analysis for the Safer Walsall Partnership strategic assessment 2019, found that 479 "
            "individuals were repeat offenders (with two or more offences recorded in the last 12 months) "
            "accounting for 27.5% of individuals offenders. This is a higher proportion of repeat offenders "
            "than the previous year therefore suggesting that there is a key cohort of individual offenders "
            "who are continuously offending."
        ),
        "aim": (
            "Is to create a better future for the children and youth of today. It is our responsibility to "
            "give them the best start in life and that starts with the best possible education.\n\n"
            "Alongside this, we will work with Head Teachers and our designated Safeguarding Leads in "
            "schools to ensure that violent crime triggers are understood by schools."
        ),
        "measures": [
            {
                "title": "Reducing offending and reoffending",
                "kind": "numeric",
                "unit": "individuals",
                "direction": "lower",
                "baseline_statistic": "repeat_offenders",
                "target_value": None,
                "target_description": "No numeric target is set in the Safer Walsall Partnership Plan 2020; "
                "the aim is fewer repeat offenders than the 479 found by the 2019 "
                "strategic assessment.",
            },
            {"title": "Reducing anti-social behaviour and the risk of harm", "kind": "qualitative"},
            {
                "title": "Improve prevention support to access Education / Training / Employment.",
                "kind": "qualitative",
            },
        ],
        "one_year": [
            "Manage high-risk offenders and target key cohorts to reduce rates and seriousness of offences "
            "committed",
            "Strengthen pathways to prevent the cycle of reoffending, by ensuring that all children and "
            "young people working with the youth justice service receive their full entitlement to "
            "education and that is tailored to their specific needs and interests for job opportunities",
            "Develop and promote victim and witness centred practice with a focus on youth offending",
            "Develop a model to provide early identification and interventions preventing offending and "
            "reoffending – with a particular emphasis on youth offending",
            "Explore Adverse Childhood Experiences (ACEs) and the effect they have on offending behaviours",
            "Improve the provision and accessibility of mental health services",
            "Increase access to stable and sustainable accommodation, especially for those leaving "
            "custodial settings",
            "Ensure that appropriate risk management is in place to protect victims of abuse, neglect and "
            "exploitation",
            "Reducing the number of young people entering the criminal justice system for the first time.",
        ],
        "three_years": [
            "Increase focus on screening cases that may be responsive to interventions via the Personality "
            "Disorder Pathway",
            "Continue to develop children and young people's pathways and profile",
            "Continue to provide high quality Restorative Justice Services that support victims of crime "
            "and provide confidence to the community",
            "Work to build sustainable relationships between offenders and their families/children, "
            "creating support networks to deter offending",
            "Safeguard, protect and divert vulnerable young people away from gang criminality and knife "
            "crime",
            "Maximise successful completions of community orders and custodial licences; to increase the "
            "opportunity for offenders to complete offence focused work",
            "Work closely with the head teachers of our local schools and academies, with parents and MP's "
            "to get the government to make the necessary investment into our schools to aid prevention of "
            "offending and reoffending.",
        ],
        # "... children and young people working with the youth justice service ..."
        "organisations": {1: ["yjs"]},
        # "protect victims of abuse, neglect and exploitation": abuse includes domestic abuse, the
        # board's common theme. (No commitment in the plan says "domestic abuse" in so many words.)
        "themes": {7: ["domestic_abuse"]},
    },
]


THEMES = [
    {
        "key": "domestic_abuse",
        "name": "Domestic abuse",
        # Cabinet report 4.3, verbatim.
        "description": (
            "At The Partnership board meeting on 30 July 2019, it was agreed that there is joint "
            "accountability for tackling Domestic Abuse and this will be a common theme within the 2020 "
            "Plan. The Partnership has shared duties to provide care and support for victims, and pursue "
            "civil and criminal enforcement for perpetrators. It was recognised that all Boards and Chairs "
            "across services and partners are responsible for connecting with other Boards to ensure that "
            "each understand how they can influence and contribute to this work. The Partnership's "
            "commitment to approach these issues and create change, is outlined throughout the 2020 Plan."
        ),
        # All five: the board made it "a common theme within the 2020 Plan", "outlined throughout
        # the 2020 Plan", with joint accountability across partners, not one priority's concern.
        "priorities": [1, 2, 3, 4, 5],
    },
]


BOARDS = [
    {
        "key": "board",
        "name": "Safer Walsall Partnership Board",
        "kind": "board",
        "parent": None,
        "meeting_frequency": "Quarterly",
        # Sentences from the plan p. 12 and the cabinet report 4.3, verbatim.
        "terms_of_reference": (
            "The Safer Walsall Partnership (The Partnership) is the responsible authority for setting and "
            "delivering community safety priorities in Walsall.\n\n"
            "The Partnership has a Board that meets quarterly, working closely with West Midlands PCC, "
            "Walsall College and One Walsall. Progress reports will be submitted to The Partnership by a "
            "designated lead partner for each priority. Rigorous performance evaluation will monitor "
            "progress looking for clear evidence based outcomes and learning from what works.\n\n"
            "The new Partnership structure gives responsibilities for implementing the priorities to named "
            "strategic leads. Each priority lead is responsible for operational plans and the delivery of a "
            "number of actions and outcomes."
        ),
        # Only the two people the seed names in board roles. Not given seats, because the seed
        # gives them no board position: Susan Dicks, "Interim Community Safety Manger" [sic], who
        # wrote the cabinet report; Helen Kindon, the EqIA's responsible officer, who took the plan
        # through its approvals; James Walsh, Executive Director, who signed the report.
        "members": [
            {
                "name": "Councillor Garry Perry",
                "title": "Portfolio Holder, Community, Leisure and Culture",
                "organisation": "council",
                "position": "chair",
            },
            {
                "name": "Andy Parsons",
                "title": "Walsall Borough Commander",
                "organisation": "wmp",
                "position": "vice_chair",
            },
            # Demo: the board secretary's seat, held by the fictional demo secretary.
            {
                "name": "Demo Board Secretary",
                "title": "Demo: Community Safety Officer, board secretary",
                "organisation": "council",
                "position": "secretary",
                "demo_user": "secretary@demo.example",
            },
        ],
    },
    # "Sign off Plan ... Approved by Working Party" on 21 August 2019 (EqIA, action and monitoring
    # plan). The seed names it only "Working Party" and says nothing of its members or how often it
    # meets; that it reports to the board is our reading. Its terms of reference: EqIA section 5,
    # verbatim.
    {
        "key": "working_party",
        "name": "Working Party",
        "kind": "working_party",
        "parent": "board",
        "meeting_frequency": "",
        "terms_of_reference": (
            "Panel set up representing all the key areas for the working party to monitor and evaluate "
            "the plan"
        ),
        "members": [],
    },
    # Demo: the thematic groups of Appendix B are not the seed's: the governance diagram did not
    # survive into the text (only "Valuing and listening to our communities" and "WEST MIDLANDS
    # FIRE SERVICE" remain). The plan gives each priority a lead "responsible for operational
    # plans and the delivery of a number of actions and outcomes" (cabinet report 4.3), so the
    # demo gives each priority a delivery group, chaired by its fictional demo lead.
    *[
        {
            "key": f"group_{order}",
            "name": f"{title} delivery group",
            "kind": "thematic",
            "parent": "board",
            "meeting_frequency": "Monthly",
            "terms_of_reference": (
                "Demo: invented for the demo; the seed's governance diagram did not survive. Delivers the "
                f"{title.lower()} priority of the Safer Walsall Partnership Plan 2020 and reports its "
                "progress to the Partnership Board each quarter."
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
    ],
    # Council bodies the plan went to (cabinet report 13 and its heading). Not part of the
    # partnership, so they have no parent and no members here.
    {
        "key": "scrutiny",
        "name": "Scrutiny and Overview Committee",
        "kind": "council_body",
        "parent": None,
        "meeting_frequency": "",
        "terms_of_reference": "",
        "members": [],
    },
    {
        "key": "cabinet",
        "name": "Cabinet",
        "kind": "council_body",
        "parent": None,
        "meeting_frequency": "",
        "terms_of_reference": "",
        "members": [],
    },
]


_DEMO_MEETING_NOTE = "Demo: date invented for the demo; the plan says only that the board meets quarterly."
MEETINGS = [
    {
        "board": "board",
        "date": date(2019, 7, 30),
        "title": "Safer Walsall Partnership Board",
        "notes": (
            "The Partnership Board, at their meeting on 30 July 2019, approved the five priorities (cabinet "
            "report 13). It was agreed that there is joint accountability for tackling Domestic Abuse and "
            "this will be a common theme within the 2020 Plan (cabinet report 4.3). With the meeting of 3 "
            "September 2019, The Partnership agreed the plan format and structure, together with the "
            "priorities (cabinet report 2)."
        ),
    },
    {
        "board": "board",
        "date": date(2019, 9, 3),
        "title": "Safer Walsall Partnership Board",
        "notes": (
            "The Partnership Board meeting on 3 September 2019, approved the 2020 plan structure and format "
            "and agreed the lead partners for each priority (cabinet report 13; EqIA: 'Approval of Safer "
            "Walsall Partnership Board')."
        ),
    },
    # EqIA, action and monitoring plan: "Sign off Plan", 21/8/19, "Approved by Working Party".
    {
        "board": "working_party",
        "date": date(2019, 8, 21),
        "title": "Working Party",
        "notes": (
            "The EqIA's action and monitoring plan records 'Sign off Plan' on 21/8/19 with the outcome "
            "'Approved by Working Party'. The seed gives no other detail of this meeting."
        ),
    },
    {
        "board": "scrutiny",
        "date": date(2019, 8, 29),
        "title": "Scrutiny and Overview Committee",
        "notes": (
            "On 29 August 2019, Scrutiny and Overview Committee welcomed the outline of The Partnership "
            "plan 2020 and, endorsed the five priorities (cabinet report 13). It will also go to Scrutiny "
            "and Overview Committee around May 2020, to evaluate the five priorities progress and outcomes "
            "(cabinet report 16)."
        ),
    },
    {
        "board": "cabinet",
        "date": date(2019, 10, 23),
        "title": "Cabinet",
        "notes": (
            "The seed is the report to this meeting ('Cabinet 23 October 2019', key decision, forward plan: "
            "yes), not its minutes."
        ),
    },
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


# ---------------------------------------------------------------------------------------------
# Governance records (issue 7): which statistics each priority cites, what the 2019 and 2020
# meetings decided, the plan's approvals trail, the June 2019 consultation and the Equality
# Impact Assessment.
# ---------------------------------------------------------------------------------------------

# The strategic assessment figures each priority's page states (our reading: the plan states the
# figures on the priority's page but never says "this priority cites"). Prevent extremist
# activity and Serious and organised crime state no figures.
PRIORITY_STATISTICS = {
    1: ["public_place_violence", "domestic_abuse", "knife_crime"],
    3: [
        "drug_treatment",
        "estimated_drug_users",
        "alcohol_treatment",
        "alcohol_treatment_population",
        "drug_offender_crime_cost",
    ],
    5: ["repeat_offenders", "repeat_offender_share"],
}


# What each meeting did, keyed by (board key, meeting date). For the 2019 meetings only what the
# seed says: it records decisions, not agendas, attendance or minutes, except the Cabinet agenda
# item that the seed itself is. The 2020 meetings' records are invented (every text "Demo:").
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


MEETING_RECORDS = {
    ("board", date(2019, 7, 30)): {
        "decisions": [
            # Cabinet report 13: "The Partnership Board, at their meeting on 30 July 2019, approved
            # the five priorities."
            {"kind": "decision", "text": "Approved the five priorities."},
            # Cabinet report 4.3, verbatim from "there is joint accountability".
            {
                "kind": "resolution",
                "text": "Agreed that there is joint accountability for tackling Domestic Abuse and this will "
                "be a common theme within the 2020 Plan.",
            },
        ],
    },
    ("working_party", date(2019, 8, 21)): {
        "decisions": [{"kind": "decision", "text": "Sign off Plan: Approved by Working Party."}],
    },
    ("scrutiny", date(2019, 8, 29)): {
        "decisions": [
            {
                "kind": "resolution",
                "text": "Welcomed the outline of The Partnership plan 2020 and, endorsed the five "
                "priorities.",
            }
        ],
    },
    ("board", date(2019, 9, 3)): {
        # Cabinet report 13: "approved the 2020 plan structure and format and agreed the lead
        # partners for each priority".
        "decisions": [
            {"kind": "decision", "text": "Approved the 2020 plan structure and format."},
            {"kind": "decision", "text": "Agreed the lead partners for each priority."},
        ],
    },
    ("cabinet", date(2019, 10, 23)): {
        "agenda": [
            {
                "title": "Safer Walsall Partnership Plan 2020",
                "presenter": "Councillor Perry, Portfolio Holder: Community, Leisure and Culture",
                "paper": "Report to Cabinet, 23 October 2019 (key decision; all wards), with Appendix A, the "
                "draft plan, and Appendix B, the Safer Walsall Partnership Equality Impact Assessment.",
            }
        ],
        "decisions": [
            {
                "kind": "decision",
                "agenda_item": 1,
                "text": "Demo: the seed is the report, not the minutes, so Cabinet's decision is not "
                "recorded. The demo takes the report's first recommendation as agreed: that Cabinet "
                "recommend to Council that the Safer Walsall Partnership Plan 2020 is approved as the "
                "Community Safety Plan for the borough.",
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


# Approvals trail, in order: the cabinet report (sections 2, 3, 13) and the EqIA's "Action and
# monitoring plan". Where the EqIA gives an action date and an outcome date, "date" is the
# outcome date and the action date is in the notes. The seed's words are in each step's notes.
APPROVALS = [
    {
        "stage": "board",
        "body": "Safer Walsall Partnership Board",
        "date": date(2019, 7, 30),
        "outcome": "approved",
        "notes": "Approved the five priorities (cabinet report, section 13).",
        "meeting": ("board", date(2019, 7, 30)),
    },
    {
        "stage": "working_party",
        "body": "Working Party",
        "date": date(2019, 8, 21),
        "outcome": "approved",
        "notes": "Sign off Plan: Approved by Working Party (EqIA, action and monitoring plan).",
        "meeting": ("working_party", date(2019, 8, 21)),
    },
    # A scrutiny committee endorses but does not approve: "noted", with its words.
    {
        "stage": "scrutiny",
        "body": "Scrutiny and Overview Committee",
        "date": date(2019, 8, 29),
        "outcome": "noted",
        "notes": "Welcomed the outline of The Partnership plan 2020 and, endorsed the five priorities "
        "(cabinet report, section 13; EqIA: 'Overviewed by Scrutiny Committee').",
        "meeting": ("scrutiny", date(2019, 8, 29)),
    },
    {
        "stage": "board",
        "body": "Safer Walsall Partnership Board",
        "date": date(2019, 9, 3),
        "outcome": "approved",
        "notes": "Approved the 2020 plan structure and format and agreed the lead partners for each "
        "priority (cabinet report, section 13; EqIA: 'Approval of Safer Walsall Partnership Board').",
        "meeting": ("board", date(2019, 9, 3)),
    },
    {
        "stage": "executive_director",
        "body": "Executive Director",
        "date": date(2019, 9, 20),
        "outcome": "approved",
        "notes": "Draft report to Executive Director (EqIA, action and monitoring plan: action 18/9/19, "
        "outcome 20/9/19).",
    },
    {
        "stage": "cmt",
        "body": "Corporate Management Team (CMT)",
        "date": date(2019, 9, 26),
        "outcome": "approved",
        "notes": "Draft Report to CMT (EqIA, action and monitoring plan: action 23/9/19, outcome 26/9/19).",
    },
    {
        "stage": "cmt",
        "body": "Corporate Management Team (CMT)",
        "date": date(2019, 10, 9),
        "outcome": "approved",
        "notes": "Agenda Planning CMT Cabinet (EqIA, action and monitoring plan: action 5/10/19, outcome "
        "9/10/19).",
    },
    {
        "stage": "cabinet",
        "body": "Cabinet",
        "date": date(2019, 10, 23),
        "outcome": "approved",
        "notes": "Demo: the seed is the report to this meeting, not its minutes; its decision is not "
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
        "notes": "Demo: the seed does not record Full Council's decision or its date. The EqIA expects "
        "the plan to 'be approved by Council in November 2019' and gives 5/11/19 as the proposal start "
        "date, which the demo uses as the date of approval.",
    },
]


CONSULTATION = {
    "title": "Community safety consultation, June 2019",
    # "during June 2019, a consultation exercise took place" (cabinet report 2; plan p. 7); "held
    # June 2019" (cabinet report 13). The EqIA, written on 18 June 2019, planned "June-July".
    "held_from": date(2019, 6, 1),
    "held_to": date(2019, 6, 30),
    # EqIA sections 4 and 5, verbatim.
    "method": (
        "Consultation will take place via online, paper with a variety of groups.\n\n"
        "A random selection by postcode has been chosen offering all the following equalities to take "
        "place.\n\n"
        "A variety of options will be made available including large print, braile, moon, audio, various "
        "languages and other options online or via paper/picture."
    ),
    # Cabinet report 2, then the EqIA's list of groups (section 5), verbatim.
    "participants": (
        "A sample population of Walsall residents, businesses, partners and voluntary groups covering all "
        "demographics.\n\n"
        "Council Prevent & Contest Group Board; Disability Forums; Walsall Society for Blind and Deaf "
        "society; Equalities and cohesion groups Inc. race, religious, hard to reach communities; Walsall "
        "for All; Nash Dom; Localities groups within Walsall; Libraries; Community Associations; Victim "
        "Support; Councillors; West Midlands Police; Schools & Education; Local businesses; Walsall "
        "Economic Board: Homeserve, One Walsall, WHG Accord."
    ),
    "respondents": None,  # not stated in the seed
    # Cabinet report 2 and the plan p. 7.
    "summary": (
        "The Partnership, as the responsible body, recognises its 'duty to consult' with the public and "
        "during June 2019, a consultation exercise took place seeking views on community safety. This "
        "covered a sample population of Walsall residents, businesses, partners and voluntary groups "
        "covering all demographics. These themes are included in the plan.\n\n"
        "Two key areas of consultation have taken place, the strategic assessment and the public "
        "consultation."
    ),
    # "You told us": the plan's introduction (p. 6), each priority's page, and the cabinet report.
    # "priorities" are the orders of the priorities each finding shaped; the general findings of
    # the introduction shaped the plan as a whole, so they name none.
    "findings": [
        {
            "text": "You told us you wanted us to make your streets and communities safer.",
            "source": "Plan, Introduction: You told us and we listened (p. 6)",
            "priorities": [],
        },
        {
            "text": "You also told us that you wanted to be at the heart of local decision making to fix the "
            "issues we face together.",
            "source": "Plan, Introduction: You told us and we listened (p. 6)",
            "priorities": [],
        },
        *[
            {"you_told_us_of": order, "source": f"Plan, {title} ({pages})", "priorities": [order]}
            for order, title, pages in [
                (1, "Violence reduction", "pp. 14-15"),
                (2, "Prevent extremist activity", "pp. 16-17"),
                (3, "Reduce drug and alcohol misuse", "pp. 18-19"),
                (4, "Serious and organised crime", "pp. 20-21"),
                (5, "Reduce offending and re-offending", "pp. 22-23"),
            ]
        ],
        # Cabinet report 13. Youth violence: Violence reduction's aim ("reduce youth violence") and
        # Reduce offending and re-offending's youth justice commitments, our reading.
        {
            "text": "The Partnership from extensive engagement with our partners, communities and young "
            "people identified that there is a high demand for action to tackle issues relating to serious "
            "youth violence.",
            "source": "Cabinet report, section 13 (Consultations)",
            "priorities": [1, 5],
        },
    ],
}


# "You told us, we did": which actions answer which finding, as action references (priority order
# and commitment number, as the loader numbers them), keyed by the finding's place in
# CONSULTATION["findings"] (1-based). Our reading: the plan never pairs a finding with a commitment.
# The first finding (make your streets and communities safer) is answered by the plan as a whole.
# For Action.answers (added with the "we did" link); the loader sets these once the field exists.
FINDINGS_ANSWERED_BY = {
    2: ["1.1", "2.2"],  # at the heart of local decision making: listen to communities; community role
    3: ["1.2", "1.9"],  # knives, muggings, robbery, assault: a co-ordinated approach; the root causes
    4: ["2.3", "2.11"],  # radicalisation awareness; integration through Prevent projects
    5: ["3.1", "3.2"],  # drugs on the streets, street drinking: treatment; licensing policy
    6: ["4.2", "4.5"],  # drug dealing, exploitation, modern slavery: awareness; modern slavery model
    7: ["5.1"],  # crime and anti-social behaviour: manage high-risk offenders
    8: ["5.14"],  # serious youth violence: divert young people from gang criminality and knife crime
}


# The EqIA (the cabinet report calls it Appendix B; the plan's own Appendix B is the governance
# structure). Its tables are partly garbled in the text: words lost between columns are "…".
_EQIA_REASON = (
    "This proposal will tackle all groups in the main age, … sex however the other areas will not be left "
    "out as it is the aim of the Safer Walsall Partnership Board (SAPB) to improve services for all users "
    "and languages. SAPB will put in governance to ensure the impact is measured and communicated. This "
    "will have a positive impact on citizens of Walsall by the improvement of services. Consultation "
    "engagement will influence this and future questions."
)
EQUALITY_IMPACT_ASSESSMENT = {
    "reference": "",  # "Ref No." is blank
    "proposal_name": "Community Safety Plan 'working together for a safer borough'",
    "directorate": "Resources and Transformation",
    "service": "Localities & Partnerships",
    "responsible_officer": "Helen Kindon",
    # "Proposal planning start 18/6/19"; "An Equalities Impact Assessment was carried out 18 June
    # 2019" (cabinet report 12). "Proposal start date (due or actual date) 5/11/19".
    "planning_started_on": date(2019, 6, 18),
    "proposal_starts_on": date(2019, 11, 5),
    # Section 1: Policy No (New); Procedure Yes (New); Guidance No (New).
    "proposal_type": "procedure",
    "new_or_revision": "new",
    # Section 2, verbatim; bullets as "- " lines.
    "business_case": (
        "Every three years the Safety Walsall Partnership is required to produce a three year Community "
        "Safety Plan and has a statutory duty to produce a strategic assessment annually. This enables "
        "partners to set themes and strategic priorities to protect communities from crime and help people "
        "feel safer. These are set out within this Community Safety Plan, with the priorities reviewed on an "
        "annual basis.\n\n"
        "The Safer Walsall Partnership is made up of statutory representatives from West Midlands Police, "
        "Walsall Council, West Midlands Fire Service, NHS Walsall Clinical Commissioning Group, National "
        "Probation Service, Public Health England, Staffordshire & West Midlands Community Rehabilitation "
        "Company and NHS Trust, who work together to protect communities from crime and to help people feel "
        "safe.\n\n"
        "The Partnership came together to review findings from a variety of public consultations and "
        "identify relevant vulnerabilities and threats derived from the data within the strategic "
        "assessment. This has enabled us to understand what our collective data is telling us so that we "
        "could shape and identify our themes and strategic priorities.\n\n"
        "- Creating safe, strong and resilient communities\n"
        "- Keeping people safe from harm\n"
        "- Reducing violence\n"
        "- Reducing offending and preventing reoffending\n"
        "- Preventing violent extremism\n"
        "- Serious organised crime\n\n"
        "The Safer Walsall Partnership have statutory responsibilities to:\n"
        "- Discharge the duties of Responsible Authorities under the Crime and Disorder Act 1998\n"
        "- Support the delivery by partners of: The Police Reform Act 2002; Anti-Social Behaviour Crime and "
        "Policing Act 2014; Police & Justice Act 2006; Police & Crime Act 2009 and other associated "
        "legislation\n\n"
        "The Partnership recognises that collaborative working with other key partners and agencies is "
        "essential to the successful delivery of projects and initiatives to protect communities. With that "
        "in mind, Black Country Chamber of Commerce, West Midlands Police and Crime Commissioner, Walsall "
        "College, Walsall Housing Group and One Walsall are active members of the Partnership and jointly "
        "tackle key issues and address our strategic priorities.\n\n"
        "In line with Walsall Cohesion and Integration Strategy and the it shows Walsall need to be able to "
        "provide care and support for those who are in protected characteristics of:\n"
        "- Age\n- Disability\n- Sex\n- Race\n\n"
        "Others are included however these are the main characteristics affected.\n\n"
        "We also need to be mindful that those who are key in the Corporate Plan for People – Quality of "
        "Life and Customer First outcomes\n\n"
        "The most vulnerable are protected from avoidable harm, including treating and caring for people in "
        "a safe environment.\n\n"
        "The Community Safety Plan is one of the thematic partnerships working towards achieving the "
        "multi-agency Walsall Plan: Our Health and Wellbeing Strategy 2019 – 2021\n\n"
        "The Police and Crime Commissioner for the West Midlands produced a Police and Crime Plan 2016-2020 "
        "and the Partnership Plan aims to compliment the work of the Commissioner in making the borough of "
        "Walsall a safer place to live"
    ),
    # Section 3: "All: Yes", with its detail, verbatim ("what it important" is the seed's).
    "who_affected": (
        "All: Yes. Our plan is aimed at all people, customers and visitors in Walsall in order to keep "
        "people safe from harm. Consulting with our residents, businesses and visitors on what it important "
        "to their safety. Including our key priorities of reducing violence; Reducing offending and "
        "preventing reoffending; Preventing violent extremism; Serious organised crime"
    ),
    # Section 4, verbatim lines (the seed's own dashes and "=" signs kept).
    "service_data": (
        "Consultation will take place in June-July in order to establish the plan for 2019-22 which will be "
        "approved by Council in November 2019.\n\n"
        "A random selection by postcode has been chosen offering all the following equalities to take "
        "place.\n\n"
        "Age – Elderly burglary/distraction burglary/fraud\n"
        "Young people – violent crime, knife crime, gang membership, sexual exploitation, all forms of abuse "
        "in the family or home\n"
        "Gender - Women - domestic abuse/sexual assaults\n"
        "- Men – violence (perpetrators or victims), domestic abuse (victims and perpetrators) organised "
        "drug supply\n"
        "Disability - Hate crime – learning disabilities – exploitation / financial abuse by carers and "
        "family/friends/violence\n"
        "Marriage/Civil Partnership – domestic abuse / organised sham marriages / forced marriage\n"
        "Sexual orientation – hate crime / domestic abuse\n"
        "Race = Hate crime/ risks of gang involvement / domestic abuse /forced marriage / human "
        "trafficking / exploitation / organised drug supply\n"
        "Religious belief/Religion = hate crime / extremism\n"
        "Pregnancy – domestic abuse\n\n"
        "A variety of options will be made available including large print, braile, moon, audio, various "
        "languages and other options online or via paper/picture."
    ),
    # Section 5: the consultation activity table. Words lost between the table's columns are "…".
    "engagement": (
        "Type of engagement/consultation: Consultation with public. Date: June-July 2019.\n\n"
        "Who attended/participated? Random selection o… postcode, plus all listed above.\n\n"
        "Protected characteristics of participants: equality monitoring w…ill take place as part of the "
        "consultation.\n\n"
        "Panel set up representing all the key areas for the working party to monitor and evaluate the plan"
    ),
    # Section 6, verbatim.
    "evidence_overview": "There should be no impact on the organisation at this stage.",
    # Section 8: "Yes all".
    "cumulative_effect": "Yes all",
    # Section 9: the seed's choice, and its detail.
    "justifiable_action": "adjustments",
    "justifiable_action_detail": (
        "Adjustments to existing plan need reviewing and adding in the results from the consultation "
        "process in order to form the new plan"
    ),
    "signed_off_by": "",  # the seed shows no sign-off
    "signed_off_on": None,
    # Section 7: one merged reason for every characteristic listed (see the judgement calls above).
    "impacts": [
        {"characteristic": key, "effect": "positive", "reasons": _EQIA_REASON, "main_focus": main}
        for key, main in [
            ("age", True),
            ("disability", True),
            ("gender_reassignment", False),
            ("marriage_civil_partnership", False),
            ("pregnancy_maternity", False),
            ("race", True),
            ("religion_belief", False),
            ("sex", True),
            ("sexual_orientation", False),
        ]
    ],
    # "Action and monitoring plan": dates as the seed writes them, and as dates where exact.
    # demo_done: Demo: marked done on the outcome date (see the judgement calls above).
    "actions": [
        {
            "action_date_text": "21/8/19",
            "action_date": date(2019, 8, 21),
            "action": "Sign off Plan",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "21/8/19",
            "outcome_date": date(2019, 8, 21),
            "outcome": "Approved by Working Party",
            "demo_done": True,
        },
        {
            "action_date_text": "29/8",
            "action_date": date(2019, 8, 29),
            "action": "Approval",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "29/8/19",
            "outcome_date": date(2019, 8, 29),
            "outcome": "Overviewed by Scrutiny Committee",
            "demo_done": True,
        },
        {
            "action_date_text": "3/9/19",
            "action_date": date(2019, 9, 3),
            "action": "Approval",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "3/9/19",
            "outcome_date": date(2019, 9, 3),
            "outcome": "Approval of Safer Walsall Partnership Board",
            "demo_done": True,
        },
        {
            "action_date_text": "18/9/19",
            "action_date": date(2019, 9, 18),
            "action": "Approval",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "20/9/19",
            "outcome_date": date(2019, 9, 20),
            "outcome": "Draft report to Executive Director",
            "demo_done": True,
        },
        {
            "action_date_text": "23/9/19",
            "action_date": date(2019, 9, 23),
            "action": "Approval",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "26/9/19",
            "outcome_date": date(2019, 9, 26),
            "outcome": "Draft Report to CMT",
            "demo_done": True,
        },
        {
            "action_date_text": "5/10/19",
            "action_date": date(2019, 10, 5),
            "action": "Approval",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "9/10/19",
            "outcome_date": date(2019, 10, 9),
            "outcome": "Agenda Planning CMT Cabinet",
            "demo_done": True,
        },
        {
            "action_date_text": "20/10/19",
            "action_date": date(2019, 10, 20),
            "action": "Approval",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "23/10/19",
            "outcome_date": date(2019, 10, 23),
            "outcome": "Cabinet recommendations",
            "demo_done": True,
        },
        {
            "action_date_text": "Autumn",
            "action_date": None,
            "action": "Feedback",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "November/ December",
            "outcome_date": None,
            "outcome": "Feedback results of consultation to public",
            "demo_done": False,
        },
        {
            "action_date_text": "12 month",
            "action_date": None,
            "action": "Review",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "9/20",
            "outcome_date": None,
            "outcome": "Prepare revised transparency statement for 2020/1",
            "demo_done": False,
        },
        {
            "action_date_text": "6 months",
            "action_date": None,
            "action": "Set up Governance",
            "responsibility": "Walsall Safer Partnership Board",
            "outcome_date_text": "30/12/19",
            "outcome_date": date(2019, 12, 30),
            "outcome": "Set up measurement and monitoring of impact on characteristics and numbers to see "
            "how Walsall are improving in comparison to other areas.",
            "demo_done": False,
        },
    ],
}
