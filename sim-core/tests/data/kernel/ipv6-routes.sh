ip link set lo up
ip link add x type veth peer name y
ip link set x up
ip link set y up
ip -6 route
ip route show table all
ip -6 route show table local
ip -j -6 route
ip -6 addr show dev lo
ip link set x name z
ip -6 route
