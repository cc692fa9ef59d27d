# Neighbours on the loopback device: Linux keys them all as 0.0.0.0 and needs
# no link-layer address; iproute2 hides NOARP entries unless asked (nud).
# Several entries list in hash order, seeded at random: those are sorted.
ip link set lo up
ip neigh add 10.0.0.9 dev lo
ip neigh
ip neigh show dev lo
ip neigh show nud all | sort
ip neigh show nud permanent
ip neigh show nud noarp
ip -j neigh
ip neigh add 10.0.0.10 dev lo
ip neigh del 10.0.0.9 dev lo
ip neigh
ip neigh add 10.0.0.11 lladdr 02:00:00:00:00:01 dev lo
ip neigh replace 10.0.0.12 dev lo
ip neigh
ip neigh del 10.0.0.12 dev lo
ip neigh del 0.0.0.0 dev lo
ip neigh
ip neigh show nud bogus
ip link add br0 type bridge
ip neigh add 10.0.0.9 dev br0
ip neigh add 10.0.0.8 lladdr 02:00:00:00:00:08 dev br0 nud noarp
ip neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev br0
ip neigh
ip neigh show nud noarp
ip neigh show nud noarp nud permanent | sort
ip neigh show nud all | sort
