# The "Destination Host Unreachable" of one's own packet comes back through lo: with lo down, ping never hears of it.
ip netns add p1
ip link add v1 type veth peer name eth0 netns p1
ip link set v1 up
ip -n p1 addr add 10.9.0.4/24 dev eth0
ip -n p1 link set eth0 up
ip netns exec p1 ping -c 2 10.9.0.9
ip -n p1 link set lo up
ip netns exec p1 ping -c 2 10.9.0.8
ip netns exec p1 ping -c 1 -W 1 10.9.0.7
ip netns exec p1 ping -c 2 10.9.0.7
ip -n p1 -s link show lo
