"""Word lists that only the event suggester uses, beyond the codebook's own trigger words.

The codebook says which words *can* name an event of a type; these lists say how to read the
sentence around them (who attacked, who died, whether the event really happened). They are data,
kept apart from the rules in ``suggest.py`` so that they can be tuned without touching the logic.
"""

from __future__ import annotations

# Extra trigger lemmas per event type (lower case; several words for multiword triggers).
EXTRA_TRIGGERS: dict[str, tuple[str, ...]] = {
    "BATTLE": ("fight", "clash", "offensive", "incursion", "invasion", "ground invasion", "raid", "combat",
               "gunfight", "firefight", "shootout", "gun battle", "skirmish", "exchange of fire", "exchange fire",
               "exchange gunfire"),
    "REMOTE_VIOLENCE": (
        "airstrike", "air strike", "drone strike", "drone attack", "car bomb", "car bombing",
        "suicide attack", "suicide bombing", "rocket attack", "missile strike", "bombardment",
        "shell", "explode", "air raid", "detonate", "detonation", "pound", "hammer", "bombard",
    ),
    "VIOLENCE_AGAINST_CIVILIANS": (
        "stab", "stabbing", "shooting", "murder", "opened fire", "open fire", "opens fire", "assassinate", "assassination", "behead", "beheading",
        "lynch", "lynching", "abduct", "abduction", "kidnap", "knife attack", "gun attack", "gun down",
        "hack to death",
    ),
    "PROTEST": ("protest", "demonstrate", "march", "rally", "procession", "picket", "sit-in", "vigil", "walkout",
                "take to the street", "walk off the job"),
    "RIOT": ("riot", "storm", "clash"),
    "ARREST": ("arrest", "detain", "apprehend", "jail", "imprison", "round up", "nab", "incarcerate"),  # "jail" a verb only: suggest_triggers
    "AGREEMENT": ("agreement", "deal", "ceasefire", "truce", "accord"),
    "OTHER_STRATEGIC": ("withdraw", "deploy", "defuse", "intercept", "thwart"),
}
# Codebook triggers that are read as casualty words, not as events of their own.
CASUALTY_LEMMAS = frozenset({"kill", "die", "dead", "death", "killing", "body"})
# Words that can name any violent event; they take their type from the weapon or from context.
GENERIC_VIOLENT = frozenset({"attack", "assault", "raid", "operation", "incident"})
# Titles of the one person an article is about as its perpetrator, which the article may name later
# ("the gunman shot shoppers ... officials identified the gunman as Patrick Crusius").
PERPETRATOR_TITLES = frozenset({"suspect", "gunman", "attacker", "assailant", "shooter", "bomber", "killer",
                                "perpetrator"})
# Subjects of "kill" that make the killing itself the attack ("gunmen killed five villagers", "a suicide
# bomber killed 12 people"): perpetrators, and armed or state groups.
KILLERS = PERPETRATOR_TITLES | frozenset({
    "gunmen", "militant", "insurgent", "rebel", "soldier", "troop", "police", "policeman", "officer", "force",
    "fighter", "terrorist", "man", "woman", "mob", "bandit", "jihadist", "army", "militia", "group", "sniper",
    "kidnapper", "robber", "pirate", "extremist", "separatist", "guerrilla", "commando", "vigilante", "herdsman",
    "herder", "gang", "gangster", "mercenary", "paramilitary", "marine", "trooper", "raider"})
VIOLENT_TYPES = ("BATTLE", "REMOTE_VIOLENCE", "VIOLENCE_AGAINST_CIVILIANS", "RIOT")
# Modifiers of a generic word that make it remote violence ("drone attack", "rocket attacks").
REMOTE_MODIFIERS = {
    "drone": "Air/drone strike", "air": "Air/drone strike", "aerial": "Air/drone strike",
    "airstrike": "Air/drone strike", "rocket": "Shelling/artillery/missile attack",
    "missile": "Shelling/artillery/missile attack", "mortar": "Shelling/artillery/missile attack",
    "artillery": "Shelling/artillery/missile attack", "shelling": "Shelling/artillery/missile attack",
    "bomb": "Remote explosive/landmine/IED", "suicide": "Suicide bomb", "ied": "Remote explosive/landmine/IED",
    "grenade": "Grenade", "chemical": "Chemical weapon",
}
# Verbs whose subject is the attacker of the noun they govern ("the Coalition conducted strikes").
LIGHT_VERBS = frozenset({
    "conduct", "carry", "launch", "stage", "mount", "begin", "make", "start", "perform", "undertake",
    "execute", "commit", "unleash", "order", "hold", "lead", "open", "exchange",
})
# Event nouns whose "with" phrase names the other side ("clashes with police", "a gun battle with troops").
TWO_SIDED = frozenset({"clash", "battle", "fight", "fighting", "gunfight", "firefight", "shootout", "skirmish",
                       "confrontation", "combat", "exchange"})
# Verbs that say an event happened ("fighting broke out between ...", "clashes erupted with ...").
OCCUR_VERBS = frozenset({"break", "erupt", "rage", "continue", "occur", "take", "flare", "resume", "intensify", "ensue"})
# Verbs whose object is the weapon used ("detonated a bomb", "fired rockets"), never the target.
WEAPON_USE_VERBS = frozenset({"detonate", "explode", "plant", "fire", "launch", "drop", "throw", "hurl", "lob"})
# Intransitive verbs whose subject is what blew up (a bomb, or the bus it was in), never who did it.
BURST_VERBS = frozenset({"explode", "blow", "burst", "go"})
# Participles whose by-phrase names who did the event ("an attack carried out by X", not "followed by X").
PERPETRATE_VERBS = frozenset({"carry", "conduct", "launch", "stage", "mount", "perpetrate", "commit", "claim",
                              "organise", "organize", "lead", "plan", "execute", "order", "call", "orchestrate"})
# Heads that make an event hypothetical, planned or threatened rather than reported.
IRREALIS_HEADS = frozenset({
    "plan", "threaten", "threat", "vow", "want", "seek", "right", "warn", "intend", "prepare",
    "call", "urge", "demand", "propose", "consider", "risk", "fear", "prevent", "stop", "avoid",
    "deter", "deterring", "aim", "try", "attempt", "ready", "able", "capable", "would",
    "allegation", "refer", "describe", "accuse", "recommend", "suggest", "advise", "ask", "request", "hope",
    "recommendation", "proposal", "plea", "offer", "suppose", "imagine", "envision", "fantasize", "predict",
})
GENERIC_STRUGGLES = frozenset({"fight", "war", "struggle", "battle", "campaign"})
# Verbs whose "to" clause tells what was done, not meant ("began to stab people", "continued to attack").
ASPECT_VERBS = frozenset({"begin", "start", "continue", "proceed", "go", "resume", "keep"})
HABITUAL = frozenset({"previously", "repeatedly", "often", "frequently", "regularly", "routinely", "usually",
                      "sometimes", "typically", "generally", "commonly", "occasionally", "habitually", "normally",
                      "constantly", "continually", "periodically"})
# Verbs that name a protest when protesters are their subject ("protesters gathered around ...").
PROTEST_VERBS = frozenset({"gather", "surround", "assemble", "rally", "block", "march", "occupy", "congregate",
                           "converge", "mass"})
IRREALIS_MODIFIERS = frozenset({"possible", "potential", "alleged", "hypothetical", "feared"})
FUTURE_MODIFIERS = frozenset({"imminent", "future", "planned", "proposed", "upcoming", "coming", "next"})
# Heads under which a trigger names something still to come ("the union announced a strike for Monday"
# is reported; "the union is set to strike" is not).
FUTURE_HEADS = frozenset({"schedule", "set", "expect", "due", "promise", "pledge"})
# Verbs of taking that are a battle only when what is taken is ground ("seized the town", not "seized drugs").
TERRITORY_VERBS = frozenset({"seize", "capture", "recapture", "retake", "take", "overrun", "occupy"})
TERRITORY_NOUNS = frozenset({"town", "city", "village", "territory", "area", "base", "district", "province",
                             "region", "airport", "port", "hill", "border", "crossing", "camp", "outpost", "position",
                             "stronghold", "control", "capital", "neighbourhood", "neighborhood", "checkpoint", "road"})
# Verbs of a blow from afar, an event only with a striker as subject ("jets pounded", not "the storm pounded").
STRIKE_VERBS = frozenset({"strike", "hit", "pound", "hammer", "bombard"})
# Subjects that make "struck"/"hit" a strike from afar ("a missile struck", "jets hit"), not a car hitting someone.
STRIKERS = frozenset({"missile", "rocket", "drone", "jet", "warplane", "aircraft", "plane", "helicopter", "shell",
                      "mortar", "bomb", "airstrike", "strike", "force", "military", "army", "coalition", "artillery"})
AGREEMENT_NOUNS = frozenset({"ceasefire", "truce", "deal", "agreement", "accord", "peace", "armistice", "treaty"})
# Nouns of crimes that name an event only with their victim ("the murder of ..."), else a charge.
CHARGE_NOUNS = frozenset({"murder", "manslaughter", "rape"})
# Words that put a date ahead of the article ("the coming election on August 9").
AHEAD_WORDS = frozenset({"coming", "upcoming", "forthcoming", "next", "scheduled", "ahead", "planned", "due"})
# Adjectives that make a bare plural a kind of event rather than one ("previous attacks").
GENERIC_ADJECTIVES = frozenset({"previous", "past", "recent", "similar", "such", "other", "further", "frequent",
                                "numerous", "many", "more", "future", "earlier", "repeated", "occasional",
                                "sporadic", "periodic", "regular"})
# Words under which an event is a record from a court or a past ("convicted of assaults").
LEGAL_HEADS = frozenset({"convict", "charge", "accuse", "sentence", "guilty", "acquit", "prosecute", "history",
                         "record", "suspect", "suspicion", "jail", "imprison"})
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "shall", "can", "must"})
NEGATIONS = frozenset({"not", "never", "no", "n't", "neither", "nor"})
# Determiners and pronouns that make a mention refer back to an event already reported.
ANAPHORIC = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "both", "all"})
# A strike that is a labour protest, not an air strike.
PROTEST_STRIKE_CUES = frozenset({"general", "hunger", "worker", "union", "labour", "labor", "teacher", "sit"})
# Verbs whose subject is an event noun and whose object is what it hit ("the blast destroyed the mosque").
HARM_VERBS = frozenset({"target", "hit", "strike", "destroy", "damage", "shatter", "rock", "rip", "tear", "level",
                        "flatten", "gut", "wreck", "devastate"})
# Nouns that only count the people their "of" phrase names ("a number of people", "dozens of students").
QUANTITY_NOUNS = frozenset({"number", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
                            "score", "scores", "group", "handful", "crowd", "lot"})
# Targets that make an attack a battle whoever attacked ("gunmen attacked a police post").
SECURITY_TARGETS = frozenset({"police", "army", "military", "post", "checkpoint", "base", "convoy", "barracks",
                              "patrol", "troop", "force", "station", "outpost", "camp"})
# Victims whose killing is a battle, not violence against civilians.
COMBATANT_WORDS = frozenset({"soldier", "troop", "militant", "insurgent", "rebel", "fighter", "policeman",
                             "officer", "guard", "jihadist", "gunman", "gunmen", "militiaman", "commander"})
# Words before "strike" that make it a labour or political strike ("a 48-hour strike", "a nationwide strike").
LABOUR_STRIKE_MODIFIERS = frozenset({"hour", "day", "week", "opposition", "call", "nationwide", "national",
                                     "indefinite", "token", "warning", "rail", "transport", "doctor", "nurse"})
# People in a Target or Victim phrase that make an attack one-sided violence against civilians.
CIVILIAN_WORDS = frozenset({
    "civilian", "journalist", "photojournalist", "worshipper", "villager", "resident", "student",
    "child", "woman", "family", "pilgrim", "churchgoer", "shopper", "passenger", "reporter",
    "pedestrian", "tourist", "voter", "farmer", "teacher", "patient", "people", "man", "girl", "boy",
})
CIVILIAN_PLACES = frozenset({
    "mosque", "church", "synagogue", "temple", "cathedral", "school", "market", "bus", "hospital", "concert",
    "festival", "restaurant", "cafe", "shop", "store", "supermarket", "home", "house", "wedding", "funeral",
    "nightclub", "bar", "park", "university", "kindergarten", "hotel", "bakery", "party"})
# Attackers who act alone or as criminals, not as an armed group in a battle ("a gunman attacked").
LONE_ATTACKERS = frozenset({"gunman", "attacker", "assailant", "knifeman", "shooter", "man", "woman",
                            "teenager", "suspect", "stranger", "mob"})
PROTESTER_WORDS = frozenset({"protester", "protestor", "demonstrator", "rioter", "crowd", "mob", "marcher"})
# Verbs that make an agreement a reported fact rather than a topic ("entered into an agreement").
AGREEMENT_VERBS = frozenset({"enter", "reach", "sign", "announce", "strike", "agree", "conclude", "broker", "seal"})
PRONOUNS = frozenset({"they", "it", "he", "she", "we", "them", "him", "her", "who", "which", "that"})
# Weapon nouns name an event only as the subject of a verb ("Seventeen rockets struck") or the
# object of firing it, not in a list of weapons ("backed by artillery ... and mortars").
WEAPON_NOUNS = frozenset({"rocket", "missile", "drone", "bomb", "mortar", "ied", "grenade", "shell"})
# Weapon words that stand for an event only as its instrument, and the verbs that say what they did:
# with such a verb, the verb is the event's trigger ("the bomb exploded", "a rocket hit the base").
INSTRUMENT_NOUNS = frozenset({"rocket", "missile", "drone", "bomb", "mortar", "ied", "grenade", "shell", "device",
                              "explosive", "landmine", "mine", "car bomb", "projectile"})
INSTRUMENT_VERBS = frozenset({"explode", "detonate", "go", "blow", "strike", "hit", "land", "kill", "wound", "injure",
                              "rip", "tear", "destroy", "damage", "slam", "crash", "rain", "pound", "target"})
WEAPON_VERBS = frozenset({"launch", "fire", "drop", "plant", "detonate", "explode", "hit", "strike", "land",
                          "target", "kill", "go", "rock", "rip", "tear"})
# Nouns that a place name may modify and still be the event's place ("Deir ez-Zor Province").
PLACE_NOUNS = frozenset({"province", "city", "town", "region", "district", "village", "area", "governorate",
                         "base", "camp", "border", "capital", "port", "market", "state", "airport",
                         "embassy", "cathedral", "complex", "field", "plant", "facility", "headquarters", "port town"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "into", "across", "around", "along", "on",
                            "throughout", "within", "through", "toward", "towards"})
# Words a coder may pick as a trigger that the codebook's trigger lists leave out, with the types they
# can name, likeliest first (``Suggester.likely_types``). Lemmas, lower case.
_VAC, _BATTLE, _REMOTE = "VIOLENCE_AGAINST_CIVILIANS", "BATTLE", "REMOTE_VIOLENCE"
WORD_TYPES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("stab", "stabbing", "murder", "behead", "beheading", "assassinate", "assassination",
                     "lynch", "lynching", "torture", "rape", "abduct", "abduction", "kidnap", "massacre",
                     "execute", "execution", "knifing", "hack", "slay", "slaying"), (_VAC,)),
    **dict.fromkeys(("shoot", "shooting", "gunfire", "kill", "killing", "gun", "fire", "open", "wound", "injure",
                     "beat", "beating", "hit"), (_VAC, _BATTLE)),
    **dict.fromkeys(("firefight", "gunfight", "shootout", "skirmish", "combat", "fighting", "battle", "war",
                     "ambush", "siege", "besiege", "overrun", "capture"), (_BATTLE,)),
    **dict.fromkeys(("explode", "explosion", "blast", "detonate", "detonation", "bombing", "bomb", "shell",
                     "shelling", "airstrike", "strike", "bombard", "bombardment", "ied", "drone", "missile",
                     "rocket", "mortar", "grenade"), (_REMOTE,)),
    **dict.fromkeys(("protest", "demonstrate", "demonstration", "march", "procession", "rally", "picket",
                     "vigil", "sit", "walkout", "gather", "gathering", "occupy", "demonstrator", "protester"),
                    ("PROTEST",)),
    **dict.fromkeys(("riot", "loot", "looting", "vandalise", "vandalize", "torch", "mob", "storm"), ("RIOT",)),
    **dict.fromkeys(("arrest", "detain", "detention", "apprehend", "jail", "imprison", "custody", "nab",
                     "round", "hold", "seize"), ("ARREST",)),
}
# What an attack can hit and an ACLED coder names as its target (besides named actors and places).
TARGET_NOUNS = (CIVILIAN_WORDS | CIVILIAN_PLACES | SECURITY_TARGETS | COMBATANT_WORDS | TERRITORY_NOUNS | PLACE_NOUNS
                | frozenset({"building", "office", "ministry", "vehicle", "car", "train", "plane", "ship", "minibus",
                             "truck", "lorry", "van", "taxi", "boat", "compound", "refinery", "pipeline", "bridge",
                             "court", "parliament", "palace", "prison", "official", "leader", "worker", "crowd",
                             "group", "member", "supporter", "person"}))
# Vehicles an attack can hit: what was hit, never who (ACLED's actor 2 is the people in it).
VEHICLE_NOUNS = frozenset({"vehicle", "car", "train", "plane", "ship", "minibus", "bus", "truck", "lorry", "van",
                           "taxi", "boat", "tram", "coach", "ferry", "jeep", "motorcycle", "aircraft", "airliner"})
# Target words that name anyone, so two events hitting them need not be one ("people", "police").
ANYONE_WORDS = CIVILIAN_WORDS | COMBATANT_WORDS | SECURITY_TARGETS | frozenset({"person", "member", "official"})
# Words that make an explosion an accident, not an attack ("accidental explosions", "a gas leak").
ACCIDENT_WORDS = frozenset({"accidental", "accidentally", "accident", "leak", "malfunction", "mishap", "faulty",
                            "negligence", "short-circuit", "boiler"})
# Words around an explosion that point to an accident unless the sentence also names an attack
# ("a gas explosion", "an explosion at a chemical plant").
INDUSTRIAL_WORDS = frozenset({"gas", "industrial", "factory", "plant", "refinery", "warehouse", "mill", "colliery",
                              "workshop", "fireworks", "chemical", "cylinder", "tanker", "methane", "coal", "pipeline"})
# Nouns for animals: an explosive that kills an animal ("a jackal died trying to eat a bomb", "firecrackers
# exploded in the elephant's mouth") is poaching or cruelty, not political violence.
ANIMAL_NOUNS = frozenset({"animal", "jackal", "elephant", "dog", "cat", "cow", "bull", "ox", "buffalo", "goat",
                          "sheep", "pig", "boar", "deer", "tiger", "leopard", "lion", "bear", "monkey", "horse",
                          "donkey", "camel", "wolf", "fox", "rhino", "rhinoceros", "bird", "fish", "livestock",
                          "cattle", "wildlife", "hyena", "antelope", "crocodile"})
# Event words that name something blowing up, which may be an accident ("explosion", "blast").
BURST_WORDS = frozenset({"explosion", "blast", "explode", "detonate", "detonation", "blow", "burst", "go", "fire",
                         "blaze", "inferno"})
# Words that make a blast an attack whatever else the sentence says.
ATTACK_CUES = frozenset({"attack", "attacker", "bomber", "bombing", "bomb", "militant", "terrorist", "terror",
                         "terrorism", "suicide", "ied", "grenade", "rocket", "missile", "mortar", "shell", "drone",
                         "airstrike", "insurgent", "rebel", "jihadist", "claim", "responsibility", "device"})
# Media and depictions: an event word under them names what a picture shows, not a reported event
# ("videos of beheadings", "he was pictured at a protest").
MEDIA_WORDS = frozenset({"video", "footage", "image", "photo", "photograph", "picture", "film", "documentary", "clip",
                         "recording", "movie", "cartoon", "drawing", "painting", "poster", "game", "depiction",
                         "depict", "portray", "livestream", "broadcast"})
# Security forces whose killing of protesters is excessive force against a protest ("riot" for the
# modifier of "riot police": every word of such a phrase is a force word).
SECURITY_FORCES = frozenset({"police", "policeman", "officer", "soldier", "troop", "force", "army", "security",
                             "guard", "military", "gendarme", "riot"})
# The forces' own words as a side of an event: "riot" names their kit, and alone is no force.
FORCE_WORDS = SECURITY_FORCES - {"riot"}
# Verbs that put a thing in a category ("classified as a mass shooting"): the category is no event.
CLASSIFY_VERBS = frozenset({"characterize", "characterise", "define", "classify", "class", "categorize", "categorise",
                            "count", "label", "term", "designate", "consider", "regard", "treat", "qualify", "list"})
# Modifiers that make a bare "attack" one-sided: terrorism targets civilians (ACLED codes most such
# attacks as violence against civilians, or as remote violence when a weapon word says so).
TERROR_MODIFIERS = frozenset({"terrorist", "terror", "jihadist", "extremist"})
# Words that make a raid a police search rather than an armed attack ("a police raid").
LAW_ENFORCEMENT = frozenset({"police", "counter", "counterterrorism", "counter-terrorism", "fbi", "swat", "customs",
                             "narcotics", "anti-terror", "drug"})
# Nouns naming an event of their own, whose place and date are theirs ("since an assault in Ghazni").
EVENT_NOUNS = GENERIC_VIOLENT | frozenset(w for words in EXTRA_TRIGGERS.values() for w in words if " " not in w) \
    | frozenset(WORD_TYPES)
# Nouns that count events ("a couple of bombings", "a series of attacks"): what follows is several events.
COUNT_NOUNS = frozenset({"couple", "pair", "series", "wave", "spate", "string", "number", "round", "handful",
                         "dozen", "dozens", "hundreds", "scores", "succession", "flurry"})
# Words that make an event word another event than one told before.
ANOTHER_WORDS = frozenset({"another", "second", "third", "fourth", "fifth", "other", "separate", "new", "further",
                           "earlier", "previous", "similar", "later", "subsequent"})
