#!/bin/sh
# The stored typicality runs behind the report's "drift beyond the dense engine" figure
# (TypicalityDriftExtension): heisenberg-o3 + probe, [Czz] from the late window Jt = [50, 100]
# (16 stratified times), one Haar-random state per realization, seed 2022. Realizations are added
# a few at a time over every W (rerunning resumes; a run store keeps what is finished).
# Usage: scripts/drift-typicality-runs.sh L "W ..." "N ..."
#   as stored: L = 10 "3 4 5 6 8" "4 8 12 16 24"; L = 12 "3 4 5 6 8" "2 4 8 12 16"; L = 14 "5 6 8" "1 2 3 4 6 8 12 16";
#   L = 16 "5 6 8" "1 2 3 4"
set -e
R=${R:-.build/release/resonance}
L=$1
for N in $3; do
    for W in $2; do
        nice "$R" ed dynamics --model heisenberg-o3 --probe --L "$L" --W "$W" --times window:50:100:16 --states 1 \
            --realizations "$N" --seed 2022 --threads 1 --out "data/drift_typicality/L${L}_W${W}" --quiet
    done
done
