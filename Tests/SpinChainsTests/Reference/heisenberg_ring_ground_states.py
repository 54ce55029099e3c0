"""Independent reference: ground-state energies of the periodic spin-1/2 Heisenberg ring
H = J sum_n S_n . S_{n+1} (S = sigma/2, J = 1), by brute force from Kronecker products of the
Pauli matrices and numpy's dense eigensolver. Writes heisenberg_ring_ground_states.json.
Run: python3 heisenberg_ring_ground_states.py  (numpy only)."""
import json
import numpy as np

sx = np.array([[0, 1], [1, 0]], dtype=complex)
sy = np.array([[0, -1j], [1j, 0]], dtype=complex)
sz = np.array([[1, 0], [0, -1]], dtype=complex)


def site_operator(op, n, length):
    """op on site n, site 0 the fastest index (last Kronecker factor)."""
    result = np.array([[1.0 + 0j]])
    for m in reversed(range(length)):
        result = np.kron(result, op if m == n else np.eye(2))
    return result


def heisenberg_ring(length):
    h = np.zeros((2 ** length, 2 ** length), dtype=complex)
    for n in range(length):
        for s in (sx, sy, sz):
            h += 0.25 * site_operator(s, n, length) @ site_operator(s, (n + 1) % length, length)
    return h


energies = {str(length): float(np.linalg.eigvalsh(heisenberg_ring(length))[0]) for length in (4, 6, 8, 10)}
with open("heisenberg_ring_ground_states.json", "w") as f:
    json.dump({"hamiltonian": "J sum_n S_n.S_{n+1}, S = sigma/2, J = 1, periodic",
               "ground_state_energy": energies}, f, indent=1)
print(energies)
