"""From events to the alliance map: clusters, dyads over time, networks, blocs, shifts, exports."""
