ip link add v1 type veth peer name v2
ip link set v1 up
ip link set v2 up
ip addr add 10.0.0.1/24 dev v1
ip route add default via 10.0.0.2
ip route add 10.9.0.0/16 dev v1 src 10.0.0.1
ip neigh add 10.0.0.7 lladdr 02:00:00:00:00:07 dev v1
ip -c route
ip -c neigh
ip -c neigh show dev v1
ip -c -br link
ip -c -j route
