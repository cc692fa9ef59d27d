# One address on two devices: each keeps its own local route, and a route
# using it as source goes only when no device has it any more.
ip link add br0 type bridge
ip addr add 10.1.2.1/8 dev br0
ip route show table local
ip link add v2 type veth peer name v3
ifconfig v2 10.1.2.1/24
ip route show table local
ip link set br0 up
ip route show table local
ip route
ip route add 10.50.0.0/16 dev br0 src 10.1.2.1
ip addr del 10.1.2.1/24 dev v2
ip route show table all
ip addr del 10.1.2.1/8 dev br0
ip route show table all
