// ResonanceModel
