#!/usr/bin/env python3
"""An online GRPO loop whose rewards come from an Earshot reward URL.

TRL's GRPOTrainer generates completions; the reward function posts each batch of them to Earshot
(``POST /api/reward/<profileKey>`` or ``/api/reward?profile=<name>`` with a token), trains on the
answer's ``rewards`` and logs its ``extra_logs`` (each judge's score, with the ``…/scored``
companions, averaged over the scored items only).

Earshot scores speech: every item needs a WAV. The completion's text always goes along as the text
channel (``text``, which content-accuracy compares with the prompt's label); the audio comes from a
voicing function, by default espeak-ng (``apt-get install espeak-ng``). Plug in your own with
``--voice module:function``, a function ``(text: str) -> bytes`` (a WAV file) such as a TTS or your
policy's own speech head.

Two steps on the CPU with a randomly initialised tiny model (versions: see examples/README.md;
the default --model needs the Hugging Face Hub, make_tiny_model.py does not):

    python examples/make_tiny_model.py tiny-model
    python examples/trl_grpo_remote_reward.py --reward-url http://localhost:8080/api/reward/<key> \\
        --model tiny-model --max-steps 2 --device cpu
"""

import argparse
import base64
import importlib
import json
import os
import subprocess
import tempfile
import urllib.request

import earshot_device

# Prompts with the short answer Earshot's content-accuracy judge compares the completion's text
# with (sent as labels); replace them with your own prompt dataset.
PROMPTS = [
    {"prompt": "What is the capital of France? Answer in one sentence.",
     "label": "The capital of France is Paris."},
    {"prompt": "How many legs does a spider have?", "label": "A spider has eight legs."},
    {"prompt": "Say hello politely.", "label": "Hello, nice to meet you."},
    {"prompt": "Name a primary colour.", "label": "Red is a primary colour."},
]


def espeak_voice(text):
    """The default voicing function: espeak-ng's WAV of the text."""
    with tempfile.TemporaryDirectory() as folder:
        wav = os.path.join(folder, "completion.wav")
        # Text on stdin, so a completion starting with "-" is not read as an option; an empty
        # completion still gets a (silent) file, so Earshot scores it rather than refusing.
        subprocess.run(["espeak-ng", "--stdin", "-w", wav], input=(text or " ").encode("utf-8"),
                       check=True, capture_output=True)
        with open(wav, "rb") as wav_file:
            return wav_file.read()


def load_voice(spec):
    """``module:function`` -> the function; ``espeak`` -> espeak_voice."""
    if spec == "espeak":
        return espeak_voice
    module, _, function = spec.partition(":")
    if not function:
        raise SystemExit(f"--voice must be 'espeak' or module:function, not {spec!r}")
    return getattr(importlib.import_module(module), function)


def completion_text(completion):
    """TRL passes strings for plain prompts and message lists for conversational ones."""
    if isinstance(completion, str):
        return completion
    return "".join(message["content"] for message in completion)


def reward_request(prompts, completions, labels, voice):
    """The JSON body Earshot's reward endpoint reads: one item per completion."""
    query = []
    for completion in completions:
        text = completion_text(completion)
        query.append({"audio": base64.b64encode(voice(text)).decode("ascii"), "text": text})
    return {"query": query, "prompts": [completion_text(p) for p in prompts], "labels": labels}


def scored_means(extra_logs):
    """Each dimension's mean over the items its judge scored (the stand-in 0s left out)."""
    means = {}
    for key, values in extra_logs.items():
        scored = extra_logs.get(key + "/scored")
        if scored is None:
            continue
        if sum(scored) > 0:
            means[key] = sum(values) / sum(scored)
        means[key + "/scored"] = sum(scored) / len(scored) if scored else 0.0
    return means


class EarshotReward:
    """A GRPO reward function backed by an Earshot reward URL; keeps the last batch's log means."""

    def __init__(self, url, voice, token=None, timeout=300):
        self.url = url
        self.voice = voice
        self.token = token
        self.timeout = timeout
        self.last_logs = {}
        self.__name__ = "earshot"  # TRL names the reward's log column after the function

    def __call__(self, prompts, completions, label=None, **kwargs):
        labels = list(label) if label is not None else [None] * len(completions)
        body = json.dumps(reward_request(prompts, completions, labels, self.voice)).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            answer = json.load(response)
        self.last_logs = {f"earshot/{k}": v for k, v in scored_means(answer["extra_logs"]).items()}
        print(json.dumps({"earshot_rewards": answer["rewards"], **self.last_logs}))
        return answer["rewards"]


def build_parser():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reward-url", required=True,
                        help="Earshot reward URL, e.g. http://host:8080/api/reward/<profileKey>")
    parser.add_argument("--token", default=os.environ.get("EARSHOT_TOKEN"),
                        help="Bearer token, only for /api/reward?profile= (default: $EARSHOT_TOKEN)")
    parser.add_argument("--voice", default="espeak",
                        help="'espeak' (default) or module:function turning text into WAV bytes")
    parser.add_argument("--model", default="trl-internal-testing/tiny-Qwen2ForCausalLM-2.5")
    parser.add_argument("--output-dir", default="grpo-output")
    parser.add_argument("--max-steps", type=int, default=2)
    parser.add_argument("--num-generations", type=int, default=2,
                        help="completions per prompt (GRPO's group size)")
    parser.add_argument("--max-completion-length", type=int, default=24)
    earshot_device.add_arguments(parser)
    return parser


def main():
    args = build_parser().parse_args()
    choice = earshot_device.from_arguments(args)
    print(f"training on {choice.device} in {choice.precision}")
    # Imported here so that the arguments and the device choice can be tested without TRL.
    from datasets import Dataset
    from transformers import TrainerCallback
    from trl import GRPOConfig, GRPOTrainer

    reward = EarshotReward(args.reward_url, load_voice(args.voice), args.token)

    class LogEarshot(TrainerCallback):
        """Adds the last reward batch's extra_logs means to every log line."""

        def on_log(self, _args, _state, _control, logs=None, **kwargs):
            if logs is not None:
                logs.update(reward.last_logs)

    trainer = GRPOTrainer(
        model=args.model,
        reward_funcs=reward,
        args=GRPOConfig(
            output_dir=args.output_dir,
            max_steps=args.max_steps,
            per_device_train_batch_size=args.num_generations,
            num_generations=args.num_generations,
            max_completion_length=args.max_completion_length,
            logging_steps=1,
            report_to=[],
            **choice.training_arguments(),
        ),
        train_dataset=Dataset.from_list(PROMPTS),
        callbacks=[LogEarshot()],
    )
    trainer.train()


if __name__ == "__main__":
    main()
