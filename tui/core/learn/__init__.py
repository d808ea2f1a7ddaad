"""Learning from the coders: a spaCy pipeline trained on the project's reviewed annotations.

``corpus`` picks what counts as reviewed and turns it into spaCy ``Example``s; ``train`` fine-tunes
the pinned model's entity recogniser and adds a trigger ``spancat``; ``judge`` counts how often the
coders code each trigger word and ``calibrate`` chooses, on the training articles, how far both may
overrule the rules; ``evaluate`` compares it with
the untrained pipeline on held-out articles; ``model_suggest`` suggests events with it and scores
how unsure it is of each article.
"""

TRIGGER_KEY = "triggers"  # the span group the trigger spancat writes (doc.spans[TRIGGER_KEY])
TRIGGER_PIPE = "triggers"  # the spancat component's name in the trained pipeline
