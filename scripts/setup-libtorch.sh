#!/usr/bin/env bash
# Installs the libtorch that the `transformer` feature's pinned `tch` (0.17)
# needs, from PyPI (torch 2.4.0), into .venv-torch, and prints the
# environment for cargo:
#
#   eval "$(scripts/setup-libtorch.sh)"
#   cargo test --release --features transformer
#
# Also installs `transformers`, `numpy`, `sentencepiece` and `protobuf`,
# which scripts/tiny_models.py uses to write the tiny test checkpoints and
# scripts/export_checkpoint.py to export Hugging Face checkpoints.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-torch/bin/python ]; then
    python3 -m venv .venv-torch >&2
fi
.venv-torch/bin/pip install -q "torch==2.4.0" "transformers==4.44.2" "numpy<2" \
    "sentencepiece==0.2.3" "protobuf==7.36.2" >&2
lib="$(.venv-torch/bin/python -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')"
echo "export PATH=\"$PWD/.venv-torch/bin:\$PATH\""
echo "export LIBTORCH_USE_PYTORCH=1"
echo "export LD_LIBRARY_PATH=\"$lib:\${LD_LIBRARY_PATH:-}\""
