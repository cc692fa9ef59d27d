ip link add v0 type veth peer name v1
ip addr add 10.0.0.1/24 dev v0
ip route show table local
ip link set v0 up
ip route show table all
ip link set v0 down
ip route show table local
ip addr add 10.0.0.2/24 dev v0
ip route show table local
ip addr add 127.0.0.5/8 dev lo
ip route show table local
ip link set lo up
ip route show table local
ip link set lo down
ip route show table local
ip netns add x
ip netns add y
ip link add v9 netns x type veth peer name v9 netns y
ip -n x link set v9 netns y
