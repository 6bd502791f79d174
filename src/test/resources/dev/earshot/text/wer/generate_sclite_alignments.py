#!/usr/bin/env python3
"""Regenerates sclite-alignments.tsv: random token pairs aligned by NIST sclite itself.

Usage: generate_sclite_alignments.py /path/to/sclite > sclite-alignments.tsv
sclite was built from usnistgov/SCTK (commit in the header below) with `sh config.sh && make sclite`
in src/sclite. Word rows come from `sclite -o sgml`, char rows from `sclite -c -e utf-8 -o sgml`.
Small vocabularies make many equal-cost alternatives, so the rows pin down sclite's tie-breaking.
"""
import os
import random
import re
import subprocess
import sys
import tempfile

SCTK_COMMIT = "9688a26882a688132a5e414cadcb4c19b6fffaba"
rng = random.Random(20261126)


def random_pair(vocabulary, max_length):
    return ([rng.choice(vocabulary) for _ in range(rng.randint(0, max_length))],
            [rng.choice(vocabulary) for _ in range(rng.randint(0, max_length))])


def edited_pair(vocabulary, min_length, max_length):
    reference = [rng.choice(vocabulary) for _ in range(rng.randint(min_length, max_length))]
    hypothesis = list(reference)
    for _ in range(rng.randint(1, 4)):
        edit = rng.choice(["sub", "del", "ins", "swap"])
        k = rng.randint(0, max(0, len(hypothesis) - 1))
        if edit == "sub" and hypothesis:
            hypothesis[k] = rng.choice(vocabulary)
        elif edit == "del" and hypothesis:
            del hypothesis[k]
        elif edit == "ins":
            hypothesis.insert(k, rng.choice(vocabulary))
        elif edit == "swap" and len(hypothesis) > 1:
            k = min(k, len(hypothesis) - 2)
            hypothesis[k], hypothesis[k + 1] = hypothesis[k + 1], hypothesis[k]
    return reference, hypothesis


def run_sclite(sclite, pairs, char_mode):
    with tempfile.TemporaryDirectory() as folder:
        ref_path, hyp_path = os.path.join(folder, "ref.trn"), os.path.join(folder, "hyp.trn")
        with open(ref_path, "w", encoding="utf-8") as ref, open(hyp_path, "w", encoding="utf-8") as hyp:
            for k, (reference, hypothesis) in enumerate(pairs):
                ref.write(" ".join(reference) + f" (p-{k})\n")
                hyp.write(" ".join(hypothesis) + f" (p-{k})\n")
        options = ["-c", "-e", "utf-8"] if char_mode else []
        sgml = subprocess.run([sclite, "-r", ref_path, "trn", "-h", hyp_path, "trn", "-i", "spu_id",
                               *options, "-o", "sgml", "stdout"],
                              check=True, capture_output=True, text=True, encoding="utf-8").stdout
    operations = {}
    for match in re.finditer(r'<PATH id="\(p-(\d+)\)"[^>]*>\n(.*?)</PATH>', sgml, re.S):
        steps = match.group(2).strip()
        operations[int(match.group(1))] = "".join(step[0] for step in steps.split(":")) if steps else ""
    return [operations[k] for k in range(len(pairs))]


def main():
    sclite = sys.argv[1]
    word_pairs = [([], [])]
    word_pairs += [random_pair(["a", "b", "c"], 6) for _ in range(150)]
    word_pairs += [edited_pair(["the", "cat", "sat", "on", "mat", "a", "dog", "ran"], 3, 14) for _ in range(150)]
    char_words = ["the", "then", "than", "hat", "that", "don't", "dont", "naïve", "北", "京", "東", "語", "ー"]
    char_pairs = [edited_pair(char_words, 1, 6) for _ in range(100)]
    print(f"# Alignments by NIST sclite (usnistgov/SCTK {SCTK_COMMIT}); regenerate with generate_sclite_alignments.py")
    print("# unit<TAB>reference tokens<TAB>hypothesis tokens<TAB>sclite steps (C correct, S sub, D del, I ins)")
    for unit, pairs in (("word", word_pairs), ("char", char_pairs)):
        for (reference, hypothesis), steps in zip(pairs, run_sclite(sclite, pairs, unit == "char")):
            print(f"{unit}\t{' '.join(reference)}\t{' '.join(hypothesis)}\t{steps}")


if __name__ == "__main__":
    main()
