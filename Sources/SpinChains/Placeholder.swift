// SpinChains
