"""Labelled sentences for the clarity checker, written from the rules' intent before the
checker was built: what an expert by experience would meet in an offer of work, a
recruitment advert or a message from a coordinator in NHS and social-care co-production.

Each entry is ``(text, audience, expected_rules)``. An empty set means the text is clear
for that audience. A few entries are short passages (three sentences or more), because
reading ease is only judged on texts of that size.

Decisions the labels encode:

- Honest uncertainty is not speculation: "We do not know yet whether…", "We can't promise
  there will be more work" and "There is no guarantee of further work" are clear.
- Someone else's words in double quotation marks are reported, not asserted: "might"
  inside a quotation is not speculative.
- "May" as a month ("Tuesday 4 May") and "you may" giving permission ("You may bring a
  friend") are not speculative; "may" about what could happen ("may lead to") is.
- A statement that the person will be paid, with no amount in pounds, is a vague amount;
  "£25 an hour, paid within 14 days" is not.
- TBC, TBD and "to be confirmed" are vague amounts (whatever is left unconfirmed), not
  unexplained acronyms; ASAP is a vague time, not an acronym.
- UK, NHS, OK, GP, ID, TV, AM and PM need no explanation; BSL, CV and PDF need none in
  standard text but do in easy read.
- Co-production is the charter's own word: plain enough for a standard audience, a hard
  word in easy read unless the text explains it.
- Passive voice is only judged in easy read.
- A limit is not an amount: "up to £50", "a maximum of £40" and "no more than £20" are
  vague amounts; "up to 12 people" is not about money and is clear.
- "Reimburse", "subsistence", "per diem" and "workstream" are hard words for every
  reader; their plain alternatives ("pay you back", "money for food and drink", "a daily
  allowance", "a part of the work") are clear, and "pay you back" is not a payment
  without an amount: the amount is what the person spent.
- "Later" on its own is a vague time; "no later than 31 March", "3 days later" and
  "later in this letter" are not.
"""

from __future__ import annotations

from powerwith.offers.clarity import Audience

S: Audience = "standard"
E: Audience = "easy_read"

SPECULATIVE = "speculative"
PROMISE = "promise"
AMOUNT = "vague_amount"
TIME = "vague_time"
ACRONYM = "unexplained_acronym"
LONG = "long_sentence"
HARD = "hard_word"
EASE = "reading_ease"
PASSIVE = "passive_voice"

CLEAR_STANDARD: list[tuple[str, Audience, set[str]]] = [
    ("£25 an hour, paid within 14 days.", S, set()),
    ("It's OK to say no.", S, set()),
    ("You can stop at any time.", S, set()),
    ("The session is on 12 January 2027 from 10:00 to 13:00.", S, set()),
    ("We will pay your travel in advance.", S, set()),
    ("The Restraint Reduction Network (RRN) sets the training standards we follow.", S, set()),
    (
        "The RRN (Restraint Reduction Network) asks that lived experience is part of every course.",
        S,
        set(),
    ),
    ("The panel meets on Tuesday 4 May 2027 at Riverside House.", S, set()),
    ("May is a busy month on the ward, so we have booked the room early.", S, set()),
    ("We will pay you £150 for the day by bank transfer, within 14 days.", S, set()),
    (
        "If you decide not to take part, that is fine and you do not need to give a reason.",
        S,
        set(),
    ),
    ("You can bring a supporter, and we will pay for their travel too.", S, set()),
    ("The meeting is on Microsoft Teams and lasts 90 minutes, with a break halfway.", S, set()),
    ("Your contact person is Priya Shah, and you can call her on 0113 496 0000.", S, set()),
    ("We will share the report with Riverside staff only; it will not be published.", S, set()),
    (
        "You can withdraw your consent at any time, and we will take your words out of the report.",
        S,
        set(),
    ),
    ("We pay £25 an hour, and travel costs up to £30 a day.", S, {AMOUNT}),
    ("The NHS trust will post the papers to you a week before the meeting.", S, set()),
    ("Please reply by Friday 8 January 2027 if you would like to take part.", S, set()),
    ("Lunch is provided, and we will pay for a taxi if you need one.", S, set()),
    ("I hope you are well.", S, set()),
    ("Thank you for sharing your story with the ward team last week.", S, set()),
    ("You told us you would rather not be paid, so this role is voluntary.", S, set()),
    ("We can send this letter in easy read, in large print or as an audio recording.", S, set()),
    ("Let us know if you need a BSL interpreter and we will book one.", S, set()),
    ("Your GP does not need to know that you are taking part.", S, set()),
    ("Please bring photo ID so that reception can sign you in.", S, set()),
    ("The session will be recorded only if everyone in the room agrees.", S, set()),
    ("Sessions run every Wednesday from 2pm to 4pm until 31 March 2027.", S, set()),
    ("We will pay you £90 for each session, within 10 working days.", S, set()),
    ("You can take a break whenever you want.", S, set()),
    ("If things get too much, tell Sam or step out of the room.", S, set()),
    (
        "One panel member told us: “I might not have come back without the peer support group.”",
        S,
        set(),
    ),
    ("We will phone you the day after the session to ask how you are.", S, set()),
    ("This is a paid role at £12.60 an hour, for 6 hours a week.", S, set()),
    (
        "We do not know yet whether there will be more sessions, so please do not keep any "
        "dates free for us.",
        S,
        set(),
    ),
    ("The room is on the ground floor and has a hearing loop.", S, set()),
    (
        "The Care Quality Commission (CQC) will not be at the session, and nothing you say "
        "will be passed to the CQC.",
        S,
        set(),
    ),
    ("You may bring a friend or supporter with you.", S, set()),
    ("You may claim travel expenses of up to £40 a day.", S, {AMOUNT}),
    ("Could you let us know by 20 December 2026 whether this date suits you?", S, set()),
    ("The soonest date we can offer is 3 March 2027.", S, set()),
    ("We will reply to your email within 2 working days.", S, set()),
    ("Please arrive 10 minutes early so that we can start on time.", S, set()),
    ("Your story belongs to you, and you decide what we can use.", S, set()),
    ("We will not publish anything with your name on it unless you agree in writing.", S, set()),
    ("We will lend you a laptop and a headset if you need them.", S, set()),
    ("There is no fee for the course, and lunch is included.", S, set()),
    ("Our phone line is open Monday to Friday, 9am to 5pm.", S, set()),
    ("The session starts at 10 AM and finishes at 1 PM.", S, set()),
    (
        "The Mental Health Act (MHA) sets out when a person can be detained in hospital.",
        S,
        set(),
    ),
    (
        "Please tell us about any adjustments you need, such as a quiet room or extra breaks.",
        S,
        set(),
    ),
    ("We are paying £200 for the whole project, which is 8 hours of work in total.", S, set()),
    ("Your payment of £50 will reach your bank account within 14 days.", S, set()),
    ("We know that talking about restraint can be hard.", S, set()),
    ("You can leave the room at any time without explaining why.", S, set()),
    ("Sam from the participation team will be your contact person.", S, set()),
    ("Will you be able to come on 12 January?", S, set()),
    ("We would like to invite you to an interview on 3 February 2027 at 11:00.", S, set()),
    ("The venue is a few minutes' walk from Leeds railway station.", S, set()),
    ("Some people find it helpful to bring notes with them.", S, set()),
    ("We will work in a small group of six people.", S, set()),
    ("Sam will lead the session, and Jo will take notes.", S, set()),
    ("We could meet on Tuesday or Wednesday; which suits you better?", S, set()),
    (
        "We can't promise there will be more work after this, so please do not turn down "
        "other work for us.",
        S,
        set(),
    ),
    ("There is no guarantee of further work once this project ends.", S, set()),
    ("As soon as you arrive, ask for Priya at the main reception.", S, set()),
    ("Co-production means working together as equals from the very start.", S, set()),
    ("We are keen to co-produce the new training with you.", S, set()),
    ("Send your CV and a short covering letter to the participation team.", S, set()),
    ("We can send you a PDF of the slides before the session.", S, set()),
    ("IMPORTANT: please bring your bank details with you.", S, set()),
    ("The session lasts between 2 and 3 hours, including breaks.", S, set()),
    ("This work is unpaid, and you can choose whether to do it.", S, set()),
    ("The survey closes on 30 November 2026.", S, set()),
    ("We offer a £20 shopping voucher to say thank you.", S, set()),
    ("We pay £75 per session; you will be paid within 14 days.", S, set()),
    ("You will be paid £75 per session, within 14 days of the session.", S, set()),
    ("This is a paid post at £28,000 a year, for 3 days a week.", S, set()),
    ("Interdisciplinary collaboration necessitates organisational commitment.", S, set()),
    ("Please tell us if you are likely to need extra breaks.", S, set()),
    ("Our next meeting is on Monday 7 June at 14:00, in Room 2.", S, set()),
    ("We will send the agenda by email on 1 March.", S, set()),
    ("You do not have to answer any question you do not want to.", S, set()),
    ("We will never use your real name unless you ask us to.", S, set()),
    ("Claire from the Restraint Reduction Network will join us online.", S, set()),
    ("The deadline is 5pm on Friday 15 January 2027.", S, set()),
    ("The training is for staff on Ward 3 at Hillview Hospital.", S, set()),
    (
        "STOMP stands for stopping over-medication of people with a learning disability, "
        "autism or both.",
        S,
        set(),
    ),
    (
        "The Restraint Reduction Network (RRN) writes the standards. The RRN standards say "
        "that people with lived experience help to design the training.",
        S,
        set(),
    ),
    ("The RRN standards apply to this course. RRN means Restraint Reduction Network.", S, set()),
    (
        "The session is on Monday 8 February 2027 at Riverside House, and it runs from 10:00 "
        "until 12:30 with a break for tea at 11:15.",
        S,
        set(),
    ),
]

PROBLEMS_STANDARD: list[tuple[str, Audience, set[str]]] = [
    ("This could lead to paid work in the future.", S, {SPECULATIVE, TIME}),
    ("We promise to pay you within 14 days.", S, {PROMISE, AMOUNT}),
    ("You are guaranteed a place on the next panel.", S, {PROMISE}),
    ("We will definitely use your ideas in the new training.", S, {PROMISE}),
    ("We will make sure you feel comfortable the whole time.", S, {PROMISE}),
    ("Taking part will help you get a job in the NHS.", S, {PROMISE}),
    ("You will get a job at the end of the course.", S, {PROMISE}),
    ("The work will take a few hours.", S, {AMOUNT}),
    ("We will cover some expenses.", S, {AMOUNT}),
    ("There is a small fee for your time.", S, {AMOUNT}),
    ("The rate of pay is TBC.", S, {AMOUNT}),
    ("Dates and times: TBD.", S, {AMOUNT}),
    ("The location is to be confirmed.", S, {AMOUNT}),
    ("We offer a contribution towards your travel costs.", S, {AMOUNT}),
    ("You will be paid for your time.", S, {AMOUNT}),
    ("Reasonable expenses will be reimbursed.", S, {AMOUNT, HARD}),
    ("We will be in touch soon.", S, {TIME}),
    ("We will send you the dates at some point.", S, {TIME}),
    ("We plan to run the workshop in the near future.", S, {TIME}),
    ("The project starts later this year.", S, {TIME}),
    ("You will hear from us in a few weeks.", S, {TIME}),
    ("Please send your form back ASAP.", S, {TIME}),
    ("We will pay your invoice when we can.", S, {TIME}),
    ("Please contact the PALS team if you have any concerns.", S, {ACRONYM}),
    ("The session will follow the PBS framework.", S, {ACRONYM}),
    ("We will facilitate a discussion about restraint.", S, {HARD}),
    ("We will utilise your feedback in the redesign.", S, {HARD}),
    ("Remuneration is £25 an hour.", S, {HARD}),
    ("We will share the findings with all stakeholders.", S, {HARD}),
    ("Possibly there will be a second session in the spring.", S, {SPECULATIVE, TIME}),
    ("Your story may lead to changes in how the ward works.", S, {SPECULATIVE}),
    ("We hope to offer you more work next year.", S, {SPECULATIVE}),
    ("Your input could potentially shape the new policy.", S, {SPECULATIVE}),
    ("It is likely that the panel will meet monthly.", S, {SPECULATIVE}),
    ("You should be able to claim travel on the day.", S, {SPECULATIVE}),
    ("We will send the forms in due course.", S, {SPECULATIVE}),
    ("There might be a chance to help deliver the training.", S, {SPECULATIVE}),
    ("This role could lead to a permanent post.", S, {SPECULATIVE}),
    ("We guarantee that everyone will be heard.", S, {PROMISE}),
    ("I promise we will sort out your payment.", S, {PROMISE}),
    ("Your contribution will make a real difference to patients.", S, {PROMISE}),
    ("The workshop will take a couple of hours.", S, {AMOUNT}),
    ("We pay a small honorarium for each meeting.", S, {AMOUNT, HARD}),
    ("Expenses are paid at the usual rate.", S, {AMOUNT}),
    ("We will reply shortly.", S, {TIME}),
    ("We will confirm the venue as soon as possible.", S, {TIME}),
    ("We aim to pay expenses within a few weeks.", S, {SPECULATIVE, TIME}),
    ("The CQC will be visiting on the day.", S, {ACRONYM}),
    ("Please bring your DBS certificate.", S, {ACRONYM}),
    ("The project is funded by the ICB.", S, {ACRONYM}),
    ("Prior to the session, please read the attached papers.", S, {HARD}),
    ("The session will commence at 10:00.", S, {HARD}),
    ("We will endeavour to reply within 5 working days.", S, {HARD, SPECULATIVE}),
    ("There may be other opportunities for paid work.", S, {SPECULATIVE}),
    ("Maybe we can meet again.", S, {SPECULATIVE}),
    ("Perhaps you would like to share your story at the conference.", S, {SPECULATIVE}),
    ("You will be offered further work if this goes well.", S, {PROMISE}),
    ("Once you finish the training you will definitely get a paid role.", S, {PROMISE}),
    ("Rest assured, your feedback will be acted on.", S, {PROMISE}),
    ("We will ensure you are paid on time.", S, {PROMISE, AMOUNT}),
    ("A payment will be made after the session.", S, {AMOUNT}),
    ("You will receive a thank-you voucher.", S, {AMOUNT}),
    ("We offer a competitive hourly rate.", S, {AMOUNT}),
    ("Expenses will be paid as appropriate.", S, {AMOUNT}),
    ("We need you for several sessions over the spring.", S, {AMOUNT, TIME}),
    ("Travel costs will be covered up to a reasonable amount.", S, {AMOUNT}),
    ("Sessions will start in the new year.", S, {TIME}),
    ("We will be in touch in the coming weeks.", S, {TIME}),
    ("Payment usually arrives within a month or so.", S, {TIME}),
    ("It won't be long before we are in touch about dates.", S, {TIME}),
    ("We will get back to you with a decision eventually.", S, {TIME}),
    ("The next meeting will be arranged at a later date.", S, {TIME}),
    ("The final report will be ready sometime next year.", S, {TIME}),
    ("We will pay you.", S, {AMOUNT}),
    ("You will be paid.", S, {AMOUNT}),
    ("This is a paid role.", S, {AMOUNT}),
    ("You'll be paid on the day, in cash or by bank transfer.", S, {AMOUNT}),
    ("You will receive a voucher as a thank you.", S, {AMOUNT}),
    ("Please read the attached FAQ before the meeting.", S, {ACRONYM}),
    ("We follow NICE guidance on violence and aggression.", S, {ACRONYM}),
    ("The ward is part of the CAMHS service at Hillview.", S, {ACRONYM}),
    ("The OT will meet you at reception.", S, {ACRONYM}),
    ("The session will be facilitated by two trainers with lived experience.", S, {HARD}),
    ("Hopefully there will be more sessions next year.", S, {SPECULATIVE}),
    ("We would hope to see some changes on the ward as a result.", S, {SPECULATIVE}),
    ("This will potentially open doors for you.", S, {SPECULATIVE}),
    ("With any luck the funding will be approved.", S, {SPECULATIVE}),
    ("Fingers crossed, the board will agree to the changes.", S, {SPECULATIVE}),
    ("We will try to pay you within a fortnight.", S, {SPECULATIVE, AMOUNT}),
    ("We anticipate that the project will run for a year.", S, {SPECULATIVE}),
    ("Your travel will be reimbursed in a timely manner.", S, {TIME, HARD}),
    ("We will pay your expenses promptly.", S, {TIME}),
    ("In order to take part, please fill in the form.", S, {HARD}),
    ("We would like to ascertain your views on the new policy.", S, {HARD}),
    (
        "Please let us know your access requirements, and we will do our best to meet them.",
        S,
        {SPECULATIVE},
    ),
    ("We will definitely be in touch soon.", S, {PROMISE, TIME}),
    ("The role may well become permanent in due course.", S, {SPECULATIVE}),
    ("Expenses: some travel costs are covered.", S, {AMOUNT}),
    ("The pay is £25 an hour and the hours are TBC.", S, {AMOUNT}),
]

LONG_STANDARD: list[tuple[str, Audience, set[str]]] = [
    (
        "We are looking for people with lived experience of restraint or seclusion in "
        "inpatient mental health services to join a small group that meets on the first "
        "Tuesday of each month.",
        S,
        {LONG},
    ),
    (
        "If you would like to take part in the review of our restrictive practice policy, "
        "please complete the attached form and return it to the participation team, who will "
        "then contact you to arrange a time to talk through what is involved.",
        S,
        {LONG},
    ),
    (
        "The session is on Monday 8 February 2027 at Riverside House, and it runs from 10:00 "
        "until 12:30 with a break for tea and cake at 11:15.",
        S,
        {LONG},
    ),
    (
        "Following on from the successful pilot of the peer support programme across our three "
        "inpatient sites, the trust is now seeking expressions of interest from experts by "
        "experience who would be willing to contribute their time and insight.",
        S,
        {LONG},
    ),
    (
        "We hope that the people who join the group will help us to shape a better service for "
        "everyone who uses our wards, and that this will lead to paid work.",
        S,
        {LONG, SPECULATIVE},
    ),
]

EASY_READ: list[tuple[str, Audience, set[str]]] = [
    ("We will pay you £25 for each hour.", E, set()),
    ("You can say no.", E, set()),
    ("You can stop at any time.", E, set()),
    ("The meeting is on Tuesday 4 May.", E, set()),
    ("We will pay for your bus or taxi.", E, set()),
    ("You will be paid £25 an hour.", E, {PASSIVE}),
    ("The meeting will be held at Riverside House.", E, {PASSIVE}),
    ("Your words will be written in a report.", E, {PASSIVE}),
    ("We will book a BSL interpreter for you.", E, {ACRONYM}),
    ("We will book a British Sign Language (BSL) interpreter for you.", E, set()),
    ("We want to co-produce the training with you.", E, {HARD}),
    ("This is co-production, which means we work together as equals from the start.", E, set()),
    ("Hopefully we will have more meetings.", E, {SPECULATIVE}),
    ("We will tell you the date soon.", E, {TIME}),
    ("It will take a few hours.", E, {AMOUNT}),
    ("We will facilitate the meeting.", E, {HARD}),
    (
        "We would like you to come to a meeting at the hospital to talk about what helped you "
        "when you were on the ward.",
        E,
        {LONG},
    ),
    ("The meeting is in a room on the ground floor.", E, set()),
    ("Sam will meet you at the front door.", E, set()),
    ("You can bring a friend or a supporter.", E, set()),
    ("You will get the money in your bank in 14 days.", E, set()),
    ("The training will be evaluated by the team.", E, {PASSIVE, HARD}),
    ("We are interested in what you think.", E, set()),
    ("Your travel is paid before the day.", E, {PASSIVE}),
    ("We will pay for your travel before the day.", E, set()),
    ("Please tell us if you are worried.", E, set()),
    ("You were asked to share your story.", E, {PASSIVE}),
    ("Lunch is provided.", E, {PASSIVE}),
    ("We will give you lunch.", E, set()),
    ("The NHS wants to hear from you.", E, set()),
    ("Call Priya on 0113 496 0000 if you have a question.", E, set()),
    ("We will send you a letter in easy read.", E, set()),
    ("We might ask you to come back.", E, {SPECULATIVE}),
    ("You will definitely enjoy it.", E, {PROMISE}),
    ("It's OK to say no.", E, set()),
    ("The pay is TBC.", E, {AMOUNT}),
    ("Your GP will not be told.", E, {PASSIVE}),
    (
        "We will meet in the big room at Riverside House on Tuesday 4 May at 10 o'clock.",
        E,
        {LONG},
    ),
    ("We will pay you £25 for each hour that you spend at the meeting.", E, set()),
    ("Your feedback will be shared with the board.", E, {PASSIVE}),
    ("We value co-production and want you to be part of it.", E, {HARD}),
    ("We will do the meeting on a video call.", E, set()),
    ("You will need a phone, a tablet or a computer.", E, set()),
    ("Your name will not be used in the report.", E, {PASSIVE}),
    ("We will not use your name in the report.", E, set()),
    ("You can have a break when you want.", E, set()),
    ("Sam will phone you after the meeting to see how you are.", E, set()),
    ("We will pay you.", E, {AMOUNT}),
    ("The training is about keeping people safe without restraint.", E, set()),
    ("We want to hear about your experience of seclusion.", E, set()),
    ("We will remunerate you for your time.", E, {HARD, AMOUNT}),
    ("The meeting might be online.", E, {SPECULATIVE}),
    ("You will be asked some questions.", E, {PASSIVE}),
    ("We will ask you some questions.", E, set()),
    ("Tell us if you need help to read this.", E, set()),
    ("We will help you get to the meeting.", E, set()),
    ("The room has a quiet corner if you need a rest.", E, set()),
    ("We will give you the money for your taxi before the day.", E, set()),
    ("The meeting will start in the near future.", E, {TIME}),
    ("We need to know your access requirements.", E, {HARD}),
    ("Your answers are confidential.", E, {HARD}),
    ("Your answers are private.", E, set()),
    ("The meeting was cancelled.", E, {PASSIVE}),
    ("We cancelled the meeting.", E, set()),
    ("We are going to use your ideas in the training.", E, set()),
    ("You are allowed to stop at any time.", E, {PASSIVE}),
]

PASSAGES: list[tuple[str, Audience, set[str]]] = [
    (
        "We would like you to join our panel. The panel meets once a month on a Tuesday. "
        "Each meeting is two hours long. We pay £25 an hour. We pay your bus or train fare "
        "before the day. You can stop at any time. It is OK to say no.",
        S,
        set(),
    ),
    (
        "Our governance arrangements require comprehensive documentation of participatory "
        "activities. Individual contributions are systematically anonymised before "
        "institutional dissemination. Consequently, identifiable information remains "
        "confidential throughout organisational reporting. Evaluation methodologies "
        "incorporate qualitative thematic analysis alongside quantitative performance "
        "indicators. Participants' involvement contributes to continuous quality improvement "
        "initiatives.",
        S,
        {EASE},
    ),
    (
        "Thank you for your interest in joining our patient safety panel. The panel looks at "
        "incidents where restraint was used and asks what staff could have done differently. "
        "We meet on the second Thursday of each month from 10:00 to 12:00. We pay £25 an hour "
        "and your travel costs.",
        S,
        set(),
    ),
    (
        "We want to make our ward a better place. We want to hear from you. You can tell us "
        "what helped you. You can tell us what did not help. We will pay you £25 for each "
        "hour. You can stop at any time. It is OK to say no.",
        E,
        set(),
    ),
    (
        "Our hospital wants to improve the training for ward staff. We are looking for people "
        "who have lived through restraint. Together we will create practical activities for "
        "the course. The course teaches alternatives to restraint. We understand that "
        "remembering difficult experiences is painful. You decide what information you share "
        "with us.",
        E,
        {EASE},
    ),
    # Hard words, but under 40 words: too short for reading ease to mean anything.
    (
        "Individual experiences provide invaluable understanding for organisational "
        "development. Participants contribute perspectives regarding therapeutic relationships. "
        "Facilitators encourage respectful conversations throughout every workshop activity.",
        S,
        set(),
    ),
]

# Written after the checker's first version and measured on it once, unseen, before any
# change: precision 0.903, recall 0.757 (80 entries). The checker was then generalised for
# the kinds of sentence it missed; the labels were not changed.
HELD_OUT: list[tuple[str, Audience, set[str]]] = [
    ("Thanks again for coming to the ward community meeting on Thursday.", S, set()),
    (
        "We'd love you to be involved in the next phase, which could well turn into a longer-term "
        "role.",
        S,
        {SPECULATIVE},
    ),
    (
        "The fee for the day is £120, and we will pay it within 14 days of receiving your claim "
        "form.",
        S,
        set(),
    ),
    ("Travel expenses will be paid at cost, up to £50.", S, {AMOUNT}),
    ("There will be some reading to do before each session.", S, {AMOUNT}),
    (
        "We're not able to pay for this piece of work, so please only take part if you want to.",
        S,
        set(),
    ),
    ("We will definitely pay your travel before the day.", S, {PROMISE}),
    ("Payment is £30 per hour via the trust's payroll.", S, set()),
    (
        "We can't guarantee that your suggestions will all be adopted, but we will tell you which "
        "ones are.",
        S,
        set(),
    ),
    ("The Positive Behaviour Support (PBS) team will join us for the second half.", S, set()),
    ("Please get in touch with the MDT if you have any questions.", S, {ACRONYM}),
    ("We'll let you know about the next steps in due course.", S, {SPECULATIVE}),
    ("The interview panel will include two experts by experience and the ward manager.", S, set()),
    ("We're hoping to make this a regular thing.", S, {SPECULATIVE}),
    ("It is hoped that the new policy will reduce the use of prone restraint.", S, {SPECULATIVE}),
    ("The workshop runs for a couple of hours on a weekday afternoon.", S, {AMOUNT, TIME}),
    ("You'll receive payment within 30 days of the invoice date.", S, {AMOUNT}),
    ("We pay a flat rate of £100 per half day.", S, set()),
    ("Please don't feel under any pressure to say yes.", S, set()),
    ("We will make every effort to accommodate your needs.", S, {SPECULATIVE}),
    ("The post is fixed term for 12 months, with a review after 6 months.", S, set()),
    ("This is an exciting opportunity that will open doors for your future career.", S, {PROMISE}),
    ("The job pays £24,500 a year pro rata.", S, {HARD}),
    ("We'll be in touch shortly to arrange an induction.", S, {TIME}),
    ("Refreshments will be provided throughout the day.", S, set()),
    ("Please ensure you bring your bank details on the day.", S, set()),
    ("I promise that your name will not appear anywhere.", S, {PROMISE}),
    (
        "Our aim is to co-produce every stage of the project with people who use our services.",
        S,
        set(),
    ),
    ("We will reimburse any costs you have, such as parking, on the day.", S, {HARD}),
    ("The Learning Disability and Autism (LDA) programme funds this work.", S, set()),
    ("We are working with the ICS on this.", S, {ACRONYM}),
    ("We have a budget of £2,000 for the whole group, shared equally.", S, set()),
    ("Expenses are covered.", S, set()),
    ("It would be great to see you at the conference in March.", S, set()),
    ("We may be able to offer more sessions depending on funding.", S, {SPECULATIVE}),
    ("Funding permitting, the project will continue next year.", S, {SPECULATIVE}),
    ("There's every chance this will become a permanent role.", S, {SPECULATIVE}),
    ("Please complete the EDI monitoring form.", S, {ACRONYM}),
    ("You will be paid the London Living Wage for each hour you work.", S, {AMOUNT}),
    ("We will confirm the dates by 1 December 2026.", S, set()),
    ("The training will be delivered in the spring term.", S, {TIME}),
    ("The successful candidate will be notified in writing.", S, set()),
    ("You'll be working alongside our peer support workers.", S, set()),
    ("Don't worry if you can't make every meeting.", S, set()),
    ("Our apologies that the payment was late last month.", S, set()),
    ("Lots of people have found this work rewarding.", S, set()),
    ("This will definitely not affect your benefits.", S, {PROMISE}),
    (
        "Being paid may affect your benefits, so please speak to a benefits adviser before you "
        "say yes.",
        S,
        set(),
    ),
    (
        "If the session is cancelled, we will still pay you for the time you had booked.",
        S,
        {AMOUNT},
    ),
    ("Sessions are usually on a Monday.", S, {TIME}),
    ("You may want to bring a snack.", S, set()),
    ("The RRN standards were updated recently.", S, {ACRONYM}),
    ("We will work with you to agree reasonable adjustments before the first session.", S, set()),
    ("We look forward to hearing from you.", S, set()),
    (
        "This opportunity is open to anyone aged 18 or over with experience of mental health "
        "services.",
        S,
        set(),
    ),
    ("Please note that places are limited.", S, set()),
    ("The closing date for applications is midday on 10 January 2027.", S, set()),
    ("We hope you enjoyed the session.", S, set()),
    ("We really hope you'll consider applying.", S, {SPECULATIVE}),
    ("We will pay you £20 for each meeting.", E, set()),
    ("The meeting is at 2 o'clock.", E, set()),
    ("You will be given a taxi.", E, {PASSIVE}),
    ("We will send a taxi for you.", E, set()),
    ("Your story is important to us.", E, set()),
    ("We will ask you what you think about the new rules.", E, set()),
    (
        "Some people with learning disabilities will come to the meeting and talk about their "
        "experiences of being restrained in hospital.",
        E,
        {LONG, PASSIVE},
    ),
    ("Please fill in the form and send it back to us by 5 January.", E, set()),
    ("The form must be sent back by 5 January.", E, {PASSIVE}),
    ("We hope to see you there.", E, set()),
    ("We will have a meeting about CQC.", E, {ACRONYM}),
    ("The money will be in your bank soon.", E, {TIME}),
    ("We will pay for a support worker to come with you.", E, set()),
    ("You can ask for an easy read copy.", E, set()),
    ("We will try to find a room with a lift.", E, {SPECULATIVE}),
    ("Your safety is our priority.", E, set()),
    ("We will check how the training went.", E, set()),
    ("The project will be evaluated next year.", E, {PASSIVE, HARD}),
    ("You might feel upset when you talk about restraint.", E, set()),
    ("We will pay your bus fare on the day.", E, set()),
    ("Your answers will be kept private.", E, {PASSIVE}),
]

# A second round, written and measured unseen on the generalised checker: precision 1.000,
# recall 0.516 (52 entries). Pattern lists miss phrasings nobody thought of; the checker
# was generalised again for the kinds of sentence it missed, and the labels kept.
HELD_OUT_2: list[tuple[str, Audience, set[str]]] = [
    ("Hi Dan, thanks for your email about the recovery college course.", S, set()),
    ("We would be delighted if you could join the steering group.", S, set()),
    ("The steering group meets quarterly, dates to follow.", S, {TIME}),
    ("We'll cover your parking and mileage at 45p a mile.", S, set()),
    ("Your expenses will be reimbursed within 14 days of us receiving your receipts.", S, {HARD}),
    ("The honorarium for each panel is £60.", S, {HARD}),
    ("This is a great chance to get your foot in the door with the trust.", S, {PROMISE}),
    ("Please could you confirm by return whether you can attend.", S, {TIME}),
    ("We are unable to pay for childcare on this occasion.", S, set()),
    ("The focus group will last approximately two hours.", S, {HARD}),
    ("We will pay your taxi fare both ways, booked by us in advance.", S, set()),
    ("We are confident that this project will change the culture on our wards.", S, {PROMISE}),
    ("You will be part of a team that is going to transform mental health care.", S, {PROMISE}),
    ("Places will be allocated on a first come, first served basis.", S, set()),
    ("The HCA on duty will show you to the meeting room.", S, {ACRONYM}),
    ("The Mental Health Act Code of Practice will be discussed.", S, set()),
    ("If you would like to bring someone with you, please let us know by 1 March 2027.", S, set()),
    ("We should have more news about funding in a month or two.", S, {SPECULATIVE, TIME}),
    ("There could be further sessions depending on the feedback.", S, {SPECULATIVE}),
    ("The training day is free and lunch is on us.", S, set()),
    ("Your feedback is really valuable and will definitely shape the final report.", S, {PROMISE}),
    ("Please complete the expenses claim form and send it to finance.", S, set()),
    ("We'll sort out payment at some stage after the event.", S, {TIME, AMOUNT}),
    (
        "It is anticipated that the final report will be published in the autumn.",
        S,
        {SPECULATIVE, TIME},
    ),
    ("Our participation lead, Maya Ortiz, will be your named contact.", S, set()),
    ("There will be a small number of tasks to complete between sessions.", S, {AMOUNT}),
    ("We can offer a modest payment for your time.", S, {AMOUNT}),
    ("The commissioning team at the ICB would like to hear your views.", S, {ACRONYM}),
    ("You can choose to be paid by bank transfer or in vouchers.", S, {AMOUNT}),
    ("We pay £18 an hour for preparation time as well as the session itself.", S, set()),
    ("We will probably need you for three sessions.", S, {SPECULATIVE}),
    ("We're aiming to finish the project by the summer.", S, {SPECULATIVE, TIME}),
    ("We will write to you on 14 April 2027 with the outcome.", S, set()),
    ("The interview will be recorded so that we can write up what you said accurately.", S, set()),
    ("You have the right to withdraw at any point without giving a reason.", S, set()),
    (
        "We don't yet have a date for the second workshop, and we will tell you by 31 January.",
        S,
        set(),
    ),
    ("Please be aware that some of the content may be upsetting.", S, set()),
    ("The meeting has been moved to Thursday 9 September at 14:00.", S, set()),
    ("We will pay you £20.", E, set()),
    ("You will get £20 for each hour.", E, set()),
    ("We will meet soon to talk about it.", E, {TIME}),
    ("Your ideas will be listened to.", E, {PASSIVE}),
    ("We will listen to your ideas.", E, set()),
    ("The new rules will be made by the hospital.", E, {PASSIVE}),
    ("We want to know what you think about the ward.", E, set()),
    ("The meeting will probably be in the library.", E, {SPECULATIVE}),
    ("We will help you fill in the expenses form.", E, set()),
    ("You can tell us if something is wrong.", E, set()),
    ("The DBS form is in the envelope.", E, {ACRONYM}),
    ("Your taxi will be booked for you.", E, {PASSIVE}),
    ("We will book your taxi.", E, set()),
    (
        "We will talk about restrictive practices and how to reduce them on the wards in our "
        "hospital.",
        E,
        {LONG, HARD},
    ),
]

# From issue 15: the sentence that was sent with one tick, and the words the checker missed.
ISSUE_15: list[tuple[str, Audience, set[str]]] = [
    (
        "We may be able to pay you something later, and there might be more work soon.",
        S,
        {SPECULATIVE, AMOUNT, TIME},
    ),
    ("We will reimburse your parking on the day.", S, {HARD}),
    ("We will pay you back for your parking on the day.", S, set()),
    ("You will be paid back for the parking ticket on the day.", S, set()),
    ("Subsistence is available for full-day sessions: £8 a day.", S, {HARD}),
    ("We pay £8 a day for food and drink on full-day sessions.", S, set()),
    ("A per diem of £25 is paid for the residential weekend.", S, {HARD}),
    ("You will join the co-design workstream.", S, {HARD}),
    ("Work streams will be agreed at the first meeting.", S, {HARD}),
    ("You will join the group that designs the course.", S, set()),
    ("We pay travel up to £50 a day.", S, {AMOUNT}),
    ("Your taxi will be paid up to a maximum of £40.", S, {AMOUNT}),
    ("No more than £20 can be claimed for lunch.", S, {AMOUNT}),
    ("We pay the full cost of your train ticket, and you will get £50 for the day.", S, set()),
    ("Up to 12 people can join each workshop.", S, set()),
    ("Please send your claim no later than 31 March 2027.", S, set()),
    ("The money reaches your bank 3 days later.", S, set()),
    ("We will tell you the dates later.", S, {TIME}),
    ("Later in this letter you will find a map.", S, set()),
    ("We will pay you something for your time.", S, {AMOUNT}),
    ("The fee is £50. We will pay it later on.", S, {TIME}),
    ("We will pay you back for your bus ticket.", E, set()),
    ("We will pay you back up to £10.", E, {AMOUNT}),
]

CORPUS: list[tuple[str, Audience, set[str]]] = [
    *CLEAR_STANDARD,
    *PROBLEMS_STANDARD,
    *LONG_STANDARD,
    *EASY_READ,
    *PASSAGES,
    *HELD_OUT,
    *HELD_OUT_2,
    *ISSUE_15,
]
