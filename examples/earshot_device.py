"""Device and precision for the examples: the best the machine has, or what the flags ask for.

``auto`` picks a CUDA GPU (bf16 where the GPU supports it, fp32 otherwise), then Apple's MPS (fp32),
then the CPU (fp32 with ``use_cpu``). ``--device`` and ``--precision`` override the choice; an
impossible combination (fp16 on the CPU, bf16 on a GPU without it, a device that is not there) is
refused before any model is loaded. Importing this module needs neither torch nor transformers, so
the choice can be tested on a machine without them (examples/tests).
"""

from dataclasses import dataclass

DEVICES = ("auto", "cuda", "mps", "cpu")
PRECISIONS = ("auto", "bf16", "fp16", "fp32")


@dataclass(frozen=True)
class Hardware:
    """What the machine offers, as torch reports it."""

    cuda: bool = False
    cuda_bf16: bool = False
    mps: bool = False


@dataclass(frozen=True)
class Choice:
    device: str
    precision: str

    def training_arguments(self):
        """Keyword arguments for transformers.TrainingArguments (TRL's configs extend it)."""
        return {
            "use_cpu": self.device == "cpu",
            "bf16": self.precision == "bf16",
            "fp16": self.precision == "fp16",
        }


def detect_hardware():
    """Asks torch what is there; a machine without torch has only its CPU."""
    try:
        import torch
    except ImportError:
        return Hardware()
    cuda = torch.cuda.is_available()
    mps_backend = getattr(torch.backends, "mps", None)
    return Hardware(
        cuda=cuda,
        cuda_bf16=cuda and torch.cuda.is_bf16_supported(),
        mps=bool(mps_backend and mps_backend.is_available()),
    )


def choose(hardware, device="auto", precision="auto"):
    """The device and precision to train with.

    Raises ValueError, saying why, for a device that is not there or a precision it cannot run.
    """
    if device not in DEVICES:
        raise ValueError(f"device must be one of {DEVICES}, not {device!r}")
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {PRECISIONS}, not {precision!r}")
    if device == "auto":
        device = "cuda" if hardware.cuda else "mps" if hardware.mps else "cpu"
    elif device == "cuda" and not hardware.cuda:
        raise ValueError("--device cuda: no CUDA GPU is available (torch.cuda.is_available() is False)")
    elif device == "mps" and not hardware.mps:
        raise ValueError("--device mps: Apple's MPS backend is not available")
    if precision == "auto":
        precision = "bf16" if device == "cuda" and hardware.cuda_bf16 else "fp32"
    elif precision == "fp16" and device == "cpu":
        raise ValueError("--precision fp16 needs a GPU; use fp32 (or bf16) on the CPU")
    elif precision == "bf16" and device == "cuda" and not hardware.cuda_bf16:
        raise ValueError("--precision bf16: this GPU does not support bf16; use fp16 or fp32")
    return Choice(device, precision)


def add_arguments(parser):
    """Adds --device and --precision, both defaulting to auto."""
    parser.add_argument("--device", choices=DEVICES, default="auto",
                        help="where to train (default: auto, a CUDA GPU if there is one, else the CPU)")
    parser.add_argument("--precision", choices=PRECISIONS, default="auto",
                        help="default: auto, bf16 on a GPU that supports it, otherwise fp32")


def from_arguments(args, hardware=None):
    """The choice for parsed arguments, on the detected hardware unless one is given; exits with the
    reason when it is impossible."""
    try:
        return choose(detect_hardware() if hardware is None else hardware, args.device, args.precision)
    except ValueError as e:
        raise SystemExit(str(e)) from e
