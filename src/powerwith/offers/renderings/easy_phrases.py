"""The easy-read sentences and labels that stand for the offer's codes. Each has at most
15 words, one idea, and an active verb."""

from __future__ import annotations

from powerwith.core.choices import CoWorkingLevel, Focus

FOCUS = {
    Focus.CONSULTATION: "You give your views on an issue.",
    Focus.PERSONAL_NARRATIVE: "You share your own story, in your own way.",
    Focus.DESIGNING_TRAINING: "You help design training.",
    Focus.DELIVERING_TRAINING: "You help deliver training.",
    Focus.SERVICE_DESIGN: "You help plan or design a service.",
    Focus.PEER_SUPPORT: "You support other people as a peer.",
    Focus.TRAINING_EVALUATION: "You help check how good some training is.",
    Focus.SERVICE_EVALUATION: "You help check how good a service is.",
    Focus.POLICY_EVALUATION: "You help check how good a policy is.",
}
LEVEL = {
    CoWorkingLevel.CONSULTATION: "They ask for your views.",
    CoWorkingLevel.PARTICIPATION: "You help shape the work and what comes out of it.",
    CoWorkingLevel.CO_PRODUCTION: "You make the decisions together, as equals.",
}
EXPENSES = {
    "subsistence": "They pay for your food and drink.",
    "care": "They pay for care or childcare while you work.",
    "support_worker": "They pay for a support worker.",
    "equipment": "They pay for equipment you need.",
}
USES = {
    "share_internally": "They share your work with their own staff.",
    "publish": "They publish your work, for example online.",
    "distribute": "They give your work to other organisations.",
    "monetise": "They use your work to make money.",
}
CONSENTS = {
    "take_part": "to take part",
    "share_narrative": "to share your story",
    "be_recorded": "to be recorded",
    "be_quoted": "to be quoted",
    "publish": "to publish your work",
    "distribute": "to give your work to other organisations",
    "monetise": "to use your work to make money",
    "keep_contact": "to keep in touch with you",
    "share_profile": "to share your profile",
}
THEIR_WORDS = (
    ("message", "Their message to you"),
    ("input_expected", "What they ask you to do"),
    ("purpose", "Why they are doing this work"),
    ("success_measures", "How they will know the work went well"),
    ("support", "Support"),
    ("ground_rules", "Ground rules"),
    ("adjustments", "Changes agreed with you"),
    ("benefits_signpost", "Benefits advice"),
)
