"""The Safer Walsall Partnership Plan 2020 as its source document states it, as plain data.

Transcribed from the source document, which is kept beside this repository rather than in it
(``../shared/seed/safer-walsall-partnership-plan-2020.txt``): the Walsall Council cabinet
report of 23 October 2019 ("the cabinet report"), the plan itself ("Our Partnership Plan for a
Safer Walsall, 2020 and beyond", "the plan"), its Appendix A (an example performance delivery
plan), Appendix B (the governance structure, a diagram lost in the text) and the Equality
Impact Assessment ("the EqIA"). Page numbers are the plan's own contents page numbers.

What is here, and what is not:

* PARTNERSHIP, ORGANISATIONS, PLAN, STRATEGIC_ASSESSMENT, BASELINE_STATISTICS, PRIORITIES
  (titles, lead partners, texts, measures, commitments), THEMES, the partnership board (its chair
  and vice chair), the Working Party and the two council bodies in BOARDS, the five 2019 MEETINGS
  and their MEETING_RECORDS, APPROVALS up to the Corporate Management Team's of 9 October 2019,
  CONSULTATION and EQUALITY_IMPACT_ASSESSMENT are transcribed from the seed. Texts are verbatim
  apart from the line-wrap joins and extraction fixes listed in ``TEXT_FIXES``. Where the seed is
  ambiguous or contradicts itself, the choice made is explained in a comment beside it.
* Mappings of a measure to a baseline figure, of a commitment to a partner organisation, of a
  commitment to the domestic abuse theme, of a priority to the statistics it cites
  (PRIORITY_STATISTICS), of a consultation finding to the priorities it shaped and to the actions
  that answer it (FINDINGS_ANSWERED_BY) are our reading of the seed; each is explained.
* Everything the demo invents to show the plan at work (people, priority leads, delivery groups,
  the 2020 meetings and their records, Cabinet's and Full Council's decisions, which EqIA actions
  are done, reporting periods, updates and readings) is in ``walsall_2020_invented.py``, keyed to
  the records here; the loader joins the two.

Judgement calls for the governance records (issue 7), each explained again beside its data:

* The "Working Party" that signed the plan off on 21 August 2019 is the seed's; that it reports
  to the board is our reading. The governance diagram (Appendix B) did not survive into the text,
  so the seed's thematic groups are not here (the demo's delivery groups stand in for them).
* Scrutiny and Overview Committee and Cabinet are council bodies, not part of the partnership:
  recorded as boards of kind "council body" so their meetings can be, and shown apart from the
  partnership's structure. Executive Director and CMT steps have no meeting.
* The plan is approved by Full Council ("That Cabinet recommend to Council that the ... Plan
  2020 is approved as the Community Safety Plan for the borough"). The seed is the report to
  Cabinet, not its minutes, and records neither decision, so APPROVALS here stop before Cabinet.
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
        "note": "The plan writes 'public placed violence', 'with a trend of increasing offences'. Stated in "
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
        "note": "An increase, says the plan. Stated in the plan (Violence reduction, pp. 14-15), in "
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
        "note": "The plan writes '2016/7'; 'with Walsall having a higher increase in comparison to the rest "
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

# Each priority's lead officer is one of the demo's people: walsall_2020_invented.PRIORITY_LEADS.
PRIORITIES = [
    {
        "order": 1,
        "title": "Violence reduction",
        "lead": "wmp",
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
                "baseline_note": _NO_BASELINE,
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
        # through its approvals; James Walsh, Executive Director, who signed the report. The
        # secretary's seat is the demo's (walsall_2020_invented.BOARD_MEMBERS).
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
    # The thematic groups of Appendix B did not survive into the text: the demo's delivery groups
    # (walsall_2020_invented.DELIVERY_GROUPS) are loaded here, after the Working Party.
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


# The 2020 board meetings are the demo's: walsall_2020_invented.MEETINGS.
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
            "'Approved by Working Party'. The cabinet report gives no other detail of this meeting."
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
            "The plan comes from the report to this meeting ('Cabinet 23 October 2019', key decision, "
            "forward plan: yes), not its minutes."
        ),
    },
]


# ---------------------------------------------------------------------------------------------
# Governance records (issue 7): which statistics each priority cites, what the 2019 meetings
# decided, the plan's approvals trail, the June 2019 consultation and the Equality Impact
# Assessment.
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


# What each meeting did, keyed by (board key, meeting date). Only what the seed says: it records
# decisions, not agendas, attendance or minutes, except the Cabinet agenda item that the seed
# itself is.
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
    },
}


# Approvals trail, in order: the cabinet report (sections 2, 3, 13) and the EqIA's "Action and
# monitoring plan". Where the EqIA gives an action date and an outcome date, "date" is the
# outcome date and the action date is in the notes. The seed's words are in each step's notes.
# Cabinet's and Full Council's approvals, which the seed does not record, follow these from
# walsall_2020_invented.APPROVALS.
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
    # Which are done is the demo's: walsall_2020_invented.EQIA_ACTIONS_DONE.
    "actions": [
        {
            "action_date_text": "21/8/19",
            "action_date": date(2019, 8, 21),
            "action": "Sign off Plan",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "21/8/19",
            "outcome_date": date(2019, 8, 21),
            "outcome": "Approved by Working Party",
        },
        {
            "action_date_text": "29/8",
            "action_date": date(2019, 8, 29),
            "action": "Approval",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "29/8/19",
            "outcome_date": date(2019, 8, 29),
            "outcome": "Overviewed by Scrutiny Committee",
        },
        {
            "action_date_text": "3/9/19",
            "action_date": date(2019, 9, 3),
            "action": "Approval",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "3/9/19",
            "outcome_date": date(2019, 9, 3),
            "outcome": "Approval of Safer Walsall Partnership Board",
        },
        {
            "action_date_text": "18/9/19",
            "action_date": date(2019, 9, 18),
            "action": "Approval",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "20/9/19",
            "outcome_date": date(2019, 9, 20),
            "outcome": "Draft report to Executive Director",
        },
        {
            "action_date_text": "23/9/19",
            "action_date": date(2019, 9, 23),
            "action": "Approval",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "26/9/19",
            "outcome_date": date(2019, 9, 26),
            "outcome": "Draft Report to CMT",
        },
        {
            "action_date_text": "5/10/19",
            "action_date": date(2019, 10, 5),
            "action": "Approval",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "9/10/19",
            "outcome_date": date(2019, 10, 9),
            "outcome": "Agenda Planning CMT Cabinet",
        },
        {
            "action_date_text": "20/10/19",
            "action_date": date(2019, 10, 20),
            "action": "Approval",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "23/10/19",
            "outcome_date": date(2019, 10, 23),
            "outcome": "Cabinet recommendations",
        },
        {
            "action_date_text": "Autumn",
            "action_date": None,
            "action": "Feedback",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "November/ December",
            "outcome_date": None,
            "outcome": "Feedback results of consultation to public",
        },
        {
            "action_date_text": "12 month",
            "action_date": None,
            "action": "Review",
            "responsibility": "Helen Kindon",
            "outcome_date_text": "9/20",
            "outcome_date": None,
            "outcome": "Prepare revised transparency statement for 2020/1",
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
        },
    ],
}
