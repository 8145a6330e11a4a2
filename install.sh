#!/usr/bin/env bash
# One-step set-up: a virtual environment in .venv with the CPU build of torch put in first, Briefbot
# and its test tools, then the index of docs_corpus/ and one sample question answered from it.
set -euo pipefail
cd "$(dirname "$0")"

python=${PYTHON:-$(command -v python3.11 || command -v python3)}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "install.sh: Python 3.11 or newer is needed (set PYTHON=...)" >&2; exit 1; }

[ -x .venv/bin/python ] || "$python" -m venv .venv
pip=(.venv/bin/python -m pip --disable-pip-version-check)
"${pip[@]}" install --quiet --upgrade pip

# torch first, CPU build: left to itself, sentence-transformers pulls a multi-GB CUDA build.
# Elsewhere, set TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to take it from PyTorch's index.
torch_source=()
[ -n "${TORCH_INDEX_URL:-}" ] && torch_source=(--index-url "$TORCH_INDEX_URL")
"${pip[@]}" install --quiet "torch==${TORCH_VERSION:-2.13.0}" "${torch_source[@]}"
"${pip[@]}" install --quiet -e ".[dev]"

if [ "${BRIEFBOT_SKIP_DEMO:-0}" != "1" ]; then
  .venv/bin/briefbot index
  .venv/bin/briefbot ask "Which countries mediated the talks?"
  echo
  echo "Ready. Ask more with .venv/bin/briefbot console (help lists its commands), run the Discord"
  echo "bot with .venv/bin/briefbot run (see README), the tests with .venv/bin/python -m pytest."
fi
