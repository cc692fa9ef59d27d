# Seed 001's steps (the veth pair lesson), for explain's snapshot.
ip link add tap1 type veth peer name tap2
ip netns add orange
ip netns add green
ip link set tap1 netns orange
ip link set tap2 netns green
ip netns exec orange ip address
ip netns exec orange ip link set tap1 up
ip netns exec orange ifconfig tap1 192.168.1.2/24
ip netns exec orange ip link show tap1
ip netns exec orange ping -c 2 192.168.1.3
ip netns exec green ip link set tap2 up
ip netns exec green ifconfig tap2 192.168.1.3/24
ip netns exec green ip link show tap2
ip netns exec orange ping -c 2 192.168.1.3
ip netns exec orange ip route
ip netns exec orange ip neigh
ip netns exec orange ifconfig tap1
ip netns list
