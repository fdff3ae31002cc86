"""Word lists for the demo data. Every name, town and story here is made up.

Kept apart from the generator in ``powerwith.demo`` so that it reads as data. The order
of every list matters: the generator picks from them with a fixed seed, so reordering or
editing a list changes who is who in the demo.
"""

from __future__ import annotations

from dataclasses import dataclass

# Given names from many of the communities a UK health and care service works with.
FIRST_NAMES: tuple[str, ...] = (
    "Aaliyah", "Abdul", "Ada", "Adebayo", "Aisha", "Alex", "Alfie", "Amara", "Amir", "Ana",
    "Andrzej", "Anjali", "Ayesha", "Bartek", "Bethan", "Bilal", "Bronwen", "Callum", "Carys",
    "Chidi", "Chloe", "Ciaran", "Darius", "Deepa", "Dylan", "Eilidh", "Elif", "Ellie", "Emeka",
    "Eun-ji", "Fatima", "Femi", "Finley", "Gareth", "Grace", "Gurpreet", "Hamza", "Hannah",
    "Harpreet", "Hassan", "Ifeoma", "Imogen", "Isla", "Jamal", "Jas", "Jia", "Jordan", "Joseph",
    "Kai", "Kamala", "Karim", "Kasia", "Kemi", "Kwame", "Layla", "Leon", "Lorna", "Lucia",
    "Maeve", "Malik", "Marcus", "Mariam", "Marta", "Mei", "Mohammed", "Morgan", "Nadia", "Naveed",
    "Niamh", "Nkechi", "Noah", "Olu", "Oisín", "Omar", "Patrice", "Pooja", "Priya", "Rafael",
    "Rhys", "Riley", "Rohan", "Rosa", "Ruth", "Sadia", "Sam", "Samira", "Sandeep", "Seán",
    "Shabnam", "Siân", "Sipho", "Sofia", "Stan", "Sunita", "Tariq", "Thandi", "Theo", "Tomasz",
    "Uzma", "Val", "Vikram", "Wen", "Yasmin", "Yusuf", "Zainab", "Zeynep", "Zoë", "Bernadette",
    "Colin", "Dorothy", "Errol", "Gloria", "Jean", "Keith", "Margaret", "Norma", "Winston",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Adeyemi", "Ahmed", "Akhtar", "Ali", "Anderson", "Asante", "Bailey", "Begum", "Bennett",
    "Bhatt", "Boateng", "Brown", "Campbell", "Chaudhry", "Chen", "Clarke", "Collins", "Cooper",
    "Davies", "Demir", "Dhillon", "Doherty", "Edwards", "Evans", "Fernandes", "Fraser", "Gill",
    "Gordon", "Green", "Gupta", "Hall", "Haque", "Harris", "Hughes", "Hussain", "Ibrahim",
    "Iqbal", "Jackson", "James", "Jones", "Kaur", "Kelly", "Khan", "Kim", "Kowalski", "Kumar",
    "Lewis", "Li", "Lloyd", "Lopes", "MacDonald", "Mahmood", "Malik", "Mensah", "Mistry",
    "Morgan", "Murphy", "Nguyen", "Nowak", "Nwosu", "O'Brien", "Obi", "Okafor", "Okonkwo",
    "Osei", "Owusu", "Patel", "Phillips", "Price", "Quinn", "Rahman", "Reid", "Roberts",
    "Robinson", "Rossi", "Santos", "Shah", "Sharma", "Silva", "Singh", "Smith", "Sokolova",
    "Stewart", "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Wang", "Ward", "Watson",
    "White", "Williams", "Wilson", "Wiśniewska", "Wood", "Wright", "Yilmaz", "Young", "Zhang",
)  # fmt: skip

TOWNS: tuple[str, ...] = (
    "Barnsley", "Bath", "Bedford", "Birkenhead", "Blackburn", "Bolton", "Bradford", "Bridgend",
    "Burnley", "Cambridge", "Carlisle", "Chelmsford", "Colchester", "Coventry", "Crawley",
    "Darlington", "Derby", "Doncaster", "Dudley", "Dundee", "Exeter", "Gateshead", "Gloucester",
    "Grimsby", "Halifax", "Harrogate", "Hastings", "Huddersfield", "Hull", "Ipswich",
    "Kendal", "Kidderminster", "Leicester", "Lincoln", "Luton", "Maidstone", "Mansfield",
    "Middlesbrough", "Milton Keynes", "Newport", "Northampton", "Norwich", "Nottingham",
    "Oldham", "Oxford", "Peterborough", "Plymouth", "Preston", "Reading", "Rochdale",
    "Rotherham", "Salford", "Scarborough", "Sheffield", "Slough", "Southampton", "Stockport",
    "Stoke-on-Trent", "Sunderland", "Swansea", "Swindon", "Telford", "Wakefield", "Walsall",
    "Warrington", "Wigan", "Wolverhampton", "Worcester", "Wrexham", "York",
)  # fmt: skip

# Weighted so that most people state pronouns and some leave the field blank.
PRONOUNS: tuple[str, ...] = ("she/her", "he/him", "they/them", "")
PRONOUN_WEIGHTS: tuple[int, ...] = (40, 36, 9, 15)

# What someone might say first about their lived experience, in their own voice.
EXPERIENCES: tuple[str, ...] = (
    "I have used community mental health services for most of my adult life.",
    "I was detained under the Mental Health Act in my twenties and have been well for some "
    "years now.",
    "I have a learning disability and I live in supported housing with a friend.",
    "I am autistic and was diagnosed when I was thirty-four.",
    "My son was restrained many times in an assessment and treatment unit, and I have "
    "pushed for change ever since.",
    "I care for my mum, who has dementia.",
    "I have lived with bipolar disorder for twenty years.",
    "I am a family carer for my brother, who has a learning disability and is autistic.",
    "I spent time on an eating disorder ward as a teenager.",
    "I used the perinatal mental health service after my daughter was born.",
    "I am in recovery from alcohol dependency and peer support groups helped me most.",
    "I am Deaf and use BSL, and I have had to ask again and again for interpreters.",
    "I hear voices and have learned, with good support, to live alongside them.",
    "My daughter is autistic and spent two years in a hospital far from home.",
    "I live with a long-term health condition and anxiety, and talking therapy helped me.",
    "I was a young carer for my dad and I still help to look after him.",
    "I have been homeless and have used crisis services more than once.",
    "I have ADHD and depression and have been supported by the crisis team.",
    "I use a wheelchair and have cerebral palsy.",
    "I lived in a long-stay hospital before I moved into my own flat.",
    "I have had psychosis and spent time on an acute ward.",
    "My partner has early-onset dementia and I am his main carer.",
    "I have epilepsy and a mild learning disability.",
    "I have been through the criminal justice system and the mental health services in it.",
)

# What they want to bring, or how they like to work.
CONTRIBUTIONS: tuple[str, ...] = (
    "I want services to listen to families much earlier.",
    "I am interested in staff training and interview panels.",
    "I like reading documents and saying what is not clear.",
    "I would like to help make information easy to read.",
    "I prefer small groups and getting the papers a few days before.",
    "I enjoy helping to plan training, and telling my story when it helps.",
    "I would like to sit on recruitment panels.",
    "I am happy to review leaflets and websites.",
    "I want to make sure nobody else goes through what I did.",
    "I like to meet online, and mornings are best for me.",
    "I bring a calm voice and like to make sure everyone is heard.",
    "I am keen to help with quality checks and visits.",
    "I need a quiet room and breaks, and then I do my best work.",
    "I like to bring my support worker with me to meetings.",
    "I want to help shape how the crisis line answers people.",
    "I am good at spotting jargon.",
)

# The staff logins at each demo organisation, by role.
STAFF_NAMES: dict[str, dict[str, str]] = {
    "riverside": {
        "admin": "Grace Adeyemi",
        "coordinator": "Tomasz Nowak",
        "contact": "Hannah Clarke",
        "auditor": "Imran Siddiqui",
    },
    "hillview": {
        "admin": "Fiona MacLeod",
        "coordinator": "Daniel Osei",
        "contact": "Mei Chen",
        "auditor": "Robert Hughes",
    },
}


@dataclass(frozen=True)
class Background:
    """What a story in EXPERIENCES suggests: the schedule items (the story's core first,
    then less and less likely), settings and types of restrictive intervention such a
    person is most likely to have, and the formats they may need. Family carers' stories
    suggest indirect experience."""

    items: tuple[str, ...]
    settings: tuple[str, ...]
    interventions: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()


# One for each story in EXPERIENCES, in the same order.
BACKGROUNDS: tuple[Background, ...] = (
    Background(  # community mental health services
        ("direct.diagnosis", "direct.crisis", "direct.treatment", "direct.status",
         "direct.discrimination"),
        ("mental_health", "community"),
    ),
    Background(  # detained under the Mental Health Act
        ("direct.restrictive_interventions", "direct.status", "direct.mh_tribunal",
         "direct.trauma", "direct.treatment"),
        ("mental_health", "secure_forensic"),
        ("physical_restraint", "chemical_restraint", "seclusion", "enhanced_observation"),
    ),
    Background(  # learning disability, supported housing
        ("direct.diagnosis", "direct.restrictive_interventions", "direct.status",
         "direct.discrimination"),
        ("learning_disability", "residential_care", "day_services"),
        ("physical_restraint", "chemical_restraint"),
        ("easy_read", "supporter"),
    ),
    Background(  # autistic, diagnosed at thirty-four
        ("direct.diagnosis", "direct.crisis", "direct.discrimination",
         "direct.restrictive_interventions", "direct.trauma"),
        ("autism", "mental_health"),
        ("physical_restraint", "seclusion"),
    ),
    Background(  # a son restrained in an assessment and treatment unit
        ("indirect.adverse_incidents", "indirect.restraint_on_family_member",
         "indirect.behaviours_of_concern", "indirect.supervising_carers",
         "indirect.support_strategies"),
        ("learning_disability", "autism", "secure_forensic"),
        ("physical_restraint", "prone_restraint", "seclusion", "long_term_segregation"),
    ),
    Background(  # caring for a mum with dementia
        ("indirect.behaviours_of_concern", "indirect.supervising_carers",
         "indirect.carer_training", "indirect.adverse_incidents"),
        ("dementia", "residential_care", "acute_hospital"),
        ("chemical_restraint", "physical_restraint", "enhanced_observation"),
    ),
    Background(  # bipolar disorder
        ("direct.diagnosis", "direct.crisis", "direct.treatment", "direct.status",
         "direct.restrictive_interventions"),
        ("mental_health", "acute_hospital"),
        ("chemical_restraint", "physical_restraint"),
    ),
    Background(  # caring for a brother with a learning disability who is autistic
        ("indirect.behaviours_of_concern", "indirect.restraint_on_family_member",
         "indirect.support_strategies", "indirect.carer_training"),
        ("learning_disability", "autism", "day_services"),
        ("physical_restraint", "mechanical_restraint"),
    ),
    Background(  # an eating disorder ward as a teenager
        ("direct.restrictive_interventions", "direct.diagnosis", "direct.treatment",
         "direct.trauma", "direct.status"),
        ("children_young_people", "mental_health"),
        ("physical_restraint", "enhanced_observation", "chemical_restraint"),
    ),
    Background(  # perinatal mental health
        ("direct.crisis", "direct.treatment", "direct.diagnosis"),
        ("mental_health", "acute_hospital", "community"),
    ),
    Background(  # recovery from alcohol dependency
        ("direct.crisis", "direct.treatment", "direct.discrimination", "direct.label_or_risk"),
        ("community", "mental_health"),
    ),
    Background(  # Deaf, uses BSL
        ("direct.discrimination", "direct.negligence", "direct.status"),
        ("acute_hospital", "community"),
        formats=("bsl",),
    ),
    Background(  # hears voices
        ("direct.diagnosis", "direct.restrictive_interventions", "direct.label_or_risk",
         "direct.mh_tribunal", "direct.treatment"),
        ("mental_health", "community"),
        ("seclusion", "chemical_restraint", "physical_restraint"),
    ),
    Background(  # a daughter in hospital far from home
        ("indirect.adverse_incidents", "indirect.restraint_on_family_member",
         "indirect.behaviours_of_concern", "indirect.carer_training"),
        ("autism", "children_young_people", "secure_forensic"),
        ("long_term_segregation", "seclusion", "prone_restraint", "physical_restraint"),
    ),
    Background(  # a long-term health condition and anxiety
        ("direct.diagnosis", "direct.treatment", "direct.crisis"),
        ("acute_hospital", "community", "mental_health"),
    ),
    Background(  # a young carer for their dad
        ("indirect.behaviours_of_concern", "indirect.support_strategies",
         "indirect.supervising_carers"),
        ("community", "mental_health", "children_young_people"),
    ),
    Background(  # homeless, crisis services
        ("direct.crisis", "direct.status", "direct.discrimination", "direct.trauma",
         "direct.negligence"),
        ("community", "mental_health", "prison_justice"),
    ),
    Background(  # ADHD and depression, the crisis team
        ("direct.crisis", "direct.diagnosis", "direct.treatment",
         "direct.restrictive_interventions"),
        ("mental_health", "community"),
        ("enhanced_observation", "chemical_restraint"),
    ),
    Background(  # cerebral palsy, uses a wheelchair
        ("direct.discrimination", "direct.diagnosis", "direct.negligence", "direct.status"),
        ("acute_hospital", "day_services", "residential_care"),
        formats=("audio", "large_print"),
    ),
    Background(  # a long-stay hospital, now their own flat
        ("direct.restrictive_interventions", "direct.status", "direct.negligence",
         "direct.trauma", "direct.diagnosis"),
        ("learning_disability", "residential_care", "secure_forensic"),
        ("mechanical_restraint", "seclusion", "physical_restraint", "long_term_segregation"),
        ("easy_read",),
    ),
    Background(  # psychosis, an acute ward
        ("direct.restrictive_interventions", "direct.crisis", "direct.status",
         "direct.treatment", "direct.mh_tribunal"),
        ("mental_health", "acute_hospital"),
        ("chemical_restraint", "prone_restraint", "seclusion", "physical_restraint"),
    ),
    Background(  # caring for a partner with early-onset dementia
        ("indirect.behaviours_of_concern", "indirect.adverse_incidents",
         "indirect.supervising_carers"),
        ("dementia", "acute_hospital", "residential_care"),
        ("chemical_restraint", "enhanced_observation"),
    ),
    Background(  # epilepsy and a mild learning disability
        ("direct.diagnosis", "direct.treatment", "direct.status", "direct.discrimination"),
        ("learning_disability", "acute_hospital", "day_services"),
        ("physical_restraint",),
        ("easy_read", "large_print"),
    ),
    Background(  # the criminal justice system
        ("direct.label_or_risk", "direct.restrictive_interventions", "direct.status",
         "direct.trauma", "direct.mh_tribunal"),
        ("prison_justice", "secure_forensic"),
        ("seclusion", "physical_restraint", "long_term_segregation", "mechanical_restraint"),
    ),
)  # fmt: skip

# What a person might write about one piece of their experience.
EXPERIENCE_NOTES: tuple[str, ...] = (
    "Over several years, in more than one service.",
    "A long time ago now, but it still shapes how I see things.",
    "In the last couple of years.",
    "I can talk about this in a small group, not to a big audience.",
    "I would like to talk about this one to one first.",
    "A mixed experience: some staff were very kind.",
)

# What helps, by category of reasonable adjustment (people.choices.Adjustment).
ADJUSTMENTS: dict[str, tuple[str, ...]] = {
    "practical": (
        "Travel paid in advance, please.",
        "A step-free room near the entrance.",
        "Papers a week before the meeting.",
    ),
    "sensory": (
        "A quiet room away from bright lights.",
        "Microphones for everyone, and one person speaking at a time.",
        "A seat near the door.",
    ),
    "emotional": (
        "A check-in call before and after each session.",
        "Knowing I can step out at any time without explaining.",
        "A named person to talk to if things get too much.",
    ),
    "timing": (
        "Sessions in the morning.",
        "A break every hour.",
        "No more than two hours at a time.",
    ),
}

PERSONAL_GOALS: tuple[str, ...] = (
    "Feel more confident speaking in groups.",
    "Get back into a routine that suits me.",
    "Use what happened to me to change things for others.",
    "Meet people who understand.",
    "Build up to sharing my story in public.",
)

PROFESSIONAL_GOALS: tuple[str, ...] = (
    "Become a paid peer support worker.",
    "Co-deliver training to ward staff.",
    "Get a reference for a job in the NHS.",
    "Learn to chair a meeting.",
    "Gain a training qualification.",
    "Write for the trust's newsletter.",
)
