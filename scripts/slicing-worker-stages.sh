#!/bin/bash
# Stage times of the spectrum-slicing worker (docs/exact-numerics.md, "Window observables"): the
# job files of N realizations of xxz L = 14, S^z = 0, W = 1 (window observables) are kept by a
# wrapper while `ed run --window-solver sparse` computes them, then each given worker binary
# solves each job (two workers: at the same time, one per core, so that both see the same load),
# with RESONANCE_WORKER_STAGES=1; prints the median wall and CPU seconds of every stage.
# Usage: scripts/slicing-worker-stages.sh [N] [WORKER [WORKER]]
#   e.g. scripts/slicing-worker-stages.sh 6 /tmp/old/resonance-sparse-real .build/release/resonance-sparse-real
set -e
N=${1:-6}
shift || true
WORKERS=("$@")
[ ${#WORKERS[@]} -eq 0 ] && WORKERS=(.build/release/resonance-sparse-real)
R=${R:-.build/release/resonance}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/wrap" "$WORK/jobs"
REAL_WORKER=$(readlink -f .build/release/resonance-sparse-real)
cat > "$WORK/wrap/resonance-sparse-real" <<EOF
#!/bin/sh
cp "\$1" "$WORK/jobs/job\$(ls "$WORK/jobs" | wc -l).json"
exec "$REAL_WORKER" "\$@"
EOF
chmod +x "$WORK/wrap/resonance-sparse-real"
RESONANCE_WORKER_DIR="$WORK/wrap" "$R" ed run --model xxz --L 14 --sector 0 --W 1 --seed 1 --realizations "$N" \
    --workers 1 --blas-threads 1 --observables r,matrix-elements,criterion,entanglement --window-solver sparse \
    --quiet --out "$WORK/run"
# The worker's environment as `resonance` starts it (SparseWindowEngine.slicing, scotchMUMPSPreload).
export OMPI_MCA_ess_singleton_isolated=1 OMPI_MCA_btl=self OMPI_MCA_pml=ob1 OMPI_MCA_mtl=^ofi OMPI_MCA_osc=^ucx,rdma
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 RESONANCE_WORKER_STAGES=1
M=/usr/lib/x86_64-linux-gnu
[ -f $M/libdmumps_ptscotch-5.5.so ] && export LD_PRELOAD="$M/libpord_ptscotch-5.5.so $M/libmumps_common_ptscotch-5.5.so $M/libdmumps_ptscotch-5.5.so"
uptime
for job in "$WORK"/jobs/*.json; do
    for w in "${!WORKERS[@]}"; do
        ( /usr/bin/time -f "stage PROCESS wall %e s  cpu %U s" "${WORKERS[$w]}" "$job" "$WORK/result$w.bin" 2>> "$WORK/stages$w.txt" ) &
    done
    wait
done
uptime
for w in "${!WORKERS[@]}"; do
    echo "== ${WORKERS[$w]} ($N jobs; PROCESS cpu: user only)"
    awk 'function median(list,   x, k, i, j, t) {
             k = split(list, x, " ")
             for (i = 2; i <= k; i++) for (j = i; j > 1 && x[j - 1] + 0 > x[j] + 0; j--) { t = x[j]; x[j] = x[j - 1]; x[j - 1] = t }
             return x[int((k + 1) / 2)] }
         /^stage/ { name = $2; for (i = 3; $(i) != "wall"; i++) name = name " " $(i);
                    wall[name] = wall[name] " " $(i + 1); cpu[name] = cpu[name] " " $(i + 4) }
         END { for (n in wall) printf "%-40s wall %8.4f  cpu %8.4f\n", n, median(wall[n]), median(cpu[n]) }' \
        "$WORK/stages$w.txt" | sort
done
