ip netns add a
ip netns add b
ip netns add c
ip netns list
ip link add x1 type veth peer name x2
ip netns list
ip link set x1 netns a
ip netns list
ip -n a netns list
ip link set x2 netns b
ip netns list
ip -n a netns list
ip -n b netns list
ip -n a link
ip -n a netns list
ip link add y1 netns c type veth peer name y2 netns b
ip netns list
ip -n c netns list
ip -n b netns list
ip link add z1 type veth peer name z2
ip link set z1 up
ip link show z1
ip addr add 10.1.1.1/24 dev z1
ip link set z2 up
ip addr
ip link set z2 netns c
ip link show z1
ip netns list
ip netns delete b
ip netns list
ip netns add d
ip netns list
