#!/usr/bin/env bash
# ./run.sh [hpckit args]   — installs what is missing, builds Release, runs hpckit (default: quickstart).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/ensure-deps.sh
dotnet build src/HpcKit.Cli/HpcKit.Cli.csproj -c Release -v quiet -nologo -clp:NoSummary >&2
[ $# -eq 0 ] && set -- quickstart
exec dotnet src/HpcKit.Cli/bin/Release/net10.0/hpckit.dll "$@"
