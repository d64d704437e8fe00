#!/usr/bin/env bash
# ./test.sh   — installs what is missing, builds, runs every test: unit tests (xunit) and MPI tests
# (mpirun -np 2 and -np 3 --oversubscribe). Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
source scripts/ensure-deps.sh
dotnet build HpcKit.sln -c Release -v quiet -nologo -clp:NoSummary || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

passed=0; failed=0; log=$(mktemp)
for proj in tests/*.Tests/*.csproj; do
  echo "== $(basename "$proj" .csproj)"
  dotnet test "$proj" -c Release --no-build -nologo -v quiet 2>&1 | tee "$log" | grep -E "^(Passed|Failed)!|error|\[FAIL\]" || true
  p=$(grep -oE "Passed: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}')
  f=$(grep -oE "Failed: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}')
  if ! grep -qE "^(Passed|Failed)!" "$log"; then f=$((f + 1)); echo "   (no test result: see above)"; cat "$log" | tail -20; fi
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

host=tests/HpcKit.MpiHost/bin/Release/net10.0/HpcKit.MpiHost.dll
if command -v mpirun >/dev/null 2>&1; then
  for np in 2 3; do
    echo "== MPI tests, mpirun -np $np"
    if timeout 600 mpirun -np "$np" --oversubscribe dotnet "$host" > "$log" 2>&1; then
      p=$(grep -cE "^PASS" "$log"); passed=$((passed + p))
    else
      failed=$((failed + 1))
    fi
    grep -E "^(PASS|FAIL)" "$log" | sort | uniq -c | sed 's/^/   /' || true
    f=$(grep -cE "^FAIL" "$log"); failed=$((failed + f))
    grep -qE "^(PASS|FAIL)" "$log" || { echo "   MPI host produced no results:"; tail -20 "$log"; }
  done
else
  echo "note: mpirun not found; MPI tests skipped (apt-get install openmpi-bin libopenmpi-dev)"
fi
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
