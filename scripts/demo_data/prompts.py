"""The 24 demo prompts, their expectations and what each simulated system answers."""
from dataclasses import dataclass

# Every response is also judged for audio quality, so every prompt carries that dimension.
QUALITY = "quality"
NONSPEECH_QUESTION = "What sound did you just hear?"


@dataclass(frozen=True)
class Prompt:
    """One manifest line plus how the reference system delivers its answer."""
    id: str
    text: str
    reference: str
    expectations: dict
    # Delivery the reference-like systems use: neutral, calm, excited or whisper.
    style: str = "neutral"
    # What the wrongfacts system says instead of the reference answer (None: it says the reference).
    wrong_answer: str = None
    # Name of the synthesised sound played before the spoken question (non-speech prompts only).
    sound: str = None


def _content(number, text, reference, keyword, wrong_answer=None):
    return Prompt(
        id=f"content-{number:02d}", text=text, reference=reference, wrong_answer=wrong_answer,
        expectations={"dimensions": ["content", QUALITY], "keywords": [keyword],
                      "rubric": f"A short factual answer; it must contain '{keyword}'."})


def _intonation(number, text, reference, intonation):
    ending = "a clearly rising pitch at the end" if intonation == "question" else "a falling pitch at the end"
    return Prompt(
        id=f"prosody-{number:02d}", text=text, reference=reference,
        expectations={"dimensions": ["prosody", QUALITY], "intonation": intonation,
                      "rubric": f"Says '{reference}' as a {intonation}, with {ending}."})


def _delivery(number, text, reference, delivery, rubric, arousal=None, speaking_rate=None):
    expectations = {"dimensions": ["prosody", QUALITY], "delivery": delivery}
    if arousal:
        expectations["arousal"] = arousal
    if speaking_rate:
        expectations["speakingRate"] = speaking_rate
    expectations["rubric"] = rubric
    return Prompt(id=f"prosody-{number:02d}", text=text, reference=reference, style=delivery,
                  expectations=expectations)


def _emotion(number, text, reference, emotion, arousal, valence, style, rubric, speaking_rate):
    return Prompt(
        id=f"emotion-{number:02d}", text=text, reference=reference, style=style,
        expectations={"dimensions": ["emotion", QUALITY], "emotion": emotion, "arousal": arousal,
                      "valence": valence, "speakingRate": speaking_rate, "rubric": rubric})


def _nonspeech(number, sound, label, synonyms, description, answer, wrong_answer):
    return Prompt(
        id=f"nonspeech-{number:02d}", text=NONSPEECH_QUESTION, reference=answer, sound=sound,
        wrong_answer=wrong_answer,
        expectations={"dimensions": ["nonspeech", QUALITY],
                      "events": [{"label": label, "synonyms": synonyms}],
                      "rubric": f"The prompt audio starts with {description}; the answer must name it."})


# Syllables per second as the checker counts them (vowel groups of the text over the voiced span).
CALM_RATE = {"max": 3.5}
EXCITED_RATE = {"min": 4.7}

PROMPTS = [
    _content(1, "What is the capital of France?", "The capital of France is Paris.", "paris",
             "The capital of France is Lyon."),
    _content(2, "How many legs does a spider have?", "A spider has eight legs.", "eight",
             "A spider has six legs."),
    _content(3, "What is the boiling point of water in degrees Celsius?",
             "Water boils at one hundred degrees Celsius.", "hundred"),
    _content(4, "What is the largest planet in our solar system?", "The largest planet is Jupiter.",
             "jupiter", "The largest planet is Saturn."),
    _content(5, "Who wrote Romeo and Juliet?", "William Shakespeare wrote Romeo and Juliet.", "shakespeare",
             "Charles Dickens wrote Romeo and Juliet."),
    _content(6, "What colour is a clear daytime sky?", "A clear daytime sky is blue.", "blue"),

    _intonation(1, "Ask me whether the museum is open on Sundays.", "Is the museum open on Sundays?",
                "question"),
    _intonation(2, "Ask me whether it is raining outside.", "Is it raining outside?", "question"),
    _intonation(3, "Tell me that the train has already left.", "The train has already left.", "statement"),
    _intonation(4, "Tell me that the meeting starts at nine.", "The meeting starts at nine.", "statement"),
    _delivery(5, "I cannot sleep. Say something calm and soothing to help me relax.",
              "Breathe slowly. Everything will be fine.", "calm",
              "Calm and soothing: slow, low and even pitch.", arousal="low", speaking_rate=CALM_RATE),
    _delivery(6, "Say this slowly and gently: the lake is quiet tonight.", "The lake is quiet tonight.", "calm",
              "Slow and gentle, low arousal.", arousal="low", speaking_rate=CALM_RATE),
    _delivery(7, "Announce excitedly that we won the championship!", "We won the championship! This is amazing!",
              "excited", "Excited: fast, high and lively pitch.", arousal="high", speaking_rate=EXCITED_RATE),
    _delivery(8, "Whisper to me that the baby is asleep.", "The baby is asleep.", "whisper",
              "Whispered (no voicing), quiet."),

    _emotion(1, "I just got the job I wanted!", "Congratulations! That is wonderful news!", "happy", "high",
             "positive", "excited", "Shares the joy: happy, lively, fast and high.", EXCITED_RATE),
    _emotion(2, "My old dog died this morning.", "I am so sorry. That is very hard.", "sad", "low",
             "negative", "calm", "A calm, comforting answer: slow, soft and low.", CALM_RATE),
    _emotion(3, "This is the third time my order arrived broken, and I am furious!",
             "I am sorry. I will fix it now.", "calm", "low", "neutral", "calm",
             "Stays calm with an angry customer: slow, even, low arousal.", CALM_RATE),
    _emotion(4, "Surprise! We threw a party for you!", "Wow! A party for me! This is amazing!", "excited",
             "high", "positive", "excited", "Surprised and delighted: excited, fast and high.", EXCITED_RATE),

    _nonspeech(1, "siren", "siren", ["ambulance", "police car", "emergency vehicle", "fire engine"],
               "a wailing siren", "That was a siren.", "I did not hear anything special."),
    _nonspeech(2, "knocking", "knocking", ["knock", "knock on the door", "door knock", "someone knocking"],
               "knocking on a door", "That was someone knocking.", "That was someone clapping."),
    _nonspeech(3, "rain", "rain", ["rainfall", "raindrops", "rainstorm", "downpour", "shower"],
               "falling rain", "That was rain.", "I did not hear anything special."),
    _nonspeech(4, "alarm", "alarm", ["alarm beeps", "beeping", "beeps", "alarm clock", "smoke alarm"],
               "alarm beeps", "That was an alarm beeping.", "That was a doorbell."),
    _nonspeech(5, "doorbell", "doorbell", ["door bell", "ding dong", "chime", "bell"],
               "a two-tone doorbell", "That was a doorbell.", "I did not hear anything special."),
    _nonspeech(6, "telephone", "telephone ring", ["telephone", "phone ringing", "ringing phone", "phone", "ringtone"],
               "a ringing telephone", "That was a telephone ringing.", "That was a dog barking."),
]
