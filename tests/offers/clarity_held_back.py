"""A held-back sample for the clarity checker: sentences of the kind coordinators write in
offers of work, labelled, and kept apart from the corpus the patterns are written from
(clarity_corpus.py).

Rules for this file:

- It is never used to write or tune a pattern. When the checker misses one of these
  sentences, the fix is made from sentences written for clarity_corpus.py, and this
  sample is measured again unchanged: otherwise its figures stop saying anything about
  sentences nobody has seen yet.
- A label says what a careful reader would flag, following the decisions at the top of
  clarity_corpus.py and the rules decided since: an amount given as an upper bound
  ("up to £8") is a vague amount; "reimburse", "subsistence", "per diem" and "workstream"
  are hard words.
- Labels are not changed to match the checker. A label found to be wrong is corrected
  with a note saying why.

Written before the rules on upper bounds and the four hard words were added, and measured
once then, on the checker as it was: for the rules that block sending (speculative,
promise, vague amount, vague time) precision 0.846 and recall 0.667 (22 of 33 found, 4
found where none was meant); hard words recall 0.000 (0 of 4).
"""

from __future__ import annotations

from powerwith.offers.clarity import Audience

S: Audience = "standard"
E: Audience = "easy_read"

SPECULATIVE = "speculative"
PROMISE = "promise"
AMOUNT = "vague_amount"
TIME = "vague_time"
HARD = "hard_word"

HELD_BACK: list[tuple[str, Audience, set[str]]] = [
    # Speculation.
    ("If the pilot goes well, there may be further sessions for you to join.", S, {SPECULATIVE}),
    ("Hopefully this will be the first of many projects we do together.", S, {SPECULATIVE}),
    (
        "We are looking into whether we can offer you a paid place on the panel.",
        S,
        {SPECULATIVE},
    ),
    ("All being well, this could become a regular paid role.", S, {SPECULATIVE}),
    ("It's likely that the board will want to hear from you directly.", S, {SPECULATIVE}),
    ("We may well ask you back to help with the next version of the course.", S, {SPECULATIVE}),
    ("Assuming the funding comes through, we'll book the sessions for you.", S, {SPECULATIVE}),
    ("We might be able to cover a taxi if the bus is difficult for you.", S, {SPECULATIVE}),
    ("Possibly there will be a second round of interviews.", S, {SPECULATIVE}),
    ("We would expect the group to carry on meeting after the project ends.", S, {SPECULATIVE}),
    # Promises.
    ("This is guaranteed to lead to paid work with the trust.", S, {PROMISE}),
    (
        "We will make sure you get the next vacancy on the lived experience team.",
        S,
        {PROMISE},
    ),
    ("Taking part is a great way to get your foot in the door.", S, {PROMISE}),
    ("Once you finish the training you will be offered a permanent contract.", S, {PROMISE}),
    ("I can assure you this project will change how the wards work.", S, {PROMISE}),
    ("Your story will definitely make a difference to staff.", S, {PROMISE}),
    # Vague amounts.
    ("We will cover your lunch, up to £8 a day.", S, {AMOUNT}),
    ("Parking is refunded up to £10 per visit.", S, {AMOUNT}),
    ("You will be paid for your time at our standard rate.", S, {AMOUNT}),
    ("A modest thank-you payment is available for everyone who takes part.", S, {AMOUNT}),
    ("There will be some preparation to do before each meeting.", S, {AMOUNT}),
    ("The rate for the day is still to be confirmed.", S, {AMOUNT}),
    ("Travel costs will be paid as agreed.", S, {AMOUNT}),
    # Vague times.
    ("We will send you the papers nearer the time.", S, {TIME}),
    ("We'll get back to you in a week or two about the dates.", S, {TIME}),
    ("The follow-up meeting will be in the summer.", S, {TIME}),
    ("Your payment should reach you shortly after the session.", S, {SPECULATIVE, TIME}),
    ("The final event will take place towards the end of the year.", S, {TIME}),
    # Hard words.
    ("We will reimburse your bus fare on the day.", S, {HARD}),
    ("Subsistence of £7 is paid for sessions over four hours.", S, {HARD}),
    ("A per diem of £30 covers your meals when you stay overnight.", S, {HARD}),
    ("You will join the training workstream, which meets on Tuesdays.", S, {HARD}),
    # Clear: plain, certain, and honest about what is not known.
    ("We pay £15 an hour, with travel paid at cost on the day.", S, set()),
    ("The fee is £90 for the half day, paid by bank transfer within 10 days.", S, set()),
    ("Each interview panel lasts two hours, and we pay £50 for each one.", S, set()),
    (
        "We can't promise more work after March, and we will tell you by 1 March if there is any.",
        S,
        set(),
    ),
    ("There is no guarantee that the course will run again.", S, set()),
    ("You may find some of the case studies hard to read.", S, set()),
    ("You may bring a supporter with you to every session.", S, set()),
    ("We will pay you back for your train ticket on the day you travel.", S, set()),
    ("We pay £7 for food and drink when a session lasts over four hours.", S, set()),
    ("Please tell us by 12 February 2027 if you need a support worker with you.", S, set()),
    ("The workshop is on Monday 15 March 2027, 10am to 1pm, at Riverside House.", S, set()),
    ("We do not know yet if the project will continue; we will tell you by 30 April.", S, set()),
    ("Up to six people will sit on the panel.", S, set()),
    ("Your contact person, Priya, will phone you the day after each session.", S, set()),
    ("Lunch is provided, and we will ask about what you can eat beforehand.", S, set()),
    # Easy read.
    ("We might ask you to come back.", E, {SPECULATIVE}),
    ("You will get a job with us after this.", E, {PROMISE}),
    ("We will pay for your lunch up to £8.", E, {AMOUNT}),
    ("We will tell you the date later.", E, {TIME}),
    ("We will pay you back for the bus.", E, set()),
    ("The meeting is on 4 March at 10am.", E, set()),
    ("We will pay you £20 for each meeting.", E, set()),
]
