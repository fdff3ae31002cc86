"""Word lists for the demo data. Every name, town and story here is made up.

Kept apart from the generator in ``powerwith.demo`` so that it reads as data. The order
of every list matters: the generator picks from them with a fixed seed, so reordering or
editing a list changes who is who in the demo.
"""

from __future__ import annotations

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
