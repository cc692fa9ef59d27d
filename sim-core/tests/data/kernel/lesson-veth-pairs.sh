# The commands of content/01-veth-pairs.md, in order.
ip link show lo
ip link add tap1 type veth peer name tap2
ip link show type veth
ip netns add orange
ip netns add green
ip link set tap1 netns orange
ip link set tap2 netns green
ip link show tap1
ip netns exec orange ip address
ip netns exec orange ip link set tap1 up
ip netns exec orange ifconfig tap1 192.168.1.2/24
ip netns exec orange ip link show tap1
ip netns exec green ip address
ip netns exec green ip link set tap2 up
ip netns exec green ifconfig tap2 192.168.1.3/24
ip netns exec green ip link show tap2
ip netns exec orange ping -c 3 192.168.1.3
ip netns exec green ping -c 3 192.168.1.2
ip netns list
ip netns delete green
ip netns delete orange
