#!/usr/bin/env python3
"""Build a randomly initialised tiny causal language model for smoke runs, offline.

The examples' training scripts need a model folder (``--model <folder>``). Without access to the
Hugging Face Hub none can be downloaded, so this builds one: a Qwen2 architecture with 2 layers and a
hidden size of 64 (about 0.1 M parameters), random weights from a fixed seed, and a byte-level BPE
tokenizer trained here with the ``tokenizers`` library on a few sentences (every byte is in its
alphabet, so any text can be encoded). It has a chat template, an end-of-sequence and a padding
token, which is all TRL's DPO and GRPO trainers ask of a model. Its outputs are gibberish: it proves
that the training loop runs, not that anything is learnt.

    python examples/make_tiny_model.py target/tiny-model
    python examples/trl_dpo.py earshot-export --model target/tiny-model --max-steps 2

Needs torch, transformers and tokenizers (versions: see examples/README.md); no network.
"""

import argparse

# Text the tokenizer's merges are learnt from: English like the demo's prompts and answers.
TRAINING_TEXT = [
    "What is the capital of France? The capital of France is Paris.",
    "How many legs does a spider have? A spider has eight legs.",
    "Say hello politely. Hello, nice to meet you.",
    "Name a primary colour. Red is a primary colour.",
    "The weather today is sunny with a light breeze from the west.",
    "Please read the following sentence slowly and clearly.",
    "Thank you for calling; how can I help you this morning?",
    "The quick brown fox jumps over the lazy dog.",
]

EOS_TOKEN = "<|endoftext|>"
SPECIAL_TOKENS = [EOS_TOKEN, "<|im_start|>", "<|im_end|>"]

# ChatML, as Qwen2 models use it, so conversational datasets can be formatted too.
CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


def build_tokenizer(vocab_size):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(TRAINING_TEXT, trainer=trainer)
    return PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        eos_token=EOS_TOKEN,
        pad_token=EOS_TOKEN,
        chat_template=CHAT_TEMPLATE,
    )


def build_model(tokenizer, hidden_size, layers, seed):
    import torch
    from transformers import Qwen2Config, Qwen2ForCausalLM

    torch.manual_seed(seed)
    config = Qwen2Config(
        vocab_size=len(tokenizer),
        hidden_size=hidden_size,
        intermediate_size=2 * hidden_size,
        num_hidden_layers=layers,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=512,
        tie_word_embeddings=True,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=None,  # like Qwen2's tokenizer, this one adds no beginning-of-sequence token
    )
    model = Qwen2ForCausalLM(config)
    model.generation_config.eos_token_id = tokenizer.eos_token_id
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    return model


def build_parser():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output_dir", help="folder to write the model and tokenizer to")
    parser.add_argument("--hidden-size", type=int, default=64)
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--vocab-size", type=int, default=400,
                        help="tokenizer vocabulary, the 256 byte symbols and the special tokens included")
    parser.add_argument("--seed", type=int, default=0)
    return parser


def main():
    args = build_parser().parse_args()
    tokenizer = build_tokenizer(args.vocab_size)
    model = build_model(tokenizer, args.hidden_size, args.layers, args.seed)
    model.save_pretrained(args.output_dir)
    tokenizer.save_pretrained(args.output_dir)
    parameters = sum(p.numel() for p in model.parameters())
    print(f"randomly initialised tiny Qwen2 ({args.layers} layers, hidden {args.hidden_size},"
          f" vocabulary {len(tokenizer)}, {parameters} parameters, seed {args.seed})"
          f" written to {args.output_dir}")


if __name__ == "__main__":
    main()
