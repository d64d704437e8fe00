#!/usr/bin/env bash
# Installs the native packages HpcKit uses when they are missing (as root, with apt-get); otherwise names the
# exact command to run. The managed fallbacks (BLAS, eigensolver, thread ranks) work without any of them.
# Sourced by run.sh and test.sh.
hpckit_packages=(libopenblas0-pthread liblapack3 openmpi-bin libopenmpi-dev)
hpckit_missing=()
for p in "${hpckit_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || hpckit_missing+=("$p")
done
if [ ${#hpckit_missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing: ${hpckit_missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq "${hpckit_missing[@]}" >/dev/null \
      || echo "warning: apt-get install ${hpckit_missing[*]} failed; continuing with managed fallbacks" >&2
  else
    echo "note: missing ${hpckit_missing[*]}; run: sudo apt-get install ${hpckit_missing[*]} (continuing with managed fallbacks)" >&2
  fi
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK (dotnet) is required" >&2
  exit 2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# OpenMPI refuses to run as root unless told; the project's MPI runs are local.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
