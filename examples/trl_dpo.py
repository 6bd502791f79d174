#!/usr/bin/env python3
"""Start a TRL DPO run on an Earshot export.

Usage (after unpacking the archive of a ``trl_standard`` export; versions: see examples/README.md):

    python examples/trl_dpo.py earshot-export --model Qwen/Qwen2.5-0.5B-Instruct --max-steps 10

On a CPU-only machine, with a randomly initialised tiny model, for 2 steps:

    python examples/make_tiny_model.py tiny-model
    python examples/trl_dpo.py earshot-export --model tiny-model --max-steps 2

Device and precision are chosen from what the machine has (earshot_device.py); --device and
--precision override them.

The export's ``data.jsonl`` is loaded with Hugging Face ``datasets``; every record is checked
against EXPECTED_COLUMNS, the audio paths (relative to the export) are made absolute, and
``trl.DPOTrainer`` trains a text policy on the prompts and the responses' text channels or
transcripts. The audio columns are kept in ``dataset_with_audio`` for an audio-capable processor;
a text-only model cannot read them, so they are dropped before training, and so are the pairs whose
two texts are the same (preferences heard in the audio only: no signal for a text-only model).

Not run in CI (examples/run-cpu-smoke.sh runs it). ExampleScriptContractTest parses EXPECTED_COLUMNS below (one key per line) and checks
that a real export has exactly these keys with these types, so the script and the export cannot
drift apart unnoticed.
"""

import argparse
import json
import os

import earshot_device

EXPORT_FORMAT = "trl_standard"

# Keys this script reads from every record of data.jsonl, with their JSON types.
EXPECTED_COLUMNS = {
    "prompt": "string",
    "chosen": "string",
    "rejected": "string",
    "prompt_audio": "string-or-null",
    "chosen_audio": "string-or-null",
    "rejected_audio": "string-or-null",
}

AUDIO_COLUMNS = [key for key, kind in EXPECTED_COLUMNS.items() if key.endswith("_audio")]


def check_record(record):
    """Fails loudly when a record is not what this script was written for."""
    if set(record) != set(EXPECTED_COLUMNS):
        raise ValueError(f"record keys {sorted(record)} differ from {sorted(EXPECTED_COLUMNS)}")
    for key, kind in EXPECTED_COLUMNS.items():
        value = record[key]
        if not (isinstance(value, str) or (kind == "string-or-null" and value is None)):
            raise ValueError(f"{key} should be {kind}, is {value!r}")


def load_export(export_dir):
    with open(os.path.join(export_dir, "manifest.json"), encoding="utf-8") as manifest_file:
        manifest = json.load(manifest_file)
    config = manifest["config"]
    if config["format"] != EXPORT_FORMAT:
        raise SystemExit(f"this script reads {EXPORT_FORMAT} exports, not {config['format']}")
    if config.get("tiePolicy") == "margin_zero":
        raise SystemExit("ties kept without a label would be trained as preferences: re-export"
                         " with tiePolicy exclude (the default) or label")
    from datasets import load_dataset

    dataset = load_dataset("json", data_files=os.path.join(export_dir, "data.jsonl"), split="train")
    if "outcome" in dataset.column_names:
        # tiePolicy "label": DPO learns from preferences only.
        dataset = dataset.filter(lambda record: record["outcome"] == "preferred")
        dataset = dataset.remove_columns("outcome")
    for record in dataset:
        check_record(record)

    def absolute_audio(record):
        return {
            key: None if record[key] is None else os.path.join(os.path.abspath(export_dir), record[key])
            for key in AUDIO_COLUMNS
        }

    return manifest, dataset.map(absolute_audio)


def pairs_with_text_signal(dataset):
    """The pairs whose chosen and rejected texts differ, and how many were dropped.

    The export keeps a pair whose texts are identical when its audio differs (a prosody or quality
    preference); a text-only trainer sees the same answer twice there and learns nothing from it.
    """
    kept = dataset.filter(lambda record: record["chosen"] != record["rejected"])
    return kept, len(dataset) - len(kept)


def build_parser():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export_dir", help="the unpacked export (the folder with manifest.json)")
    parser.add_argument("--model", default="Qwen/Qwen2.5-0.5B-Instruct")
    parser.add_argument("--output-dir", default="dpo-output")
    parser.add_argument("--max-steps", type=int, default=10)
    earshot_device.add_arguments(parser)
    return parser


def main():
    args = build_parser().parse_args()
    choice = earshot_device.from_arguments(args)
    print(f"training on {choice.device} in {choice.precision}")
    # Imported here so that the arguments and the device choice can be tested without TRL.
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from trl import DPOConfig, DPOTrainer

    manifest, dataset_with_audio = load_export(args.export_dir)
    print(f"{len(dataset_with_audio)} pairs; selection counts: {manifest['counts']}")
    train, same_text = pairs_with_text_signal(dataset_with_audio.remove_columns(AUDIO_COLUMNS))
    print(f"{same_text} pairs dropped: chosen and rejected have the same text (they differ in audio"
          f" only, which a text-only model cannot hear); {len(train)} left to train on")
    if len(train) == 0:
        raise SystemExit("no pair differs in text: train an audio-capable model on dataset_with_audio,"
                         " or export another dimension (e.g. content)")

    tokenizer = AutoTokenizer.from_pretrained(args.model)
    model = AutoModelForCausalLM.from_pretrained(args.model)
    trainer = DPOTrainer(
        model=model,
        args=DPOConfig(
            output_dir=args.output_dir,
            max_steps=args.max_steps,
            per_device_train_batch_size=2,
            logging_steps=1,
            report_to=[],
            **choice.training_arguments(),
        ),
        train_dataset=train,
        processing_class=tokenizer,
    )
    trainer.train()


if __name__ == "__main__":
    main()
